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
        // Đắk Lắk's plan: an administrator reads every province's plans (docs/decisions/0013).
        var client = await SignedInClient("admin@plantracker.local");

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
        Assert.Contains("<td class=\"nowrap\">từ 30% trở lên</td>", task); // the value inside the comparison (issue 16 item 14)
        Assert.DoesNotContain("từ … trở lên", task);
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

    [Fact]
    public async Task Should_let_the_lead_officer_record_progress_in_the_form_and_show_it_in_the_history()
    {
        var client = await SignedInClient("canbo.noivu@plantracker.local");
        var id = app.TaskId("vinh-phuc/kh-36a", "III.5.b");

        var form = await client.GetStringAsync($"/Tasks/{id}/Progress");
        var version = VersionField().Match(form).Groups[1].Value;
        var response = await client.PostAsync($"/Tasks/{id}/Progress", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Version"] = version, ["Input.Status"] = "InProgress", ["Input.PercentComplete"] = "35",
            ["Input.Note"] = "Đã trình UBND tỉnh <b>dự thảo</b>", ["__RequestVerificationToken"] = AntiforgeryToken().Match(form).Groups[1].Value,
        }));

        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Đã lưu.", page);
        Assert.Contains("Đã trình UBND tỉnh &lt;b&gt;dự thảo&lt;/b&gt;", page); // shown as text, never as HTML
        Assert.Contains("cập nhật tiến độ: ", page); // the audit trail as a sentence, not "task.progress"
    }

    [Fact]
    public async Task Should_show_the_form_errors_next_to_the_fields_and_save_nothing()
    {
        var client = await SignedInClient("canbo.noivu@plantracker.local");
        var id = app.TaskId("vinh-phuc/kh-36a", "III.5.d");
        var form = await client.GetStringAsync($"/Tasks/{id}/Progress");

        var response = await client.PostAsync($"/Tasks/{id}/Progress", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Version"] = VersionField().Match(form).Groups[1].Value, ["Input.Status"] = "InProgress",
            ["Input.PercentComplete"] = "150", ["Input.Note"] = "x",
            ["__RequestVerificationToken"] = AntiforgeryToken().Match(form).Groups[1].Value,
        }));

        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("150", page);
        Assert.Contains("field-validation-error", page);
        Assert.DoesNotContain("task.progress", await client.GetStringAsync($"/Tasks/{id}"));
    }

    [Fact]
    public async Task Should_answer_403_when_another_agency_opens_the_progress_form()
    {
        await app.ClientForNewUserAsync("canbo.tc@test.local", "AgencyOfficer", "vinh-phuc/so-tai-chinh");
        var client = await SignedInClient("canbo.tc@test.local");
        var id = app.TaskId("vinh-phuc/kh-36a", "III.5.a");

        var response = await client.GetAsync($"/Tasks/{id}/Progress");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("không có quyền", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Should_list_my_agencys_tasks_as_lead_and_as_coordinating()
    {
        var client = await SignedInClient("canbo.noivu@plantracker.local");
        var page = await client.GetStringAsync("/My");
        Assert.Contains("Chủ trì", page);
        Assert.Contains("III.5.a", page);
        Assert.Contains("II.2.c-9", page); // coordinated with Sở TT&TT
    }

    private async Task<HttpClient> SignedInClient(string email = "thuongtruc@plantracker.local")
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        var form = await client.GetStringAsync("/Account/Login");
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = TestDatabases.DemoPassword,
            ["__RequestVerificationToken"] = token,
        }));
        response.EnsureSuccessStatusCode();
        Assert.DoesNotContain("Sai thư điện tử", await response.Content.ReadAsStringAsync());
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("name=\"Input.Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionField();

    [GeneratedRegex("href=\"/Tasks/(\\d+)\"")]
    private static partial Regex TaskLink();

    [GeneratedRegex("href=\"/Plans/(\\d+)\"")]
    private static partial Regex PlanLink();
}
