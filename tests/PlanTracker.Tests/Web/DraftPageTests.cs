using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using PlanTracker.Tests.Drafting;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Web;

/// <summary>The review screen as a browser uses it: paste, look at the source beside the proposal, correct, confirm.</summary>
public sealed partial class DraftPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Should_paste_a_plan_review_it_beside_its_source_and_confirm_it_from_the_pages()
    {
        var client = await SignIn("thuongtruc@plantracker.local");
        var start = await client.GetStringAsync("/Imports/Drafts");
        Assert.Contains("Đề xuất nhiệm vụ", start);

        var empty = await client.PostAsync("/Imports/Drafts", Form(start, new() { ["Text"] = "   " }));
        Assert.Contains("Chưa có nội dung", await empty.Content.ReadAsStringAsync());

        var created = await client.PostAsync("/Imports/Drafts", Form(start, new() { ["Text"] = DraftReviewApiTests.Plan }));
        var page = await created.Content.ReadAsStringAsync();
        Assert.Matches(DraftUrl(), created.RequestMessage!.RequestUri!.AbsolutePath);
        var url = created.RequestMessage.RequestUri.AbsolutePath;
        Assert.Contains("Văn bản gốc", page);
        Assert.Contains("<mark id=\"src-i", page);                       // the source, its items marked
        Assert.Contains("Cơ quan chưa có trong danh mục", page);         // "Sở Du lịch" and the centre
        Assert.Contains("mặc định: cơ quan thường trực", page);          // a lead the text does not name
        Assert.Contains("Quý IV/2025", page);

        // Map both unknown agencies, drop the appendix, then confirm.
        foreach (Match unknown in UnknownForm().Matches(page))
        {
            page = await (await client.PostAsync($"{url}?handler=Agency", Form(page, new()
            {
                ["version"] = Version(page), ["unknownId"] = unknown.Groups[1].Value, ["agency.NewName"] = "Cơ quan mới " + unknown.Groups[1].Value,
                ["agency.NewKind"] = "PublicService",
            }))).Content.ReadAsStringAsync();
        }
        Assert.Contains("Sẽ tạo mới:", page);
        var appendix = ItemId().Match(page[page.IndexOf(">PL<", StringComparison.Ordinal)..]).Groups[1].Value;
        page = await (await client.PostAsync($"{url}?handler=Drop", Form(page, new() { ["version"] = Version(page), ["itemId"] = appendix })))
            .Content.ReadAsStringAsync();
        Assert.DoesNotContain("Xây dựng kho dữ liệu mở</a>", page);

        var stale = await client.PostAsync($"{url}?handler=Confirm", Form(page, new() { ["version"] = "1" }));
        Assert.Contains("Hãy tải lại rồi thử lại", System.Net.WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()));

        var confirmed = await client.PostAsync($"{url}?handler=Confirm", Form(page, new() { ["version"] = Version(page) }));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Matches("/Plans/\\d+", confirmed.RequestMessage!.RequestUri!.AbsolutePath);
        var plan = await confirmed.Content.ReadAsStringAsync();
        Assert.Contains("Kế hoạch chuyển đổi số tỉnh Vĩnh Phúc năm 2025", plan);
        Assert.Contains("Giao Sở Du lịch xây dựng cơ sở dữ liệu du lịch số", plan);
    }

    [Fact]
    public async Task Should_show_the_review_screen_in_english_on_request_and_refuse_it_to_agencies()
    {
        var secretariat = await SignIn("thuongtruc@plantracker.local");
        var start = await secretariat.GetStringAsync("/Imports/Drafts");
        var created = await secretariat.PostAsync("/Imports/Drafts", Form(start, new() { ["Text"] = DraftReviewApiTests.Plan }));
        var url = created.RequestMessage!.RequestUri!.AbsolutePath;

        await secretariat.GetAsync("/culture?c=en&returnUrl=/");
        var english = await secretariat.GetStringAsync(url);
        Assert.Contains("Source text", english);
        Assert.Contains("Proposed items", english);
        Assert.Contains("Q4 2025", english);
        Assert.Contains("Confirm and create the plan", english);

        var officer = await SignIn("canbo.noivu@plantracker.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync(url)).StatusCode);
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
        fields["__RequestVerificationToken"] = Antiforgery().Match(page).Groups[1].Value;
        return new FormUrlEncodedContent(fields);
    }

    private static string Version(string page) => VersionField().Match(page).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")] private static partial Regex Antiforgery();
    [GeneratedRegex("^/Imports/Drafts/\\d+$")] private static partial Regex DraftUrl();
    [GeneratedRegex("name=\"version\" value=\"(\\d+)\"")] private static partial Regex VersionField();
    [GeneratedRegex("name=\"unknownId\" value=\"(u\\d+)\"")] private static partial Regex UnknownForm();
    [GeneratedRegex("name=\"itemId\" value=\"(i\\d+)\"")] private static partial Regex ItemId();
}
