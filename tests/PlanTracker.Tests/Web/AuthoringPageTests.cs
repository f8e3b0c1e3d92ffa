using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Web;

/// <summary>The secretariat's and the agencies' forms, submitted as a browser submits them.</summary>
public sealed partial class AuthoringPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Should_register_a_document_add_a_task_import_a_table_and_publish_from_the_pages()
    {
        var client = await SignIn("thuongtruc@plantracker.local");
        var form = await client.GetStringAsync("/Plans/New");
        var created = await client.PostAsync("/Plans/New", Form(form, new()
        {
            ["Document.Number"] = "77/KH-UBND", ["Document.Kind"] = "Plan", ["Document.Issuer"] = "UBND tỉnh Vĩnh Phúc",
            ["Document.IssuedOn"] = "2026-11-01", ["Document.Title"] = "Kế hoạch số hoá năm 2027",
        }));
        var planPage = await created.Content.ReadAsStringAsync();
        Assert.Contains("Kế hoạch số hoá năm 2027", planPage);
        var planId = PlanId().Match(created.RequestMessage!.RequestUri!.AbsolutePath).Groups[1].Value;
        var interior = AgencyOption().Matches(planPage).First(m => m.Groups[2].Value == "Sở Nội vụ").Groups[1].Value;

        var bad = await client.PostAsync($"/Plans/{planId}?handler=Task", Form(planPage, new()
        {
            ["NewTask.Code"] = "1", ["NewTask.Title"] = "Số hoá hồ sơ", ["NewTask.LeadAgencyId"] = interior, ["NewTask.DeadlineText"] = "càng sớm càng tốt",
        }));
        Assert.Contains("Không đọc được thời hạn", await bad.Content.ReadAsStringAsync());
        var added = await client.PostAsync($"/Plans/{planId}?handler=Task", Form(planPage, new()
        {
            ["NewTask.Code"] = "1", ["NewTask.Title"] = "Số hoá hồ sơ", ["NewTask.LeadAgencyId"] = interior, ["NewTask.DeadlineText"] = "Quý II năm 2027",
        }));
        planPage = await added.Content.ReadAsStringAsync();
        Assert.Contains("Quý II/2027", planPage);

        var csv = "STT;Nhiệm vụ;Cơ quan chủ trì;Cơ quan phối hợp;Thời gian hoàn thành\n1;Đào tạo kỹ năng số;Sở Nội vụ;Sở TT&TT;Năm 2027";
        var upload = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "phu-luc.csv" },
            { new StringContent(Token(planPage)), "__RequestVerificationToken" },
        };
        var preview = await (await client.PostAsync($"/Plans/{planId}?handler=Preview", upload)).Content.ReadAsStringAsync();
        Assert.Contains("Đào tạo kỹ năng số", preview);
        var token = ImportToken().Match(preview).Groups[1].Value;
        var imported = await client.PostAsync($"/Plans/{planId}?handler=Import", Form(preview, new() { ["token"] = token }));
        planPage = await imported.Content.ReadAsStringAsync();
        Assert.Contains("PL.1", planPage);

        var published = await client.PostAsync($"/Plans/{planId}?handler=Publish", Form(planPage, new()));
        var final = await published.Content.ReadAsStringAsync();
        Assert.Contains("Đã ban hành", final);
        Assert.Contains("ban hành kế hoạch", final);
    }

    [Fact]
    public async Task Should_draft_submit_and_accept_the_quarterly_report_from_the_reports_page()
    {
        var officer = await SignIn("canbo.noivu@plantracker.local");
        var page = await officer.GetStringAsync("/Reports");
        Assert.Contains("Báo cáo quý 4/2026", page);
        var saved = await officer.PostAsync("/Reports?handler=Save", Form(page, new() { ["ReportText"] = "Nội dung đã soạn", ["Version"] = VersionOf(page) }));
        page = await saved.Content.ReadAsStringAsync();
        Assert.Contains("Nội dung đã soạn", page);

        var head = await SignIn("giamdoc.noivu@plantracker.local");
        var headPage = await head.GetStringAsync("/Reports?handler=Submit"); // submitting asks first
        var reportId = ReportId().Match(headPage).Groups[1].Value;
        var submitted = await head.PostAsync($"/Reports?handler=Submit&reportId={reportId}", Form(headPage, new() { ["Version"] = VersionOf(headPage) }));
        Assert.Contains("Đã gửi", await submitted.Content.ReadAsStringAsync());

        var secretariat = await SignIn("thuongtruc@plantracker.local");
        var inbox = await secretariat.GetStringAsync("/Reports");
        Assert.Contains("Nội dung đã soạn", inbox);
        Assert.Contains("đơn vị chưa gửi báo cáo", inbox); // Quý IV/2026 is not yet due on 22/11/2026
        var accepted = await secretariat.PostAsync($"/Reports?handler=Review&reportId={reportId}", Form(inbox, new() { ["accept"] = "true", ["Comment"] = "Đạt" }));
        Assert.Contains("Đã chấp nhận", await accepted.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Should_answer_403_to_an_officer_posting_the_new_plan_form()
    {
        var officer = await SignIn("canbo.noivu@plantracker.local");
        var form = await officer.GetStringAsync("/Plans/New");
        var response = await officer.PostAsync("/Plans/New", Form(form, new() { ["Document.Issuer"] = "x", ["Document.Title"] = "x" }));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Should_edit_a_task_from_its_edit_page_and_refuse_the_page_to_officers()
    {
        var id = app.TaskId("vinh-phuc/kh-36a", "III.1.l");
        var officer = await SignIn("canbo.noivu@plantracker.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync($"/Tasks/{id}/Edit")).StatusCode);

        var client = await SignIn("thuongtruc@plantracker.local");
        var page = await client.GetStringAsync($"/Tasks/{id}/Edit");
        var fields = new Dictionary<string, string>
        {
            ["Input.Version"] = VersionInput().Match(page).Groups[1].Value, ["Input.Code"] = "III.1.l", ["Input.Title"] = "Tiêu đề mới",
            ["Input.LeadAgencyId"] = SelectedLead().Match(page).Groups[1].Value, ["Input.DeadlineText"] = "thường xuyên",
            ["Input.Targets[0].Indicator"] = "Tỷ lệ văn bản điện tử", ["Input.Targets[0].Unit"] = "Percent",
            ["Input.Targets[0].Comparison"] = "AtLeast", ["Input.Targets[0].Value"] = "90",
        };
        var saved = await client.PostAsync($"/Tasks/{id}/Edit?handler=Save", Form(page, fields));
        var detail = await saved.Content.ReadAsStringAsync();
        Assert.Contains("Tiêu đề mới", detail);
        Assert.Contains("Tỷ lệ văn bản điện tử", detail);

        page = await client.GetStringAsync($"/Tasks/{id}/Edit");
        fields["Input.Version"] = VersionInput().Match(page).Groups[1].Value;
        fields["Input.Targets[0].Value"] = "không đúng dạng";
        var bad = await client.PostAsync($"/Tasks/{id}/Edit?handler=Save", Form(page, fields));
        Assert.Contains("không phải là số", System.Net.WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Should_rename_an_agency_from_the_agencies_page()
    {
        var client = await SignIn("thuongtruc@plantracker.local");
        var page = await client.GetStringAsync("/Agencies?province=vinh-phuc");
        var agencyId = RenameForm().Matches(page).First(m => m.Groups[2].Value == "Ban Dân tộc tỉnh Vĩnh Phúc").Groups[1].Value;

        var renamed = await client.PostAsync($"/Agencies?handler=Rename&agencyId={agencyId}&Province=vinh-phuc",
            Form(page, new() { ["name"] = "Sở Dân tộc và Tôn giáo", ["effectiveOn"] = "2025-03-01" }));

        Assert.Contains("Sở Dân tộc và Tôn giáo", await renamed.Content.ReadAsStringAsync());
    }

    private async Task<HttpClient> SignIn(string email)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        var login = await client.GetStringAsync("/Account/Login");
        (await client.PostAsync("/Account/Login", Form(login, new() { ["Email"] = email, ["Password"] = TestDatabases.DemoPassword }))).EnsureSuccessStatusCode();
        return client;
    }

    private static FormUrlEncodedContent Form(string page, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = Token(page);
        return new FormUrlEncodedContent(fields);
    }

    private static string Token(string page) => Antiforgery().Match(page).Groups[1].Value;
    private static string VersionOf(string page) => VersionField().Match(page).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")] private static partial Regex Antiforgery();
    [GeneratedRegex("/Plans/(\\d+)")] private static partial Regex PlanId();
    [GeneratedRegex("<option value=\"(\\d+)\"[^>]*>([^<]+)</option>")] private static partial Regex AgencyOption();
    [GeneratedRegex("name=\"token\" value=\"([^\"]+)\"")] private static partial Regex ImportToken();
    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")] private static partial Regex VersionField();
    [GeneratedRegex("reportId=(\\d+)")] private static partial Regex ReportId();
    [GeneratedRegex("name=\"Input.Version\" value=\"(\\d+)\"")] private static partial Regex VersionInput();
    [GeneratedRegex("<option value=\"(\\d+)\" selected=\"selected\">")] private static partial Regex SelectedLead();
    [GeneratedRegex("agencyId=(\\d+)[^>]*>\\s*<input name=\"name\" value=\"([^\"]+)\"")] private static partial Regex RenameForm();
}
