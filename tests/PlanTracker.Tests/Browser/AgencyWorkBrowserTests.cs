using Microsoft.Playwright;

namespace PlanTracker.Tests.Browser;

/// <summary>
/// Inside the agency in Chromium (issue 18 item 4): the head asks to approve progress and hands a task to
/// the officer with directions; the officer finds it under "Việc được giao", records progress, which waits;
/// the head sees it behind the bell and approves it, and the task shows the officer's progress.
/// </summary>
public sealed class AgencyWorkBrowserTests(LiveApp app) : IClassFixture<LiveApp>
{
    [Fact]
    public async Task Head_assigns_with_directions_officer_records_progress_and_head_approves_it()
    {
        var taskId = app.TaskId("vinh-phuc/kh-36a", "III.5.d");
        const string directions = "Rà soát danh mục thủ tục, báo cáo trước ngày 31/01/2027.";

        var head = await app.SignInAsync("giamdoc.noivu@plantracker.local");
        await head.GotoAsync("/My/Agency");
        await head.CheckAsync("input[name='Input.ProgressNeedsApproval'][value=true]");
        await head.ClickAsync("#agency-settings button[type=submit]");
        await Assertions.Expect(head.Locator("main")).ToContainTextAsync("Đã lưu");

        await head.GotoAsync($"/Tasks/{taskId}");
        await head.ClickAsync($"a[href='/Tasks/{taskId}/Work']");
        await head.Locator("#assign-form label", new() { HasText = "Trần Thị Cán Bộ" }).Locator("input").CheckAsync();
        await head.FillAsync("#assign-due", "31/01/2027");
        await head.FillAsync("#assign-directions", directions);
        await head.ClickAsync("#assign-form button[type=submit]");
        await Assertions.Expect(head.Locator("#assignments")).ToContainTextAsync(directions);
        await Assertions.Expect(head.Locator("#assignments")).ToContainTextAsync("31/01/2027");
        await app.ShotAsync(head, "head-assigns");

        var officer = await app.SignInAsync("canbo.noivu@plantracker.local");
        await Assertions.Expect(officer.Locator("#bell .count")).ToHaveTextAsync("1");
        await officer.ClickAsync("a[href='/My/Assigned']");
        await Assertions.Expect(officer.Locator("h1")).ToContainTextAsync("Việc được giao cho tôi");
        await Assertions.Expect(officer.Locator("#my-assignments")).ToContainTextAsync(directions);
        await app.ShotAsync(officer, "officer-assigned");
        await officer.GotoAsync($"/Tasks/{taskId}/Progress");
        await officer.SelectOptionAsync("#Input_Status", "InProgress");
        await officer.FillAsync("#Input_PercentComplete", "55");
        await officer.FillAsync("#Input_Note", "Đã rà soát 80 thủ tục, dự thảo danh mục.");
        await officer.ClickAsync("main form button[type=submit]");
        await officer.WaitForURLAsync(url => url.Contains($"/Tasks/{taskId}/Work"));
        await Assertions.Expect(officer.Locator("main")).ToContainTextAsync("Đang chờ lãnh đạo duyệt.");

        await head.GotoAsync("/My/Assigned");
        await Assertions.Expect(head.Locator("#bell .count")).ToHaveTextAsync("1");
        await Assertions.Expect(head.Locator("#submissions")).ToContainTextAsync("Trần Thị Cán Bộ");
        await head.ClickAsync("#submissions a");
        await app.ShotAsync(head, "head-approves");
        await head.ClickAsync(".submission button[value=true]");
        await Assertions.Expect(head.Locator("main")).ToContainTextAsync("Đã lưu");
        await head.GotoAsync($"/Tasks/{taskId}");
        await Assertions.Expect(head.Locator("main")).ToContainTextAsync("55%");

        await officer.GotoAsync("/Notifications");
        await Assertions.Expect(officer.Locator("#notifications")).ToContainTextAsync("đã duyệt báo cáo tiến độ nhiệm vụ III.5.d");
        Assert.Empty(app.PolicyViolations);
    }
}
