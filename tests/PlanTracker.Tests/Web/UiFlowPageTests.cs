using System.Net;
using System.Text.RegularExpressions;
using PlanTracker.Tests.Api;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Web;

/// <summary>
/// Issue 16 over HTTP, as a browser posts forms: lists reach past page 1 and keep their filters; a
/// stale save explains itself and can be saved on top; actions ask before what cannot be undone and
/// then say what they did; the reports page names its period and follows the template.
/// </summary>
public sealed partial class UiFlowPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Officer = "canbo.noivu@plantracker.local";
    private const string Head = "giamdoc.noivu@plantracker.local";
    private const string Secretariat = "thuongtruc@plantracker.local";

    [Fact]
    public async Task Should_page_the_tasks_behind_a_dashboard_number_past_page_one_keeping_filter_and_sort()
    {
        var client = await PageClient.SignInAsync(app, "admin@plantracker.local");
        var first = await client.GetStringAsync("/Tasks?timeliness=InProgressOverdue&sort=Agency");
        var total = int.Parse(Total().Match(first).Groups[1].Value);
        Assert.True(total > 50, $"the seed should hold more than one page of overdue tasks, has {total}");
        var pages = (total + 49) / 50;

        var next = NextLink().Match(first).Groups[1].Value.Replace("&amp;", "&");
        Assert.Contains("trang=2", next);
        Assert.Contains("timeliness=InProgressOverdue", next);
        Assert.Contains("sort=Agency", next);
        var response = await client.GetAsync(next);
        var second = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("is not valid", second);
        Assert.Contains($"Trang 2/{pages}", second);
        var firstIds = TaskLinks().Matches(first).Select(m => m.Groups[1].Value).ToHashSet();
        var secondIds = TaskLinks().Matches(second).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(secondIds);
        Assert.DoesNotContain(secondIds, firstIds.Contains);

        var beyond = await client.GetStringAsync("/Tasks?timeliness=InProgressOverdue&trang=9999");
        Assert.Contains($"Trang {pages}/{pages}", beyond);
        Assert.Contains("đang hiện trang cuối", beyond);
        Assert.NotEmpty(TaskLinks().Matches(beyond));
    }

    [Fact]
    public async Task Should_explain_a_stale_progress_save_show_what_was_saved_keep_the_typing_and_save_on_top()
    {
        var id = app.TaskId("vinh-phuc/kh-36a", "III.5.b");
        var tab1 = await PageClient.SignInAsync(app, Officer);
        var tab2 = await PageClient.SignInAsync(app, Head);
        var form1 = await tab1.GetStringAsync($"/Tasks/{id}/Progress");
        var form2 = await tab2.GetStringAsync($"/Tasks/{id}/Progress");
        var version = VersionField().Match(form2).Groups[1].Value;

        var saved = await tab1.PostAsync($"/Tasks/{id}/Progress", Progress(form1, version, "InProgress", 50, "Bản lưu trước của cán bộ"));
        Assert.Contains("Đã lưu.", await saved.Content.ReadAsStringAsync());

        var stale = await tab2.PostAsync($"/Tasks/{id}/Progress", Progress(form2, version, "InProgress", 60, "Nội dung giám đốc đang gõ"));
        var page = await stale.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("vừa được", page);                      // someone else saved first …
        Assert.Contains("Trần Thị Cán Bộ", page);              // … who it was …
        Assert.Contains("Bản lưu trước của cán bộ", page);      // … what they saved …
        Assert.Contains("Nội dung giám đốc đang gõ", page);     // … and what this user typed, kept
        var newVersion = VersionField().Match(page).Groups[1].Value;
        Assert.NotEqual(version, newVersion);

        var onTop = await tab2.PostAsync($"/Tasks/{id}/Progress", Progress(page, newVersion, "InProgress", 60, "Nội dung giám đốc đang gõ"));
        var done = await onTop.Content.ReadAsStringAsync();
        Assert.Contains("Đã lưu.", done);
        Assert.Contains("Nội dung giám đốc đang gõ", done);
    }

    [Fact]
    public async Task Should_explain_a_stale_task_edit_keep_the_typing_and_save_on_top()
    {
        var id = app.TaskId("vinh-phuc/kh-36a", "III.5.d");
        var tab1 = await PageClient.SignInAsync(app, Secretariat);
        var tab2 = await PageClient.SignInAsync(app, Secretariat);
        var form1 = await tab1.GetStringAsync($"/Tasks/{id}/Edit");
        var form2 = await tab2.GetStringAsync($"/Tasks/{id}/Edit");
        FormUrlEncodedContent Edit(string form, string title) => PageClient.Form(form, new()
        {
            ["Input.Version"] = VersionField().Match(form).Groups[1].Value, ["Input.Code"] = "III.5.d", ["Input.Title"] = title,
            ["Input.LeadAgencyId"] = Regex.Match(form, "<option value=\"(\\d+)\" selected=\"selected\">").Groups[1].Value,
            ["Input.DeadlineText"] = "Năm 2027",
        });

        Assert.Contains("Đã lưu.", await (await tab1.PostAsync($"/Tasks/{id}/Edit?handler=Save", Edit(form1, "Tiêu đề của tab thứ nhất"))).Content.ReadAsStringAsync());
        var stale = await (await tab2.PostAsync($"/Tasks/{id}/Edit?handler=Save", Edit(form2, "Tiêu đề của tab thứ hai"))).Content.ReadAsStringAsync();
        Assert.Contains("vừa được Nguyễn Văn Thường Trực thay đổi", stale);
        Assert.Contains("Tiêu đề của tab thứ hai", stale);
        Assert.NotEqual(VersionField().Match(form2).Groups[1].Value, VersionField().Match(stale).Groups[1].Value);

        var onTop = await (await tab2.PostAsync($"/Tasks/{id}/Edit?handler=Save", Edit(stale, "Tiêu đề của tab thứ hai"))).Content.ReadAsStringAsync();
        Assert.Contains("Đã lưu.", onTop);
        Assert.Contains("Tiêu đề của tab thứ hai", onTop);
    }

    [Fact]
    public async Task Should_ask_before_recording_done_at_forty_percent()
    {
        var id = app.TaskId("vinh-phuc/kh-36a", "III.5.c");
        var client = await PageClient.SignInAsync(app, Officer);
        var form = await client.GetStringAsync($"/Tasks/{id}/Progress");
        var version = VersionField().Match(form).Groups[1].Value;

        var asked = await (await client.PostAsync($"/Tasks/{id}/Progress", Progress(form, version, "Done", 40, "Đã xong phần chính"))).Content.ReadAsStringAsync();
        Assert.Contains("tiến độ đang là 40%", asked);
        Assert.Contains("name=\"Input.ConfirmDone\"", asked);
        Assert.Contains("Đã xong phần chính", asked);
        Assert.DoesNotContain("Đã xong phần chính", await client.GetStringAsync($"/Tasks/{id}")); // nothing saved yet

        var content = Progress(asked, version, "Done", 40, "Đã xong phần chính", confirmDone: true);
        var saved = await (await client.PostAsync($"/Tasks/{id}/Progress", content)).Content.ReadAsStringAsync();
        Assert.Contains("Đã lưu.", saved);
        Assert.Contains("Đã xong phần chính", saved);
    }

    [Fact]
    public async Task Should_ask_before_publishing_and_then_say_how_many_mails_were_queued()
    {
        var api = await app.ClientForAsync(Secretariat);
        var (planId, _, _) = await DraftPlanAccessTests.DraftPlanAsync(api, "Kế hoạch ban hành qua trang");
        var client = await PageClient.SignInAsync(app, Secretariat);

        var plan = await client.GetStringAsync($"/Plans/{planId}");
        Assert.Contains($"href=\"/Plans/{planId}?handler=Publish#confirm-publish\"", plan);
        Assert.DoesNotContain("Xác nhận ban hành", plan);
        var asked = await client.GetStringAsync($"/Plans/{planId}?handler=Publish");
        Assert.Contains("Ban hành kế hoạch này? 2 nhiệm vụ", asked);
        Assert.Contains("Dự thảo", asked); // still a draft while asking

        var response = await client.PostAsync($"/Plans/{planId}?handler=Publish", PageClient.Form(asked, []));
        var after = await response.Content.ReadAsStringAsync();
        Assert.Matches(@"Đã ban hành kế hoạch; \d+ thư thông báo đã vào hàng đợi\.", after);
        Assert.DoesNotContain("Đã ban hành kế hoạch;", await client.GetStringAsync($"/Plans/{planId}")); // said once
    }

    [Fact]
    public async Task Should_open_reports_on_the_current_quarter_save_template_sections_and_submit_after_asking()
    {
        var officer = await PageClient.SignInAsync(app, Officer);
        var page = await officer.GetStringAsync("/Reports");
        Assert.Contains("Quý IV/2026", page);          // the clock says 22/11/2026
        Assert.Contains("Chưa gửi", page);             // before the deadline
        Assert.Contains("Tồn tại, hạn chế", page);
        Assert.Contains("Kiến nghị, đề xuất", page);
        var version = Regex.Match(page, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value;
        var saved = await officer.PostAsync("/Reports?handler=Save&Year=2026&Quarter=4", PageClient.Form(page, new()
        {
            ["Version"] = version, ["ReportText"] = "Hoàn thành số hoá 80% hồ sơ.",
            ["Sections.Shortcomings"] = "Thiếu máy quét.", ["Sections.Causes"] = "Kinh phí cấp chậm.",
            ["Sections.Directions"] = "Hoàn thành số hoá trong quý I/2027.", ["Sections.Proposals"] = "Đề nghị bổ sung kinh phí.",
        }));
        var afterSave = await saved.Content.ReadAsStringAsync();
        Assert.Contains("Đã lưu báo cáo (chưa gửi).", afterSave);
        Assert.Contains("Kinh phí cấp chậm.", afterSave);

        var head = await PageClient.SignInAsync(app, Head);
        var asked = await head.GetStringAsync("/Reports?handler=Submit&Year=2026&Quarter=4");
        Assert.Contains("Gửi báo cáo Quý IV/2026 tới cơ quan thường trực?", asked);
        var reportId = Regex.Match(asked, "reportId=(\\d+)").Groups[1].Value;
        var headVersion = Regex.Match(asked[asked.IndexOf("confirm-submit", StringComparison.Ordinal)..], "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value;
        var submitted = await head.PostAsync($"/Reports?handler=Submit&reportId={reportId}&Year=2026&Quarter=4",
            PageClient.Form(asked, new() { ["Version"] = headVersion }));
        var afterSubmit = await submitted.Content.ReadAsStringAsync();
        Assert.Contains("Đã gửi báo cáo Quý IV/2026 tới cơ quan thường trực.", afterSubmit);
        Assert.Matches(@"Đã gửi lúc \d\d:\d\d \d\d/\d\d/2026 bởi ", afterSubmit);

        var secretariat = await PageClient.SignInAsync(app, Secretariat);
        var inbox = await secretariat.GetStringAsync("/Reports");
        Assert.Contains("Đề nghị bổ sung kinh phí.", inbox);
        Assert.Contains("Nguyên nhân", inbox);
        Assert.Contains("đơn vị chưa gửi báo cáo", inbox); // Quý IV is not yet due
        var lastQuarter = await secretariat.GetStringAsync("/Reports?Year=2026&Quarter=3");
        Assert.Contains("Quý III/2026", lastQuarter);
        Assert.Contains("đơn vị không gửi báo cáo", lastQuarter); // its deadline has passed
    }

    private static FormUrlEncodedContent Progress(string form, string version, string status, int percent, string note, bool confirmDone = false)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Version"] = version, ["Input.Status"] = status, ["Input.PercentComplete"] = percent.ToString(), ["Input.Note"] = note,
        };
        if (confirmDone) fields["Input.ConfirmDone"] = "true";
        return PageClient.Form(form, fields);
    }

    [GeneratedRegex("<span class=\"muted\">\\((\\d+)\\)</span>")]
    private static partial Regex Total();

    [GeneratedRegex("href=\"([^\"]+)\" rel=\"next\"")]
    private static partial Regex NextLink();

    [GeneratedRegex("href=\"/Tasks/(\\d+)\"")]
    private static partial Regex TaskLinks();

    [GeneratedRegex("name=\"Input.Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionField();
}
