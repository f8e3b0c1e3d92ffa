using Microsoft.Playwright;

namespace PlanTracker.Tests.Browser;

/// <summary>
/// Each role walks its day in Debian's Chromium against the running app and a real database, at a
/// desktop width (1366 px) and a phone width (390 px), asserting on what the pages say; the
/// screenshots ("role-step-width.png") go to TestResults/screenshots, from which the README's
/// pictures in docs/screenshots are refreshed.
/// </summary>
public sealed class DayPerRoleBrowserTests(LiveApp app) : IClassFixture<LiveApp>
{
    public static TheoryData<int, int> Widths => new() { { 1366, 768 }, { 390, 844 } };

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task Officer_opens_my_tasks_records_progress_and_attaches_evidence(int width, int height)
    {
        var page = await app.SignInAsync("canbo.noivu@plantracker.local", width, height);
        await page.GotoAsync("/My");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Việc của cơ quan tôi");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Chủ trì");
        await Shot(page, "officer-my", width);

        await page.Locator("main table tbody a[href^='/Tasks/']").First.ClickAsync();
        await page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/Tasks/\\d+$"));
        var taskUrl = page.Url;
        await page.ClickAsync("a[href$='/Progress']");
        await page.SelectOptionAsync("#Input_Status", "Done");
        await page.FillAsync("#Input_PercentComplete", "40");
        await page.FillAsync("#Input_Note", $"Đã hoàn thành phần chính ({width} px)");
        await page.ClickAsync("main form button[type=submit]");
        // "Hoàn thành" at 40% is a question, not a silent 100%.
        await Assertions.Expect(page.Locator("#ask-done")).ToContainTextAsync("tiến độ đang là 40%");
        await Shot(page, "officer-ask-done", width);
        await page.SelectOptionAsync("#Input_Status", "InProgress");
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForSelectorAsync("text=Đã lưu.");
        Assert.StartsWith(taskUrl, page.Url);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"Đã hoàn thành phần chính ({width} px)");

        var evidence = page.Locator("form[action*='handler=Evidence']");
        await evidence.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = $"bien-ban-{width}.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n%minutes\n"u8.ToArray(),
        });
        await evidence.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"bien-ban-{width}.pdf");
        await Shot(page, "officer-task", width);
        Assert.Empty(app.PolicyViolations);
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task Secretariat_pastes_a_directive_confirms_the_draft_and_publishes_after_being_asked(int width, int height)
    {
        var page = await app.SignInAsync("thuongtruc@plantracker.local", width, height);
        await page.GotoAsync("/Imports/Drafts");
        await page.FillAsync("#text", Directive(width));
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/Imports/Drafts/\\d+"));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Văn bản gốc");
        await Shot(page, "secretariat-review", width);

        await page.ClickAsync("form[action*='handler=Confirm'] button[type=submit]");
        await page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/Plans/\\d+$"));
        await Assertions.Expect(page.Locator("#done")).ToContainTextAsync("Đã tạo kế hoạch dự thảo với");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Dự thảo");

        await page.ClickAsync("a[href*='handler=Publish']");
        await Assertions.Expect(page.Locator("#confirm-publish")).ToContainTextAsync("Ban hành kế hoạch này?");
        await Shot(page, "secretariat-confirm-publish", width);
        await page.ClickAsync("#confirm-publish button[type=submit]");
        await Assertions.Expect(page.Locator("#done")).ToContainTextAsync("Đã ban hành kế hoạch;");
        await Assertions.Expect(page.Locator("#done")).ToContainTextAsync("thư thông báo đã vào hàng đợi");
        await Shot(page, "secretariat-published", width);
        Assert.Empty(app.PolicyViolations);
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task Head_writes_the_quarters_report_in_the_template_and_submits_it_after_being_asked(int width, int height)
    {
        var page = await app.SignInAsync("giamdoc.noivu@plantracker.local", width, height);
        await page.GotoAsync("/Reports");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Quý IV/2026");
        if (await page.Locator("#submitted-by").CountAsync() == 0)
        {
            await Assertions.Expect(page.Locator("#report-state")).ToHaveTextAsync("Chưa gửi");
            await page.FillAsync("#section-Shortcomings", "Thiếu máy quét tại bộ phận một cửa.");
            await page.FillAsync("#section-Proposals", "Đề nghị bổ sung kinh phí số hoá.");
            await page.ClickAsync("form[action*='handler=Save'] button[type=submit]");
            await Assertions.Expect(page.Locator("#done")).ToContainTextAsync("Đã lưu báo cáo");
            await Shot(page, "head-report", width);
            await page.ClickAsync("a[href*='handler=Submit']");
            await Assertions.Expect(page.Locator("#confirm-submit")).ToContainTextAsync("Gửi báo cáo Quý IV/2026 tới cơ quan thường trực?");
            await page.ClickAsync("#confirm-submit button[type=submit]");
            await Assertions.Expect(page.Locator("#done")).ToContainTextAsync("Đã gửi báo cáo Quý IV/2026");
        }
        await Assertions.Expect(page.Locator("#submitted-by")).ToContainTextAsync("bởi ");
        await Assertions.Expect(page.Locator("#section-Shortcomings")).ToHaveValueAsync("Thiếu máy quét tại bộ phận một cửa.");
        await Shot(page, "head-submitted", width);
        Assert.Empty(app.PolicyViolations);
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task Steering_member_goes_from_the_dashboard_to_the_tasks_behind_a_number_and_a_tasks_history(int width, int height)
    {
        var page = await app.SignInAsync("bcd@plantracker.local", width, height);
        Assert.EndsWith("/Dashboard", page.Url);
        await Shot(page, "steering-dashboard", width);
        var overdue = int.Parse(await page.Locator("[data-testid=count-InProgressOverdue] .n").InnerTextAsync());
        await page.ClickAsync("[data-testid=count-InProgressOverdue]");
        await page.WaitForURLAsync(url => url.Contains("/Tasks?") && url.Contains("timeliness=InProgressOverdue"));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync($"({overdue})");
        await Shot(page, "steering-tasks", width);
        await page.Locator("table.dtable tbody a[href^='/Tasks/']").First.ClickAsync();
        await Assertions.Expect(page.Locator("#history")).ToBeVisibleAsync();
        Assert.Empty(app.PolicyViolations);
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task Administrator_pages_past_the_first_fifty_overdue_tasks_and_reads_the_outbox_and_users(int width, int height)
    {
        var page = await app.SignInAsync("admin@plantracker.local", width, height);
        await page.GotoAsync("/Dashboard");
        var overdue = int.Parse(await page.Locator("[data-testid=count-InProgressOverdue] .n").InnerTextAsync());
        Assert.True(overdue > 50, $"{overdue} overdue tasks: the seed should need a second page");
        await page.ClickAsync("[data-testid=count-InProgressOverdue]");
        await page.WaitForURLAsync(url => url.Contains("/Tasks?"));
        var firstRow = await page.Locator("table.dtable tbody tr").First.InnerTextAsync();
        await page.ClickAsync("nav.pager a[rel=next]");
        await page.WaitForURLAsync(url => url.Contains("trang=2") && url.Contains("timeliness=InProgressOverdue"));
        await Assertions.Expect(page.Locator("nav.pager")).ToContainTextAsync($"Trang 2/{(overdue + 49) / 50}");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("is not valid");
        Assert.NotEqual(firstRow, await page.Locator("table.dtable tbody tr").First.InnerTextAsync());
        await Shot(page, "admin-tasks-page-2", width);

        await page.GotoAsync("/Admin/Outbox");
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
        await Shot(page, "admin-outbox", width);
        await page.GotoAsync("/Admin/Users");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("canbo.noivu@plantracker.local");
        await Shot(page, "admin-users", width);
        Assert.Empty(app.PolicyViolations);
    }

    private Task Shot(IPage page, string name, int width) => app.ShotAsync(page, $"{name}-{width}", fullPage: width > 400);

    /// <summary>A short plan of Vĩnh Phúc naming agencies of its directory only, so that it confirms as read.</summary>
    private static string Directive(int width) => $"""
        ỦY BAN NHÂN DÂN
        TỈNH VĨNH PHÚC

        Số: {width}/KH-UBND

        Vĩnh Phúc, ngày 01 tháng 12 năm 2026

        KẾ HOẠCH
        Số hoá hồ sơ năm 2027 ({width})

        I. NHIỆM VỤ
        1. Sở Nội vụ chủ trì số hoá hồ sơ cán bộ, công chức, hoàn thành trong Quý II năm 2027.
        2. Sở Thông tin và Truyền thông chủ trì, phối hợp với Sở Tài chính nâng cấp trung tâm dữ liệu của tỉnh, hoàn thành trong tháng 12 năm 2027.
        """;
}
