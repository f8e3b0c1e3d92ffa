using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Tests.Browser;

/// <summary>
/// Cascading plans in a real browser (issue 18; decision 0027), on the seeded partial 36a/NQ-CP parent:
/// the steering member opens its view from above and sees Vĩnh Phúc's and Nam Định's coverage; Vĩnh
/// Phúc's secretariat finds what of 36a its plan does not cover and drafts a task for it in one step.
/// </summary>
public sealed class CascadeBrowserTests(LiveApp app) : IClassFixture<LiveApp>
{
    // 36a item 13, which neither seeded province carries out (item 10 stays uncovered for the steering member's test).
    private string Item13 => ParentTitle("13");

    [Fact]
    public async Task Should_show_the_steering_member_Vinh_Phuc_and_Nam_Dinh_coverage_of_36a()
    {
        var steering = await app.SignInAsync("bcd@plantracker.local");
        await steering.GotoAsync($"/Plans/{await PlanId("vn/nq-36a-cp-2015-partial")}");
        await Assertions.Expect(steering.Locator(".notice.partial")).ToContainTextAsync("Văn bản không đầy đủ");
        await steering.ClickAsync("#cascade a[href$='/Implementation']");
        await steering.WaitForURLAsync(url => url.EndsWith("/Implementation"));

        // Item 7 (liên thông văn bản) is carried out by both provinces; Vĩnh Phúc's task is overdue on 22/11/2026.
        var item7 = steering.Locator("#implementation tr[data-code='7']");
        await Assertions.Expect(item7.Locator(".province-coverage")).ToHaveCountAsync(2);
        await Assertions.Expect(item7).ToContainTextAsync("Nam Định");
        await Assertions.Expect(item7.Locator(".province-coverage", new() { HasText = "Vĩnh Phúc" })).ToContainTextAsync("1 quá hạn");
        // Item 10 is covered by nobody: both provinces are listed under "Chưa thực hiện".
        var item10 = steering.Locator("#implementation tr[data-code='10'] td.not-covered");
        await Assertions.Expect(item10).ToContainTextAsync("Vĩnh Phúc");
        await Assertions.Expect(item10).ToContainTextAsync("Nam Định");
        await Assertions.Expect(steering.Locator("h1")).ToHaveTextAsync("Tình hình thực hiện theo tỉnh");
        await app.ShotAsync(steering, "cascade-view-from-above");

        // English on request.
        await steering.ClickAsync("a[lang=en]");
        await Assertions.Expect(steering.Locator("h1")).ToHaveTextAsync("Implementation by province");
    }

    [Fact]
    public async Task Should_show_Vinh_Phucs_secretariat_what_of_36a_it_does_not_cover_and_draft_a_task_in_one_step()
    {
        var secretariat = await app.SignInAsync("thuongtruc@plantracker.local");
        await secretariat.ClickAsync("nav a[href='/Cascade/Coverage']");
        var parent = secretariat.Locator($"section.coverage[data-parent='{await PlanId("vn/nq-36a-cp-2015-partial")}']");
        await Assertions.Expect(parent.Locator(".notice.partial")).ToBeVisibleAsync();
        await Assertions.Expect(parent.Locator("tr[data-code] form")).ToHaveCountAsync(3); // items 4, 10, 13
        await app.ShotAsync(secretariat, "cascade-coverage");

        var row = parent.Locator("tr[data-code='13']");
        await row.Locator("input[name='Draft.Code']").FillAsync("III.9");
        await row.Locator("button[type=submit]").ClickAsync();

        // The new task's links open: prefilled from item 13 (its title) and carrying it out.
        await secretariat.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/Tasks/\\d+/Links$"));
        await Assertions.Expect(secretariat.Locator("#done")).ToContainTextAsync("Đã soạn nhiệm vụ III.9");
        await Assertions.Expect(secretariat.Locator("main li:has(input[name=linkId])").First).ToContainTextAsync(Item13);
        await Assertions.Expect(secretariat.Locator("main a[href^='/Tasks/']").First).ToContainTextAsync(Item13);
        await secretariat.ClickAsync("nav a[href='/Cascade/Coverage']");
        await Assertions.Expect(parent.Locator("tr[data-code] form")).ToHaveCountAsync(2);
        await Assertions.Expect(parent.Locator("tr[data-code='13']")).ToHaveCountAsync(0);
    }

    private string ParentTitle(string code)
    {
        using var scope = app.Services.CreateScope();
        var title = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>().Tasks
            .Where(t => t.Plan.Key == "vn/nq-36a-cp-2015-partial" && t.Code == code).Select(t => t.Title).Single();
        return title.Length > 60 ? title[..60] : title;
    }

    private async Task<long> PlanId(string key)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>().Plans.Where(p => p.Key == key).Select(p => p.Id).SingleAsync();
    }
}
