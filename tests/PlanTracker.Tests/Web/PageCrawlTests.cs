using System.Net;
using System.Text.RegularExpressions;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Web;

/// <summary>
/// Every page a role reaches by following links from the home page, in Vietnamese mode (the default):
/// none may show English words of the interface, raw JSON, a stack trace or a server error, and no link
/// may lead to a page that refuses what it was sent (400). Pages of one shape (/Tasks/{id}) are visited
/// a few times each, so that the crawl covers every kind of page without reading every task.
/// </summary>
public sealed partial class PageCrawlTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const int MaxPages = 160;
    private const int PerShape = 2;

    /// <summary>Links that are not pages to read: language switch, sign-out, downloads, the API, static files.</summary>
    private static readonly string[] NotPages =
        ["/culture", "/Account/Logout", "/evidence/", "/reports/quarterly/", "handler=Export", "/lib/", "/css/", "/js/", "/api/", "/health", "/openapi"];

    /// <summary>Words and names that are the same in both languages, or the data's own (a seed document's English term).</summary>
    private static readonly string[] AllowList = ["PlanTracker", "English", "Internet of Things", "Smart City", "Big Data", "Open Data", "Software design and development skill standard"];

    [Theory]
    [InlineData("admin@plantracker.local")]
    [InlineData("thuongtruc@plantracker.local")]
    [InlineData("canbo.noivu@plantracker.local")]
    [InlineData("giamdoc.noivu@plantracker.local")]
    [InlineData("bcd@plantracker.local")]
    public async Task Should_show_every_page_a_role_reaches_in_vietnamese_without_json_stack_traces_or_errors(string email)
    {
        var client = await PageClient.SignInAsync(app, email);
        var queue = new Queue<string>(["/"]);
        var seen = new HashSet<string>(["/"]);
        var shapes = new Dictionary<string, int>();
        var problems = new List<string>();
        var visited = 0;
        while (queue.Count > 0 && visited < MaxPages)
        {
            var url = queue.Dequeue();
            visited++;
            var response = await client.GetAsync(url);
            var type = response.Content.Headers.ContentType?.MediaType ?? "";
            var status = (int)response.StatusCode;
            if (status >= 500 || status == 400) problems.Add($"{url}: {status}");
            if (type.Contains("json", StringComparison.Ordinal)) problems.Add($"{url}: answers {type} to a browser");
            if (type != "text/html") continue; // a download (.xlsx, .docx) reached by a link
            var html = await response.Content.ReadAsStringAsync();
            problems.AddRange(Check(html).Select(p => $"{url}: {p}"));
            foreach (var link in Links(html))
            {
                var shape = Shape(link);
                if (seen.Contains(link) || shapes.GetValueOrDefault(shape) >= PerShape) continue;
                seen.Add(link);
                shapes[shape] = shapes.GetValueOrDefault(shape) + 1;
                queue.Enqueue(link);
            }
        }
        Assert.True(visited >= 8, $"{email} reached only {visited} pages: {string.Join(", ", seen)}");
        Assert.True(problems.Count == 0, $"{email}, {visited} pages:\n" + string.Join("\n", problems.Distinct().Take(60)));
    }

    /// <summary>What a person would see that they should not: English, JSON, a stack trace.</summary>
    public static IEnumerable<string> Check(string html)
    {
        var text = VisibleText(html);
        foreach (var allowed in AllowList) text = text.Replace(allowed, " ", StringComparison.Ordinal);
        foreach (Match m in EnglishWords().Matches(text))
        {
            var at = Math.Max(0, m.Index - 40);
            yield return $"English \"{m.Value}\" in «{text[at..Math.Min(text.Length, m.Index + 40)].Trim()}»";
        }
        if (Json().IsMatch(text)) yield return "raw JSON: " + Json().Match(text).Value;
        if (text.Contains("Exception", StringComparison.Ordinal) || StackFrame().IsMatch(text)) yield return "a stack trace";
    }

    /// <summary>The words on the page and in the attributes a person reads (titles, placeholders, labels for screen readers).</summary>
    private static string VisibleText(string html)
    {
        var body = Scripts().Replace(html, " ");
        var attributes = string.Join(" . ", ReadAttributes().Matches(body).Select(m => m.Groups[2].Value));
        return WebUtility.HtmlDecode(Whitespace().Replace(Tags().Replace(body, " ") + " . " + attributes, " "));
    }

    private static IEnumerable<string> Links(string html) =>
        Href().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))
            .Where(h => h.StartsWith('/') && !h.StartsWith("//", StringComparison.Ordinal) && !NotPages.Any(n => h.Contains(n, StringComparison.OrdinalIgnoreCase)));

    /// <summary>"/Tasks/123?sort=due&amp;page=2" and "/Tasks/456?page=3&amp;sort=title" are one shape: ids and values gone, keys sorted.</summary>
    private static string Shape(string link)
    {
        var parts = link.Split('?', 2);
        var path = Digits().Replace(parts[0], "#");
        var keys = parts.Length < 2 ? "" : string.Join("&", parts[1].Split('&').Select(p => p.Split('=')[0]).Order(StringComparer.Ordinal));
        return path + "?" + keys;
    }

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)] private static partial Regex Scripts();
    [GeneratedRegex(@"\b(title|placeholder|aria-label|alt)=""([^""]*)""")] private static partial Regex ReadAttributes();
    [GeneratedRegex("<[^>]+>")] private static partial Regex Tags();
    [GeneratedRegex(@"\s+")] private static partial Regex Whitespace();
    [GeneratedRegex(@"href=""([^""#]+)")] private static partial Regex Href();
    [GeneratedRegex(@"\d+")] private static partial Regex Digits();
    [GeneratedRegex(@"\{\s*""[A-Za-z]+""\s*:")] private static partial Regex Json();
    [GeneratedRegex(@"\bat [A-Z]\w+\.\w+.*\(|\.cs:line \d+")] private static partial Regex StackFrame();

    /// <summary>
    /// Tell-tale English: function words Vietnamese never uses, and the interface's own English words
    /// (the English resources' labels). "in", "an", "to" and "no" are Vietnamese words too and are left out.
    /// </summary>
    [GeneratedRegex(@"\b(the|and|of|is|are|was|must|cannot|should|please|your|you|with|from|this|that|required|not valid|" +
        @"Save|Cancel|Delete|Edit|Submit|Back|Search|Sign in|Sign out|Password|Error|Forbidden|Not found|Dashboard|Overdue|Progress|" +
        @"Reports?|Tasks?|Plans?|Agency|Agencies|None|Status|Deadline|Download|Export|Print|Filter|Next|Previous|Users|Jobs|Outbox|" +
        @"Preferences|Language|Lead|Coordinating|Targets?|Draft|Published|Publish|Review|Confirm|Discard|Upload|Choose|Select|All|" +
        @"Quarter|Year|Month|Week|Daily|Weekly|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Pending|Sent|Dead|Failed|Succeeded|Running)\b")]
    private static partial Regex EnglishWords();
}
