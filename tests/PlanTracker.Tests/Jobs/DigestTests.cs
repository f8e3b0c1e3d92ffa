using System.Text.RegularExpressions;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Email;
using PlanTracker.Core.Persistence;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Jobs;

/// <summary>
/// The digest job through POST /api/v1/jobs/digests/runs, on the seed (Vĩnh Phúc, plan 36a). Seed
/// users have the default preference, weekly on Monday at 07:00; the as-of dates below are Mondays
/// unless said otherwise, and each test uses its own so that they do not depend on each other's order.
/// </summary>
public sealed class DigestTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Officer = "canbo.noivu@plantracker.local";
    private const string Head = "giamdoc.noivu@plantracker.local";
    private const string Steering = "bcd@plantracker.local";
    private const string Secretariat = "thuongtruc@plantracker.local";

    [Fact]
    public async Task Should_send_an_officer_their_agencys_overdue_and_due_soon_tasks_once_per_date()
    {
        var first = await RunAsync("2016-12-19");
        var again = await RunAsync("2016-12-19");

        Assert.StartsWith("0 mail(s)", again);
        Assert.DoesNotContain("0 mail(s)", first);
        var mail = await SingleDigestAsync(Officer, "19/12/2016");
        Assert.Equal("PlanTracker: bản tin tuần 19/12/2016", mail.Subject);
        // Overdue: II.2.c-2+1 (Q1/2016), coordinated through the group "các sở, ban, ngành, địa phương".
        Assert.Contains("Sở Nội vụ: nhiệm vụ quá hạn (1)", mail.TextBody);
        Assert.Contains("31/03/2016 (quá hạn 8 tháng) | phối hợp", mail.TextBody);
        // Due by 02/01/2017: II.2.c-8 and III.5.b led, II.2.c-9, III.2.c, III.4bis.b, II.2.c-2+2 coordinated.
        Assert.Contains("Sở Nội vụ: nhiệm vụ đến hạn trong 14 ngày tới (6)", mail.TextBody);
        foreach (var code in new[] { "II.2.c-8 ", "III.5.b ", "II.2.c-9 ", "III.2.c ", "III.4bis.b ", "II.2.c-2+2 " })
            Assert.Contains("- " + code, mail.TextBody);
        Assert.Contains("31/12/2016 (còn 12 ngày) | chủ trì", mail.TextBody);
        Assert.DoesNotContain("II.2.c-10", mail.TextBody); // due 31/12/2017: not soon
        Assert.DoesNotContain("Thay đổi từ bản tin trước", mail.TextBody);
        Assert.Contains("<h3>Sở Nội vụ: nhiệm vụ quá hạn (1)</h3>", WebUtility.HtmlDecode(mail.HtmlBody));
        Assert.Contains("<a href=\"http://127.0.0.1:5080/Unsubscribe?token=", mail.HtmlBody);
        Assert.Contains("Sở Nội vụ: nhiệm vụ đến hạn trong 14 ngày tới (6)", (await SingleDigestAsync(Head, "19/12/2016")).TextBody);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
        var officerId = await db.Users.Where(u => u.Email == Officer).Select(u => u.Id).SingleAsync();
        Assert.Equal(mail.Id, await db.NotificationLog
            .Where(n => n.Job == "digests" && n.AsOf == new DateOnly(2016, 12, 19) && n.UserId == officerId && n.Item == "digest")
            .Select(n => n.OutboxMessageId).SingleAsync());
    }

    [Fact]
    public async Task Should_send_a_steering_member_the_overdue_and_at_risk_tasks_of_the_agencies_they_oversee()
    {
        // Well under way is not at risk: III.4bis.c (Sở KH&ĐT) leaves the at-risk list once it is 60% done.
        var secretariat = await app.ClientForAsync(Secretariat);
        var id = app.TaskId("vinh-phuc/kh-36a", "III.4bis.c");
        var version = (await secretariat.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{id}")).GetProperty("task").GetProperty("version").GetInt32();
        (await secretariat.PostAsJsonAsync($"/api/v1/tasks/{id}/progress",
            new { version, status = "inProgress", percentComplete = 60, note = "Trang tin đã chạy thử" })).EnsureSuccessStatusCode();

        await RunAsync("2016-12-26");

        var mail = await SingleDigestAsync(Steering, "26/12/2016");
        Assert.Contains("Các cơ quan được phân công theo dõi: nhiệm vụ quá hạn (3)", mail.TextBody);
        Assert.Contains("- II.2.c-1 ", mail.TextBody);
        Assert.Contains("| Sở TT&TT | 30/06/2016 (quá hạn 5 tháng) | 0%", mail.TextBody); // II.2.c-3
        Assert.Contains("Các cơ quan được phân công theo dõi: nhiệm vụ có nguy cơ chậm (10)", mail.TextBody);
        Assert.Contains("| Sở KH&ĐT | 31/12/2016 (còn 5 ngày) | 0%", mail.TextBody); // II.2.c-5, III.4bis.b
        Assert.Contains("- III.5.b ", mail.TextBody); // Sở Nội vụ
        Assert.Contains("- II.2.c-8 ", mail.TextBody);
        Assert.DoesNotContain("III.4bis.c", mail.TextBody);
        Assert.DoesNotContain("II.2.a-1", mail.TextBody); // led by the telecom companies, whom nobody oversees
        Assert.DoesNotContain("Tổng hợp toàn tỉnh", mail.TextBody); // the province summary is the secretariat's
    }

    [Fact]
    public async Task Should_send_the_secretariat_the_province_summary_and_what_fell_overdue_since_the_last_digest()
    {
        await RunAsync("2017-01-02");
        await RunAsync("2017-01-09");

        string plan;
        using (var scope = app.Services.CreateScope())
            plan = await scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>().Plans
                .Where(p => p.Key == "vinh-phuc/kh-36a").Select(p => p.Title).SingleAsync();
        var mail = await SingleDigestAsync(Secretariat, "02/01/2017");
        Assert.Contains("Tổng hợp toàn tỉnh Vĩnh Phúc", mail.TextBody);
        // 58 tasks: 14 overdue (3 from 2016's first half, 11 due 31/12/2016), 6 continuous or recurring, 38 without a due date yet.
        Assert.Contains($"- {plan} | 38 | 0 | 14 | 0 | 0 | 6 | 0 | 0 | 58", mail.TextBody);
        Assert.Contains("<th>Quá hạn</th>", WebUtility.HtmlDecode(mail.HtmlBody));
        Assert.Matches(@"Nhiệm vụ mới quá hạn \(hạn từ \d\d/12/2016\): 11", mail.TextBody);
        Assert.Contains("- II.2.b-1 ", mail.TextBody);
        // The text part's tables have their column headers, and each task its address (clickable in the HTML part).
        Assert.Matches($@"\r\nKế hoạch( \| [^|\r\n]+)+ \| Tổng\r\n- {Regex.Escape(plan)} \| 38 \|", mail.TextBody);
        Assert.Contains("Nhiệm vụ | Kế hoạch | Cơ quan chủ trì | Hạn\r\n- ", mail.TextBody);
        Assert.Matches(@"- II\.2\.b-1 [^\r\n]+\r\n  http://127\.0\.0\.1:5080/Tasks/\d+\r\n", mail.TextBody);
        Assert.Matches(@"<td><a href=""http://127\.0\.0\.1:5080/Tasks/\d+"">II\.2\.b-1 ", mail.HtmlBody);
        Assert.DoesNotContain("- II.2.c-3 ", mail.TextBody); // overdue since July: not new
        Assert.DoesNotContain("Đắk Lắk", mail.TextBody); // other provinces are not this secretariat's

        // A week later nothing new fell due: the window starts at the previous digest's date.
        var next = await SingleDigestAsync(Secretariat, "09/01/2017");
        Assert.Contains("Không có nhiệm vụ nào mới quá hạn (hạn từ 02/01/2017).", next.TextBody);
        Assert.Contains($"- {plan} | 38 | 0 | 14 |", next.TextBody);
    }

    [Fact]
    public async Task Should_list_what_changed_since_the_last_digest_with_humanized_times_in_the_recipients_language()
    {
        const string deputy = "pho.giamdoc@test.local"; // a second head of Sở Nội vụ, who reads English
        await app.ClientForNewUserAsync(deputy, Roles.AgencyHead, "vinh-phuc/so-noi-vu");
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
            (await db.Users.SingleAsync(u => u.Email == deputy)).PreferredCulture = "en";
            await db.SaveChangesAsync();
        }
        var officer = await app.ClientForAsync(Officer);
        var id = app.TaskId("vinh-phuc/kh-36a", "III.5.b");
        var version = (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{id}")).GetProperty("task").GetProperty("version").GetInt32();
        (await officer.PostAsJsonAsync($"/api/v1/tasks/{id}/progress",
            new { version, status = "inProgress", percentComplete = 35, note = "Đã trình dự thảo phương án giai đoạn II" })).EnsureSuccessStatusCode();

        var recordedAt = app.Clock.Now; // 22/11/2026 10:00 in the province
        app.Clock.Now = recordedAt.AddHours(2);
        try
        {
            await RunAsync("2026-11-23");
            await RunAsync("2026-11-30");
        }
        finally
        {
            app.Clock.Now = recordedAt;
        }

        var english = await SingleDigestAsync(deputy, "23/11/2026");
        Assert.Equal("PlanTracker weekly digest, 23/11/2026", english.Subject);
        Assert.Contains("Changes since your last digest (1)", english.TextBody);
        Assert.Contains("- III.5.b ", english.TextBody);
        Assert.Contains("| Progress recorded: In progress, 35% | Trần Thị Cán Bộ | 22/11/2026 10:00 (2 hours ago)", english.TextBody);
        Assert.Contains("Sở Nội vụ: overdue tasks (", english.TextBody);
        Assert.Matches(@"Stop these digests \(no sign-in needed\): http://127\.0\.0\.1:5080/Unsubscribe\?token=\d+\.\d+\.[\w-]+&culture=en-US\r\n", english.TextBody);
        var vietnamese = await SingleDigestAsync(Officer, "23/11/2026");
        Assert.Contains("| Cập nhật tiến độ: Đang thực hiện, 35% | Trần Thị Cán Bộ | 22/11/2026 10:00 (cách đây 2 tiếng)", vietnamese.TextBody);
        Assert.Contains("31/03/2016 (quá hạn 10 năm)", vietnamese.TextBody); // II.2.c-2+1

        // The next digest starts where this one ended: the change is not told again.
        var nextWeek = await SingleDigestAsync(deputy, "30/11/2026");
        Assert.DoesNotContain("Changes since your last digest", nextWeek.TextBody);
        Assert.Contains("Sở Nội vụ: overdue tasks (", nextWeek.TextBody);
    }

    [Fact]
    public async Task Should_send_nothing_and_log_nothing_to_someone_with_nothing_to_say()
    {
        // HĐND tỉnh leads, coordinates and belongs to nothing in the seed plans.
        await app.ClientForNewUserAsync("canbo.hdnd@test.local", Roles.AgencyOfficer, "vinh-phuc/hdnd-tinh");

        var outcome = await RunAsync("2018-03-05");

        Assert.Contains("with nothing to say", outcome);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
        var quietId = await db.Users.Where(u => u.Email == "canbo.hdnd@test.local").Select(u => u.Id).SingleAsync();
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.Kind == "digests" && m.UserId == quietId));
        Assert.False(await db.NotificationLog.AnyAsync(n => n.Job == "digests" && n.UserId == quietId));
        Assert.NotNull(await SingleDigestAsync(Officer, "05/03/2018")); // the same run did write to those with something to say
    }

    [Fact]
    public async Task Should_send_each_digest_from_its_hour_on_when_run_as_of_today()
    {
        var early = await app.ClientForNewUserAsync("som@test.local", Roles.AgencyOfficer, "vinh-phuc/so-noi-vu");
        var late = await app.ClientForNewUserAsync("muon@test.local", Roles.AgencyOfficer, "vinh-phuc/so-noi-vu");
        (await early.PutAsJsonAsync("/api/v1/me/digest", new { frequency = "daily", hour = 9 })).EnsureSuccessStatusCode();
        (await late.PutAsJsonAsync("/api/v1/me/digest", new { frequency = "daily", hour = 11 })).EnsureSuccessStatusCode();
        var tenOClock = app.Clock.Now; // Sunday 22/11/2026 10:00 in the province: weekly Monday digests are not due

        await RunAsync("2026-11-22");
        var atTen = await DigestCountAsync("22/11/2026");
        app.Clock.Now = tenOClock.AddHours(1);
        try
        {
            await RunAsync("2026-11-22");
        }
        finally
        {
            app.Clock.Now = tenOClock;
        }
        var atEleven = await DigestCountAsync("22/11/2026");

        Assert.Equal((1, 0), (atTen.GetValueOrDefault("som@test.local"), atTen.GetValueOrDefault("muon@test.local")));
        Assert.Equal((1, 1), (atEleven.GetValueOrDefault("som@test.local"), atEleven.GetValueOrDefault("muon@test.local")));
        Assert.Equal("PlanTracker: bản tin ngày 22/11/2026", (await SingleDigestAsync("som@test.local", "22/11/2026")).Subject);
        Assert.DoesNotContain(Officer, atEleven.Keys); // weekly on Monday
    }

    private async Task<string> RunAsync(string asOf)
    {
        var admin = await app.ClientForAsync("admin@plantracker.local"); // only administrators run jobs by hand
        var response = await admin.PostAsJsonAsync("/api/v1/jobs/digests/runs", new { asOf });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString()!;
    }

    private async Task<OutboxMessage> SingleDigestAsync(string email, string day)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
        return await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Kind == "digests" && m.ToAddress == email && m.Subject.EndsWith(day));
    }

    private async Task<Dictionary<string, int>> DigestCountAsync(string day)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
        return await db.OutboxMessages.Where(m => m.Kind == "digests" && m.Subject.EndsWith(day))
            .GroupBy(m => m.ToAddress).ToDictionaryAsync(g => g.Key, g => g.Count());
    }
}
