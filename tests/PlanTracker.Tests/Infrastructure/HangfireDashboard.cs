using System.Net;
using System.Text.RegularExpressions;

namespace PlanTracker.Tests.Infrastructure;

/// <summary>Sends a dashboard command as its own pages do: a form with the antiforgery token in the header its page names.</summary>
public static partial class HangfireDashboard
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient pages, string path, Dictionary<string, string> form, bool withToken = true)
    {
        var page = await pages.GetAsync("/hangfire/recurring");
        var html = await page.Content.ReadAsStringAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        if (withToken && Header().Match(html) is { Success: true } header && Token().Match(html) is { Success: true } token)
            request.Headers.Add(WebUtility.HtmlDecode(header.Groups[1].Value), WebUtility.HtmlDecode(token.Groups[1].Value));
        return await pages.SendAsync(request);
    }

    [GeneratedRegex("""<meta name="csrf-header" content="([^"]+)">""")]
    private static partial Regex Header();

    [GeneratedRegex("""<meta name="csrf-token" content="([^"]+)">""")]
    private static partial Regex Token();
}
