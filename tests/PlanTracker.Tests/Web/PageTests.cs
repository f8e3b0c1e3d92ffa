using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Web;

public sealed partial class PageTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Should_send_anonymous_visitors_to_sign_in()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task Should_show_plans_and_a_plan_tree_in_Vietnamese_after_sign_in()
    {
        var client = await SignedInClient();

        var plans = await client.GetStringAsync("/");
        Assert.Contains("168/QĐ-UBND", plans);
        Assert.Contains("Quá hạn", plans);
        var planId = PlanLink().Match(plans[plans.IndexOf("168/QĐ-UBND", StringComparison.Ordinal)..]).Groups[1].Value;

        var response = await client.GetAsync($"/Plans/{planId}");
        Assert.True(response.IsSuccessStatusCode, $"/Plans/{planId}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var tree = await response.Content.ReadAsStringAsync();
        Assert.Contains("Quý III/2018", tree);
        Assert.Contains("quá hạn 8 năm", tree); // Quý III/2018 ended 30/09/2018; today is 22/11/2026
        Assert.Contains("IV.3.b-1", tree);

        var taskId = TaskLink().Match(tree[tree.IndexOf("IV.3.b-1", StringComparison.Ordinal)..]).Groups[1].Value;
        var task = await client.GetStringAsync($"/Tasks/{taskId}");
        Assert.Contains("Sở TT&amp;TT", task);
        Assert.Contains("từ … trở lên 30%", task);
        Assert.Contains("10%/năm", task);
        Assert.Contains("168/QĐ-UBND", task);
    }

    [Fact]
    public async Task Should_switch_to_English_on_request()
    {
        var client = await SignedInClient();
        await client.GetAsync("/culture?c=en&returnUrl=/");
        var plans = await client.GetStringAsync("/");
        Assert.Contains("Overdue", plans);
        Assert.Contains("Issuer", plans);
    }

    private async Task<HttpClient> SignedInClient()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        var form = await client.GetStringAsync("/Account/Login");
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "thuongtruc@plantracker.local",
            ["Password"] = TestDatabases.DemoPassword,
            ["__RequestVerificationToken"] = token,
        }));
        response.EnsureSuccessStatusCode();
        Assert.DoesNotContain("Sai thư điện tử", await response.Content.ReadAsStringAsync());
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("href=\"/Tasks/(\\d+)\"")]
    private static partial Regex TaskLink();

    [GeneratedRegex("href=\"/Plans/(\\d+)\"")]
    private static partial Regex PlanLink();
}
