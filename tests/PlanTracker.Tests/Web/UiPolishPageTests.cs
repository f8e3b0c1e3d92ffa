using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanTracker.Core.Features.Agencies;
using PlanTracker.Core.Persistence;
using PlanTracker.Web.Pages.Shared;
using PlanTracker.Tests.Drafting;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Web;

/// <summary>
/// Issue 16's screens as a newcomer meets them: messages in Vietnamese naming the field's label beside it,
/// refusals as pages (never JSON), targets as rows of fields, the agency picker, review edits that are
/// what gets confirmed, and the audit trail as sentences.
/// </summary>
public sealed partial class UiPolishPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Secretariat = "thuongtruc@plantracker.local";
    private const string Officer = "canbo.noivu@plantracker.local";

    [Fact]
    public async Task Should_name_a_field_by_its_label_in_vietnamese_and_in_english_when_english_is_chosen()
    {
        var client = await PageClient.SignInAsync(app, Secretariat);
        var form = await client.GetStringAsync("/Plans/New");
        var refused = Text(await (await client.PostAsync("/Plans/New", PageClient.Form(form, new() { ["Document.Kind"] = "Plan", ["Document.Title"] = "Kế hoạch" })))
            .Content.ReadAsStringAsync());
        Assert.Contains("'Cơ quan ban hành' không được", refused);
        Assert.DoesNotContain("'issuer'", refused);

        await client.GetAsync("/culture?c=en&returnUrl=/Plans/New");
        form = await client.GetStringAsync("/Plans/New");
        var english = Text(await (await client.PostAsync("/Plans/New", PageClient.Form(form, new() { ["Document.Kind"] = "Plan", ["Document.Title"] = "Plan" })))
            .Content.ReadAsStringAsync());
        Assert.Contains("'Issuing body'", english);
    }

    [Fact]
    public async Task Should_show_an_officer_the_forbidden_page_in_vietnamese_not_json_for_the_drafts()
    {
        var officer = await PageClient.SignInAsync(app, Officer);

        var response = await officer.GetAsync("/Imports/Drafts");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.StartsWith("text/html", response.Content.Headers.ContentType?.MediaType);
        var body = Text(await response.Content.ReadAsStringAsync());
        Assert.Contains("không có quyền", body);
        Assert.DoesNotContain("\"status\"", body);
    }

    [Fact]
    public async Task Should_refuse_a_task_without_a_lead_in_vietnamese_beside_the_field_of_the_form_it_belongs_to()
    {
        var client = await PageClient.SignInAsync(app, Secretariat);
        var planId = await NewPlanAsync(client, "31/KH-UIP");
        var page = await client.GetStringAsync($"/Plans/{planId}");

        var refused = await client.PostAsync($"/Plans/{planId}?handler=Task", PageClient.Form(page, new() { ["NewTask.Code"] = "1", ["NewTask.Title"] = "Việc" }));

        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("action=\"/Plans/" + planId + "?handler=Task#add-task\"", html); // the browser lands on the form, not 3,000 px above it
        var message = html.IndexOf("Hãy chọn cơ quan chủ trì", StringComparison.Ordinal);
        Assert.True(message > html.IndexOf("id=\"add-task\"", StringComparison.Ordinal), "the message is inside the add-task form");
        Assert.True(message > html.IndexOf("name=\"NewTask.LeadAgencyId\"", StringComparison.Ordinal), "the message follows the lead agency field");
        Assert.DoesNotContain("leadAgencyId' is required", html);
    }

    [Fact]
    public async Task Should_edit_targets_as_rows_of_fields_reading_vietnamese_numbers_and_dd_MM_yyyy_dates()
    {
        var id = app.TaskId("vinh-phuc/kh-36a", "III.1.a");
        var client = await PageClient.SignInAsync(app, Secretariat);
        var page = await client.GetStringAsync($"/Tasks/{id}/Edit");
        Assert.Contains("So sánh", page);
        Assert.Contains("Từ … trở lên (≥)", WebUtility.HtmlDecode(page));
        Assert.DoesNotContain("percent; atLeast", page, StringComparison.OrdinalIgnoreCase);

        var fields = Fields(page);
        fields["Input.Targets[0].Indicator"] = "Tỷ lệ hồ sơ trực tuyến";
        fields["Input.Targets[0].Comparison"] = "AtLeast";
        fields["Input.Targets[0].Value"] = "39,5";
        fields["Input.Targets[0].Unit"] = "Percent";
        fields["Input.Targets[0].DueOn"] = "30/06/2027";
        fields["Input.Targets[1].Indicator"] = "Trạm phát sóng 5G";
        fields["Input.Targets[1].Comparison"] = "AtLeast";
        fields["Input.Targets[1].Value"] = "1.200";
        fields["Input.Targets[1].Unit"] = "Count";
        fields["Input.Targets[1].UnitText"] = "trạm";
        var saved = await client.PostAsync($"/Tasks/{id}/Edit?handler=Save", PageClient.Form(page, fields));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.True(saved.RequestMessage!.RequestUri!.Query.EndsWith("saved=true", StringComparison.Ordinal), Errors(await saved.Content.ReadAsStringAsync()));

        var targets = await TargetsAsync(id);
        Assert.Equal(new (string, decimal, DateOnly?)[] { ("Tỷ lệ hồ sơ trực tuyến", 39.5m, new DateOnly(2027, 6, 30)), ("Trạm phát sóng 5G", 1200m, null) },
            targets.Select(t => (t.Indicator, t.Value, t.DueOn)));

        page = await client.GetStringAsync($"/Tasks/{id}/Edit");
        Assert.Contains("value=\"39,5\"", page);
        Assert.Contains("value=\"30/06/2027\"", page);
        fields = Fields(page);
        fields["Input.Targets[0].Remove"] = "true";
        fields["Input.Targets[1].DueOn"] = "31/13/2027";
        var bad = WebUtility.HtmlDecode(await (await client.PostAsync($"/Tasks/{id}/Edit?handler=Save", PageClient.Form(page, fields))).Content.ReadAsStringAsync());
        Assert.Contains("Chỉ tiêu dòng 2: thời hạn '31/13/2027' không phải ngày dạng dd/MM/yyyy.", bad);
        Assert.Equal(2, (await TargetsAsync(id)).Count); // refused: nothing changed

        fields["Input.Targets[1].DueOn"] = "";
        await client.PostAsync($"/Tasks/{id}/Edit?handler=Save", PageClient.Form(page, fields));
        Assert.Equal(new[] { "Trạm phát sóng 5G" }, (await TargetsAsync(id)).Select(t => t.Indicator));
    }

    [Fact]
    public async Task Should_offer_agencies_grouped_by_level_in_vietnamese_order_with_groups_and_what_they_expand_to()
    {
        var id = app.TaskId("vinh-phuc/kh-36a", "III.1.b");
        var client = await PageClient.SignInAsync(app, Secretariat);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/Tasks/{id}/Edit"));

        var lead = page[page.IndexOf("<select id=\"lead\"", StringComparison.Ordinal)..];
        lead = lead[..lead.IndexOf("</select>", StringComparison.Ordinal)];
        Assert.Contains("<optgroup label=\"Cấp tỉnh\">", lead);
        Assert.Contains("<optgroup label=\"Nhóm cơ quan\">", lead);
        var names = Regex.Matches(lead[lead.IndexOf("<optgroup label=\"Cấp tỉnh\">", StringComparison.Ordinal)..], "<option[^>]*>([^<]+)</option>")
            .Select(m => m.Groups[1].Value).ToList();
        // Vietnamese order: Ủ is a U, after Sở and Trung tâm and before Văn phòng (ordinal order put it last).
        var committee = names.IndexOf("Ủy ban nhân dân tỉnh Vĩnh Phúc");
        Assert.True(committee > names.FindIndex(n => n.StartsWith("Sở ", StringComparison.Ordinal)), string.Join(" | ", names));
        Assert.True(committee < names.FindIndex(n => n.StartsWith("Văn phòng", StringComparison.Ordinal)), string.Join(" | ", names));
        // A group says what it expands to; the check boxes carry a key folded without accents for the search.
        Assert.Matches("title=\"gồm: [^\"]*Sở Nội vụ", lead);
        Assert.Contains("data-key=\"uy ban nhan dan tinh vinh phuc", page);
        Assert.Contains("/js/agency-picker.js", page);
    }

    [Fact]
    public async Task Should_confirm_what_the_reviewer_edited_coordinating_agencies_and_targets_included()
    {
        var client = await PageClient.SignInAsync(app, Secretariat);
        var start = await client.GetStringAsync("/Imports/Drafts");
        var created = await client.PostAsync("/Imports/Drafts", PageClient.Form(start, new() { ["Text"] = DraftReviewApiTests.Plan.Replace("123/KH-UBND", "124/KH-UBND") }));
        var url = created.RequestMessage!.RequestUri!.AbsolutePath;
        var page = await created.Content.ReadAsStringAsync();
        Assert.Contains("name=\"item.CoordinatingAgencyIds\"", page);
        foreach (Match unknown in UnknownForm().Matches(page))
            page = await (await client.PostAsync($"{url}?handler=Agency", PageClient.Form(page, new()
            {
                ["version"] = Version(page), ["unknownId"] = unknown.Groups[1].Value, ["agency.NewName"] = "Cơ quan mới UIP " + unknown.Groups[1].Value,
                ["agency.NewKind"] = "PublicService",
            }))).Content.ReadAsStringAsync();
        var at = page.LastIndexOf("Triển khai chữ ký số cho 100%", StringComparison.Ordinal); // the proposal's row, after the source
        var itemId = Regex.Matches(page[..at], "id=\"item-(i\\d+)\"").Last().Groups[1].Value;
        var finance = AgencyId("vinh-phuc/so-tai-chinh");

        var edited = await client.PostAsync($"{url}?handler=Item", PageClient.Form(page, new()
        {
            ["version"] = Version(page), ["itemId"] = itemId, ["item.Code"] = "3.2", ["item.Title"] = "Triển khai chữ ký số cho 100% cán bộ, công chức",
            ["item.IsGroup"] = "false", ["item.LeadAgencyId"] = AgencyId("vinh-phuc/so-noi-vu").ToString(), ["item.CoordinatingAgencyIds"] = finance.ToString(),
            ["item.Targets[0].Indicator"] = "Tỷ lệ cán bộ có chữ ký số", ["item.Targets[0].Comparison"] = "AtLeast", ["item.Targets[0].Value"] = "100",
            ["item.Targets[0].Unit"] = "Percent", ["item.Accepted"] = "true",
        }));
        page = await edited.Content.ReadAsStringAsync();
        Assert.DoesNotContain("field-validation-error", page);
        Assert.DoesNotContain("validation-summary-errors", page, StringComparison.Ordinal);
        Assert.Contains("Cơ quan phối hợp: Sở Tài chính", Text(page[page.IndexOf($"id=\"item-{itemId}\"", StringComparison.Ordinal)..]));

        var confirmed = await client.PostAsync($"{url}?handler=Confirm", PageClient.Form(page, new() { ["version"] = Version(page) }));
        Assert.Matches("/Plans/\\d+", confirmed.RequestMessage!.RequestUri!.AbsolutePath);
        var planId = long.Parse(confirmed.RequestMessage.RequestUri.AbsolutePath.Split('/')[^1]);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
        var task = await db.Tasks.Include(t => t.CoordinatingAgencies).Include(t => t.Targets)
            .SingleAsync(t => t.PlanId == planId && t.Code == "3.2");
        Assert.Equal(new[] { finance }, task.CoordinatingAgencies.Select(c => c.AgencyId));
        Assert.Equal(new[] { "Tỷ lệ cán bộ có chữ ký số" }, task.Targets.Select(t => t.Indicator));
    }

    [Fact]
    public async Task Should_write_the_audit_trail_as_sentences_and_show_an_added_task_in_the_plans_log()
    {
        var officer = await app.ClientForAsync(Officer);
        var id = app.TaskId("vinh-phuc/kh-36a", "II.2.c-8");
        var task = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{id}");
        (await officer.PostAsJsonAsync($"/api/v1/tasks/{id}/progress", new
        {
            version = task.GetProperty("task").GetProperty("version").GetInt32(), status = "inProgress", percentComplete = 60, note = "Đang triển khai",
        })).EnsureSuccessStatusCode();

        var client = await PageClient.SignInAsync(app, Secretariat);
        var taskPage = Text(await client.GetStringAsync($"/Tasks/{id}"));
        Assert.Matches(@"\(Sở Nội vụ\) cập nhật tiến độ: (\d+% → )?60%, trạng thái: Đang thực hiện", taskPage);
        Assert.DoesNotContain("task.progress", taskPage);
        Assert.DoesNotContain("\"after\"", taskPage);

        var planId = await NewPlanAsync(client, "32/KH-UIP");
        var page = await client.GetStringAsync($"/Plans/{planId}");
        await client.PostAsync($"/Plans/{planId}?handler=Task", PageClient.Form(page, new()
        {
            ["NewTask.Code"] = "1", ["NewTask.Title"] = "Số hoá hồ sơ", ["NewTask.LeadAgencyId"] = AgencyId("vinh-phuc/so-noi-vu").ToString(),
        }));
        var planPage = Text(await client.GetStringAsync($"/Plans/{planId}"));
        Assert.Contains("thêm nhiệm vụ 1 «Số hoá hồ sơ»", planPage);
    }

    [Fact]
    public async Task Should_name_the_province_of_the_dashboard_and_let_only_the_administrator_choose_one()
    {
        await app.ClientForNewUserAsync("thuongtruc.daklak.uip@plantracker.local", "Secretariat", "dak-lak/so-tttt");
        var other = await PageClient.SignInAsync(app, "thuongtruc.daklak.uip@plantracker.local");
        var html = await other.GetStringAsync("/Dashboard");
        var page = Text(html);
        Assert.Contains("Tỉnh Đắk Lắk", page);
        Assert.DoesNotContain("Vĩnh Phúc", page); // no plan, agency or member of the other province
        Assert.DoesNotContain("name=\"provinceId\"", html);

        var admin = await PageClient.SignInAsync(app, "admin@plantracker.local");
        html = await admin.GetStringAsync("/Dashboard");
        Assert.Contains("Tất cả các tỉnh: mọi kế hoạch", Text(html));
        Assert.Contains("name=\"provinceId\"", html);
        long vinhPhuc;
        using (var scope = app.Services.CreateScope())
            vinhPhuc = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>().Set<PlanTracker.Core.Domain.Province>().Single(p => p.Key == "vinh-phuc").Id;
        page = Text(await admin.GetStringAsync($"/Dashboard?provinceId={vinhPhuc}"));
        Assert.Contains("Tỉnh Vĩnh Phúc", page);
        Assert.DoesNotContain("Tất cả các tỉnh: mọi kế hoạch", page);
    }

    [Fact]
    public async Task Should_name_an_agencys_province_where_a_list_can_hold_several_provinces()
    {
        var secretariat = await PageClient.SignInAsync(app, Secretariat);
        var planId = await NewPlanAsync(secretariat, "33/KH-UIP");
        var page = await secretariat.GetStringAsync($"/Plans/{planId}");
        await secretariat.PostAsync($"/Plans/{planId}?handler=Task", PageClient.Form(page, new()
        {
            ["NewTask.Code"] = "1", ["NewTask.Title"] = "Rà soát biên chế", ["NewTask.LeadAgencyId"] = AgencyId("vinh-phuc/so-noi-vu").ToString(),
        }));
        // The administrator's search spans provinces: "Sở Nội vụ" alone could be any province's.
        var admin = Text(await (await PageClient.SignInAsync(app, "admin@plantracker.local")).GetStringAsync("/Search?q=33%2FKH-UIP"));
        Assert.Contains("Rà soát biên chế", admin);
        Assert.Contains(" (Vĩnh Phúc)", admin);
        // The secretariat sees one province: the names need no suffix.
        var own = Text(await secretariat.GetStringAsync("/Search?q=33%2FKH-UIP"));
        Assert.Contains("Rà soát biên chế", own);
        Assert.DoesNotContain("(Vĩnh Phúc)", own);

        // A picker fed two provinces' agencies tells the two "Sở Nội vụ" apart; fed one, it does not.
        ListAgencies.AgencyItem Item(long id, string province) =>
            new(id, $"{province}/so-noi-vu", "Sở Nội vụ", null, PlanTracker.Core.Domain.AgencyLevel.Province, PlanTracker.Core.Domain.AgencyKind.Department,
                province, null, false, [], [], null, null);
        var two = AgencyPicker.Single("lead", "lead", [Item(1, "Vĩnh Phúc"), Item(2, "Đắk Lắk")], 1).Sections(k => k);
        var names = two.SelectMany(x => x.Options).Select(o => o.Name).ToList();
        Assert.Equal(2, names.Count);
        Assert.Contains("Sở Nội vụ (Vĩnh Phúc)", names);
        Assert.Contains("Sở Nội vụ (Đắk Lắk)", names);
        var one = AgencyPicker.Single("lead", "lead", [Item(1, "Vĩnh Phúc")], 1).Sections(k => k);
        Assert.Equal("Sở Nội vụ", Assert.Single(one.SelectMany(x => x.Options)).Name);
    }

    [Fact]
    public async Task Should_refuse_account_and_outbox_work_in_vietnamese_and_in_english_when_asked()
    {
        var officer = await app.ClientForAsync(Officer);
        var refused = await officer.GetAsync("/api/v1/users");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Chỉ quản trị viên quản lý tài khoản.", await refused.Content.ReadAsStringAsync());

        using var english = new HttpRequestMessage(HttpMethod.Get, "/api/v1/users");
        english.Headers.AcceptLanguage.ParseAdd("en-US");
        Assert.Contains("Only administrators manage accounts.", await (await officer.SendAsync(english)).Content.ReadAsStringAsync());
    }

    private async Task<long> NewPlanAsync(HttpClient client, string number)
    {
        var form = await client.GetStringAsync("/Plans/New");
        var created = await client.PostAsync("/Plans/New", PageClient.Form(form, new()
        {
            ["Document.Number"] = number, ["Document.Kind"] = "Plan", ["Document.Issuer"] = "UBND tỉnh Vĩnh Phúc",
            ["Document.IssuedOn"] = "2026-11-01", ["Document.Title"] = "Kế hoạch " + number,
        }));
        return long.Parse(created.RequestMessage!.RequestUri!.AbsolutePath.Split('/')[^1]);
    }

    private async Task<List<(string Indicator, decimal Value, DateOnly? DueOn)>> TargetsAsync(long taskId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
        return (await db.Tasks.Include(t => t.Targets).AsNoTracking().SingleAsync(t => t.Id == taskId))
            .Targets.OrderBy(t => t.SortOrder).Select(t => (t.Indicator, t.Value, t.DueOn)).ToList();
    }

    private long AgencyId(string key)
    {
        using var scope = app.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>().Agencies.Single(a => a.Key == key).Id;
    }

    /// <summary>The edit form's fields as the page shows them: version, code, title, lead, deadline and every target row.</summary>
    private static Dictionary<string, string> Fields(string page)
    {
        var fields = BaseFields(page);
        foreach (Match m in TargetInput().Matches(page)) fields[m.Groups[1].Value] = WebUtility.HtmlDecode(m.Groups[2].Value);
        foreach (Match m in TargetSelect().Matches(page)) fields[m.Groups[1].Value] = m.Groups[2].Value;
        return fields;
    }

    private static Dictionary<string, string> BaseFields(string page) => new()
    {
        ["Input.Version"] = InputVersion().Match(page).Groups[1].Value,
        ["Input.Code"] = WebUtility.HtmlDecode(InputValue("Input.Code").Match(page).Groups[1].Value),
        ["Input.Title"] = WebUtility.HtmlDecode(TitleArea().Match(page).Groups[1].Value.Trim()),
        ["Input.LeadAgencyId"] = SelectedLead().Match(page).Groups[1].Value,
        ["Input.DeadlineText"] = WebUtility.HtmlDecode(InputValue("Input.DeadlineText").Match(page).Groups[1].Value),
    };

    /// <summary>The messages a refused form shows, for a failing assertion to say why.</summary>
    private static string Errors(string html) =>
        string.Join(" | ", Regex.Matches(html, "(field-validation-error|validation-summary-errors)[^>]*>(.*?)</(span|div)>", RegexOptions.Singleline)
            .Select(m => Text(m.Groups[2].Value).Trim()));

    private static Regex InputValue(string name) => new($"name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"");

    /// <summary>The page's words, tags and entities gone.</summary>
    private static string Text(string html) => WebUtility.HtmlDecode(Tags().Replace(html, " "));

    private static string Version(string page) => VersionField().Match(page).Groups[1].Value;

    [GeneratedRegex("<[^>]+>")] private static partial Regex Tags();
    [GeneratedRegex("name=\"(Input\\.Targets\\[\\d+\\]\\.(?:Indicator|Value|UnitText|DueOn|Baseline|Text))\" value=\"([^\"]*)\"")] private static partial Regex TargetInput();
    [GeneratedRegex("name=\"(Input\\.Targets\\[\\d+\\]\\.(?:Comparison|Unit))\">\\s*(?:<option value=\"\\w+\">[^<]*</option>\\s*)*<option value=\"(\\w+)\" selected=\"selected\">")] private static partial Regex TargetSelect();
    [GeneratedRegex("name=\"Input.Version\" value=\"(\\d+)\"")] private static partial Regex InputVersion();
    [GeneratedRegex("<textarea[^>]*name=\"Input.Title\"[^>]*>([^<]*)</textarea>")] private static partial Regex TitleArea();
    [GeneratedRegex("<option[^>]*value=\"(\\d+)\" selected=\"selected\">")] private static partial Regex SelectedLead();
    [GeneratedRegex("name=\"version\" value=\"(\\d+)\"")] private static partial Regex VersionField();
    [GeneratedRegex("name=\"unknownId\" value=\"(u\\d+)\"")] private static partial Regex UnknownForm();
}
