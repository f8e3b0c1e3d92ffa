using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Tests.Browser;

/// <summary>
/// The oversight loop in a real browser against the running app and a real database: the
/// secretariat creates a plan and assigns a task, the officer records progress, the steering member
/// sees the change on the dashboard, drills down to the task and its history, and downloads the
/// dashboard as a workbook. The pages' screenshots go to TestResults/screenshots.
/// </summary>
public sealed class DashboardBrowserTests(LiveApp app) : IClassFixture<LiveApp>
{
    private const string TaskTitle = "Số hóa hồ sơ thủ tục hành chính tại bộ phận một cửa";

    [Fact]
    public async Task Should_show_a_new_task_and_its_progress_on_the_steering_members_dashboard_down_to_the_task_and_the_workbook()
    {
        // The secretariat registers a document, starts its plan, adds a task led by Sở Nội vụ and publishes it.
        var secretariat = await app.SignInAsync("thuongtruc@plantracker.local");
        await secretariat.GotoAsync("/Plans/New");
        await secretariat.FillAsync("#Document_Number", "99/KH-UBND");
        await secretariat.SelectOptionAsync("#Document_Kind", "Plan");
        await secretariat.FillAsync("#Document_Issuer", "UBND tỉnh Vĩnh Phúc");
        await secretariat.FillAsync("#Document_IssuedOn", "2026-10-01");
        await secretariat.FillAsync("#Document_Title", "Kế hoạch chuyển đổi số quý IV năm 2026");
        await secretariat.FillAsync("#Document_PlanTitle", "Kế hoạch chuyển đổi số quý IV/2026");
        await secretariat.ClickAsync("main form button[type=submit]");
        await secretariat.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/Plans/\\d+$"));
        var planUrl = secretariat.Url;

        await secretariat.FillAsync("#NewTask_Code", "1");
        await secretariat.FillAsync("#NewTask_Title", TaskTitle);
        await secretariat.SelectOptionAsync("#lead", AgencyId("vinh-phuc/so-noi-vu").ToString());
        await secretariat.FillAsync("#NewTask_DeadlineText", "Quý IV năm 2026");
        await secretariat.ClickAsync("form[action*='handler=Task'] button[type=submit]");
        await secretariat.WaitForSelectorAsync($"text={TaskTitle}");
        await secretariat.ClickAsync("a[href*='handler=Publish']"); // publishing asks first
        await secretariat.ClickAsync("#confirm-publish button[type=submit]");
        await secretariat.WaitForSelectorAsync("text=Đã ban hành kế hoạch;");
        await app.ShotAsync(secretariat, "plan");

        // Before any progress, the steering member (who oversees Sở Nội vụ) sees the task not started and at risk:
        // 57% of Quý IV is gone on 22/11/2026 and nothing is done.
        var steering = await app.SignInAsync("bcd@plantracker.local");
        Assert.EndsWith("/Dashboard", steering.Url);
        await steering.ClickAsync("text=Các cơ quan tôi phụ trách");
        await steering.WaitForURLAsync(url => url.Contains("steeringMemberId="));
        var withinBefore = await Count(steering, "InProgressWithinDeadline");
        var atRiskBefore = await Count(steering, "AtRisk");
        Assert.True(atRiskBefore >= 1, $"at risk: {atRiskBefore}");
        await Assertions.Expect(steering.Locator("section[aria-labelledby=h-atrisk]")).ToContainTextAsync(TaskTitle);

        // The officer of Sở Nội vụ records 60% progress through the progress form.
        var officer = await app.SignInAsync("canbo.noivu@plantracker.local");
        await officer.GotoAsync("/My");
        await officer.ClickAsync($"text={TaskTitle}");
        var taskUrl = officer.Url;
        await officer.ClickAsync("a[href$='/Progress']");
        await officer.SelectOptionAsync("#Input_Status", "InProgress");
        await officer.FillAsync("#Input_PercentComplete", "60");
        await officer.FillAsync("#Input_Note", "Đã số hóa 60% hồ sơ tồn đọng");
        await officer.ClickAsync("main form button[type=submit]");
        await officer.WaitForSelectorAsync("text=Đã lưu.");

        // The steering member reloads: one more task in progress within its deadline, one fewer at risk.
        await steering.ReloadAsync();
        Assert.Equal(withinBefore + 1, await Count(steering, "InProgressWithinDeadline"));
        Assert.Equal(atRiskBefore - 1, await Count(steering, "AtRisk"));
        await app.ShotAsync(steering, "dashboard");

        // Drill down: the number → the tasks behind it → the task → its history.
        await steering.ClickAsync("[data-testid=count-InProgressWithinDeadline]");
        await steering.WaitForURLAsync(url => url.Contains("/Tasks?") && url.Contains("timeliness=InProgressWithinDeadline"));
        var rows = steering.Locator("table.dtable tbody tr");
        Assert.Equal(withinBefore + 1, await rows.CountAsync());
        await steering.ClickAsync($"table.dtable >> text={TaskTitle}");
        await steering.WaitForURLAsync(taskUrl);
        await Assertions.Expect(steering.Locator("#history")).ToBeVisibleAsync();
        await Assertions.Expect(steering.Locator("main")).ToContainTextAsync("Đã số hóa 60% hồ sơ tồn đọng");
        await Assertions.Expect(steering.Locator("main")).ToContainTextAsync("60%");
        await app.ShotAsync(steering, "task");

        // The export: the whole dashboard (the steering member's view) as a valid workbook.
        await steering.GotoAsync("/Dashboard?steeringMemberId=" + UserId("bcd@plantracker.local"));
        var download = await steering.RunAndWaitForDownloadAsync(() => steering.ClickAsync("text=Tải Excel toàn bộ"));
        Assert.EndsWith(".xlsx", download.SuggestedFilename);
        var path = Path.Combine(app.Screenshots, "dashboard.xlsx");
        await download.SaveAsAsync(path);
        using (var workbook = SpreadsheetDocument.Open(path, false))
        {
            var sheets = workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();
            Assert.Equal(["Tình trạng", "Quá hạn", "Nguy cơ chậm", "Xếp hạng", "Báo cáo định kỳ", "Chỉ tiêu", "Xu hướng"], sheets);
            var timeliness = Texts(workbook, "Tình trạng");
            Assert.Contains("99/KH-UBND", timeliness);
            Assert.Contains("Kế hoạch chuyển đổi số quý IV/2026", timeliness);
            Assert.Contains("Đang thực hiện trong hạn", timeliness);
            Assert.Contains("Sở Nội vụ", Texts(workbook, "Xếp hạng"));
        }

        // Screenshots a person would look at: phone width, the print view, the reports page.
        var phone = await app.SignInAsync("bcd@plantracker.local", 390, 844);
        Assert.Equal("", await TooWide(phone));
        await app.ShotAsync(phone, "dashboard-phone", fullPage: false);
        Assert.Equal("", await TooWide(steering));
        await steering.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await steering.PdfAsync(new PagePdfOptions { Path = Path.Combine(app.Screenshots, "dashboard-print.pdf"), Format = "A4", PrintBackground = true });
        await steering.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
        await secretariat.GotoAsync("/Reports");
        await app.ShotAsync(secretariat, "reports");
        await secretariat.GotoAsync(planUrl);
        Assert.Empty(app.PolicyViolations); // htmx, Chart.js and every page above work under the Content-Security-Policy
    }

    [Fact]
    public async Task Should_label_every_filter_and_keep_the_filters_in_the_url()
    {
        var page = await app.SignInAsync("thuongtruc@plantracker.local");
        await page.GotoAsync("/Dashboard");
        var unlabeled = await page.EvaluateAsync<int>(
            "[...document.querySelectorAll('main select, main input:not([type=hidden]), main button')].filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.textContent.trim()).length");
        Assert.Equal(0, unlabeled);

        // Province-level agencies: the secretariat's own province (docs/decisions/0013) has overdue ones.
        await page.SelectOptionAsync("select[name=agencyLevel]", "Province");
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("agencyLevel=Province"));
        await Assertions.Expect(page.Locator("select[name=agencyLevel]")).ToHaveValueAsync("Province");
        // htmx: sorting the overdue list swaps the table alone and puts the order in the URL.
        await page.ClickAsync("#overdue-list th >> text=Cơ quan chủ trì");
        await page.WaitForURLAsync(url => url.Contains("sort=Agency"));
        await Assertions.Expect(page.Locator("#overdue-list th[aria-sort=ascending]")).ToContainTextAsync("Cơ quan chủ trì");
        // A plan's targets load when its row is opened.
        await page.ClickAsync(".target-plan details summary >> nth=0");
        await Assertions.Expect(page.Locator(".target-plan .targets-body table").First).ToBeVisibleAsync();
        // The same link opened elsewhere (another session of the same province) shows the same view.
        var shared = await app.SignInAsync("thuongtruc@plantracker.local");
        await shared.GotoAsync(page.Url);
        Assert.Equal(await Count(page, "InProgressOverdue"), await Count(shared, "InProgressOverdue"));
        Assert.Empty(app.PolicyViolations);
    }

    [Fact]
    public async Task Should_show_a_mails_HTML_in_the_outbox_preview_frame_under_the_pages_policy()
    {
        long id;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlanTracker.Core.Persistence.PlanTrackerDbContext>();
            var message = new PlanTracker.Core.Email.OutboxMessage("test", "canbo@test.local", null, "Xem trước", "Xin chào Sở Nội vụ",
                "<p style=\"color:#1a4\">Xin chào <b>Sở Nội vụ</b></p>", app.Clock.GetUtcNow());
            db.OutboxMessages.Add(message);
            await db.SaveChangesAsync();
            id = message.Id;
        }
        var admin = await app.SignInAsync("admin@plantracker.local");

        await admin.GotoAsync($"/Admin/Outbox/{id}");

        await Assertions.Expect(admin.FrameLocator("#html-body").Locator("b")).ToHaveTextAsync("Sở Nội vụ");
        Assert.Equal("rgb(17, 170, 68)", await admin.FrameLocator("#html-body").Locator("p").EvaluateAsync<string>("p => getComputedStyle(p).color"));
        Assert.Empty(app.PolicyViolations); // the mail's own style attribute included
    }

    /// <summary>The elements that stick out of the window sideways (outside a scrolling table), if the page is wider than it.</summary>
    private static async Task<string> TooWide(IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        return await page.EvaluateAsync<string>("""
        document.documentElement.scrollWidth <= window.innerWidth ? '' :
        [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-scroll'))
            .slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ')
        """);
    }

    private static async Task<int> Count(IPage page, string state) =>
        int.Parse(await page.Locator($"[data-testid=count-{state}] .n").InnerTextAsync());

    private long AgencyId(string key)
    {
        using var scope = app.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>().Agencies.Single(a => a.Key == key).Id;
    }

    private long UserId(string email)
    {
        using var scope = app.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>().Users.Single(u => u.Email == email).Id;
    }

    private static string Texts(SpreadsheetDocument workbook, string sheet)
    {
        var part = (WorksheetPart)workbook.WorkbookPart!.GetPartById(
            workbook.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheet).Id!);
        return string.Join("|", part.Worksheet.Descendants<Cell>().Select(c => c.InnerText));
    }
}
