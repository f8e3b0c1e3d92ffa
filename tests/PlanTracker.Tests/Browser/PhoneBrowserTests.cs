using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Tests.Browser;

/// <summary>
/// Debian's Chromium at a phone's width (390 × 844) against the running app: no page a role opens
/// scrolls sideways (a table scrolls inside its own box), and the header stays a strip. And a file
/// beyond the server's default body limit is refused in Vietnamese beside its form, not by a reset
/// connection (the browser's own error page).
/// </summary>
public sealed class PhoneBrowserTests(LiveApp app) : IClassFixture<LiveApp>
{
    [Theory]
    [InlineData("thuongtruc@plantracker.local")]
    [InlineData("canbo.noivu@plantracker.local")]
    [InlineData("giamdoc.noivu@plantracker.local")]
    [InlineData("bcd@plantracker.local")]
    [InlineData("admin@plantracker.local")]
    public async Task Should_not_scroll_sideways_at_390_px_on_any_page_a_role_opens(string email)
    {
        var taskId = app.TaskId("vinh-phuc/kh-36a", "II.2.c-8");
        long planId;
        using (var scope = app.Services.CreateScope())
            planId = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>().Plans.Single(p => p.Key == "vinh-phuc/kh-36a").Id;
        var page = await app.SignInAsync(email, 390, 844);
        string[] urls =
        [
            "/", "/My", "/Dashboard", $"/Plans/{planId}", $"/Tasks?planId={planId}", $"/Tasks/{taskId}", $"/Tasks/{taskId}/Progress",
            $"/Tasks/{taskId}/Edit", "/Reports", "/Agencies", "/Search?q=chu+ky+so", "/Account/Preferences", "/Account/ChangePassword",
            "/Imports/Drafts", "/Admin/Users", "/Admin/Jobs", "/Admin/Outbox",
        ];
        var problems = new List<string>();
        var opened = 0;
        foreach (var url in urls)
        {
            var response = await page.GotoAsync(url);
            if (response is null || response.Status is 403 or 404) continue; // not this role's page
            opened++;
            // Charts size their canvases once the page has loaded: measure the page as it settles, not mid-layout.
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await page.WaitForTimeoutAsync(500);
            var size = await page.EvaluateAsync<int[]>(
                "() => [document.scrollingElement.scrollWidth, window.innerWidth, Math.round(document.querySelector('header').getBoundingClientRect().height)]");
            if (size[0] > size[1])
            {
                // For the message: the elements that stick out of a parent that fits and does not clip them.
                var culprits = await page.EvaluateAsync<string[]>(@"() => [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && e.parentElement
                        && e.parentElement.getBoundingClientRect().right <= window.innerWidth + 1 && getComputedStyle(e.parentElement).overflowX === 'visible')
                    .slice(0, 4).map(e => e.tagName.toLowerCase() + '.' + e.className + ' in ' + e.parentElement.tagName.toLowerCase() + '.' + e.parentElement.className
                        + ' ' + Math.round(e.getBoundingClientRect().right))");
                problems.Add($"{url}: {size[0]} px wide in a {size[1]} px window ({string.Join("; ", culprits)})");
            }
            if (size[2] > 844 / 4) problems.Add($"{url}: the header is {size[2]} px high");
            if (size[0] > size[1] || size[2] > 844 / 4)
                await app.ShotAsync(page, $"phone-{email.Split('@')[0]}-{url.Trim('/').Replace('/', '-').Replace('?', '-')}", fullPage: false);
        }
        await app.ShotAsync(page, $"phone-{email.Split('@')[0]}-last");
        Assert.True(opened >= 8, $"{email} opened {opened} pages");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Should_refuse_a_30_MB_evidence_file_in_vietnamese_beside_its_form()
    {
        var taskId = app.TaskId("vinh-phuc/kh-36a", "II.2.c-8");
        var file = Path.Combine(Path.GetTempPath(), $"big30mb-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, new byte[30 * 1024 * 1024]);
        try
        {
            var page = await app.SignInAsync("canbo.noivu@plantracker.local");
            await page.GotoAsync($"/Tasks/{taskId}");
            await page.SetInputFilesAsync("#evidence-file", file);
            await page.ClickAsync("#evidence button[type=submit]");
            await page.WaitForSelectorAsync("#evidence >> text=vượt giới hạn 20 MB", new PageWaitForSelectorOptions { Timeout = 60_000 });
            Assert.EndsWith("#evidence", page.Url);
            await app.ShotAsync(page, "evidence-30mb-refused", fullPage: false);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
