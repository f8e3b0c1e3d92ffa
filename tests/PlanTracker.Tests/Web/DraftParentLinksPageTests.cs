using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using PlanTracker.Tests.Cascade;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Web;

/// <summary>The review screen's parent links (issue 18, item 1): shown per item, removed and added from the page.</summary>
public sealed partial class DraftParentLinksPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Should_show_proposed_links_and_let_the_secretariat_remove_and_add_them_on_the_review_page()
    {
        var client = await PageClient.SignInAsync(app, "thuongtruc@plantracker.local");
        var start = await client.GetStringAsync("/Imports/Drafts");
        var created = await client.PostAsync("/Imports/Drafts", PageClient.Form(start, new() { ["Text"] = DraftParentLinksTests.Draft }));
        var url = created.RequestMessage!.RequestUri!.AbsolutePath;
        var page = System.Net.WebUtility.HtmlDecode(await created.Content.ReadAsStringAsync());
        var api = await app.ClientForAsync("thuongtruc@plantracker.local");
        var items = (await api.GetFromJsonAsync<JsonElement>($"/api/v1{url.ToLowerInvariant()}")).GetProperty("proposal").GetProperty("items")
            .EnumerateArray().Where(i => !i.GetProperty("isGroup").GetBoolean()).Select(i => i.GetProperty("id").GetString()!).ToList();
        var task8 = app.TaskId(DraftParentLinksTests.Parent36a, "8");

        Assert.Contains("Thực hiện nhiệm vụ cấp trên", page);
        Assert.Contains("36a/NQ-CP · 7 — ", page);
        Assert.Contains("văn bản trích dẫn", page);

        page = await (await client.PostAsync($"{url}?handler=Unlink", PageClient.Form(page, new()
            { ["version"] = Version(page), ["itemId"] = items[1], ["parentTaskId"] = task8.ToString() }))).Content.ReadAsStringAsync();
        page = System.Net.WebUtility.HtmlDecode(page);
        Assert.DoesNotContain("36a/NQ-CP · 8 — ", LinksOf(page, items[1]));
        page = await (await client.PostAsync($"{url}?handler=Link", PageClient.Form(page, new()
            { ["version"] = Version(page), ["itemId"] = items[3], ["parentTaskId"] = app.TaskId(DraftParentLinksTests.Parent36a, "10").ToString() }))).Content.ReadAsStringAsync();
        page = System.Net.WebUtility.HtmlDecode(page);
        Assert.Contains("36a/NQ-CP · 10 — ", LinksOf(page, items[3]));
        Assert.Contains("thêm khi rà soát", LinksOf(page, items[3]));

        await client.GetAsync("/culture?c=en&returnUrl=/");
        Assert.Contains("Carries out parent tasks", await client.GetStringAsync(url));
    }

    private static string LinksOf(string page, string itemId)
    {
        var at = page.IndexOf($"id=\"links-{itemId}\"", StringComparison.Ordinal);
        Assert.True(at >= 0, $"no links block for {itemId}");
        return page[at..page.IndexOf("</ul>", at, StringComparison.Ordinal)];
    }

    private static string Version(string page) => VersionField().Match(page).Groups[1].Value;

    [GeneratedRegex("name=\"version\" value=\"(\\d+)\"")] private static partial Regex VersionField();
}
