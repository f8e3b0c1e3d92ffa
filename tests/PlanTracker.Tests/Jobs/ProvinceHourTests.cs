using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Jobs;
using PlanTracker.Core.Persistence;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Jobs;

/// <summary>
/// "Today" is the province's date at either end of its day: at 06:30 in Hà Nội it is still the
/// previous day in UTC, at 23:30 it is the same day in UTC but seven hours from the next one.
/// Every date-dependent feature reads the province's date at both hours, never UTC's.
/// </summary>
public sealed class ProvinceHourTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Secretariat = "thuongtruc@plantracker.local";
    private const string Admin = "admin@plantracker.local"; // only administrators run jobs by hand (decision 0013)
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    // 06:30 on Monday 23/11/2026 in the province is 23:30 on Sunday 22/11 in UTC.
    public static readonly DateTimeOffset EarlyMonday = new(2026, 11, 23, 6, 30, 0, Vietnam);
    // 23:30 on Sunday 22/11/2026 in the province is 16:30 the same day in UTC.
    public static readonly DateTimeOffset LateSunday = new(2026, 11, 22, 23, 30, 0, Vietnam);

    public static TheoryData<string> Hours => new() { "06:30", "23:30" };

    private static DateTimeOffset At(string hour) => hour == "06:30" ? EarlyMonday : LateSunday;

    [Theory]
    [MemberData(nameof(Hours))]
    public async Task Should_count_the_dashboard_as_of_the_province_date(string hour)
    {
        var now = At(hour);
        await WithClockAsync(now, async () =>
        {
            var secretariat = await app.ClientForAsync(Secretariat);
            var dashboard = await secretariat.GetFromJsonAsync<JsonElement>("/api/v1/dashboard");
            Assert.Equal(DateOnly.FromDateTime(now.DateTime).ToString("yyyy-MM-dd"), dashboard.GetProperty("today").GetString());
            Assert.NotEqual(hour == "06:30", DateOnly.FromDateTime(now.UtcDateTime) == DateOnly.FromDateTime(now.DateTime));
        });
    }

    [Theory]
    [MemberData(nameof(Hours))]
    public async Task Should_offer_the_province_date_for_run_now_and_record_the_run_as_of_it(string hour)
    {
        var now = At(hour);
        var provinceDay = DateOnly.FromDateTime(now.DateTime);
        await WithClockAsync(now, async () =>
        {
            var client = await PageClient.SignInAsync(app, Admin, followRedirects: false);
            var page = await client.GetStringAsync("/Admin/Jobs");
            var offered = provinceDay.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
            Assert.Contains($"value=\"{offered}\"", page);

            foreach (var job in new[] { "deadline-reminders", "overdue-escalations", "reporting-cycle" })
            {
                var response = await client.PostAsync("/Admin/Jobs?handler=Run",
                    PageClient.Form(page, new() { ["job"] = job, ["asOf"] = offered }));
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                using var scope = app.Services.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
                var run = await db.JobRuns.AsNoTracking().Where(r => r.Job == job && r.Trigger == JobTrigger.Manual)
                    .OrderByDescending(r => r.Id).FirstAsync();
                Assert.Equal(provinceDay, run.AsOf);
                Assert.True(run.Succeeded, run.Error);
            }
        });
    }

    [Theory]
    [MemberData(nameof(Hours))]
    public async Task Should_send_the_digests_of_the_province_hour_and_not_of_the_next(string hour)
    {
        var now = At(hour);
        var provinceDay = DateOnly.FromDateTime(now.DateTime);
        var suffix = hour.Replace(":", "");
        var due = $"dung.gio.{suffix}@test.local";
        var notYet = $"chua.den.{suffix}@test.local";
        await WithClockAsync(now, async () =>
        {
            var dueClient = await app.ClientForNewUserAsync(due, Roles.AgencyOfficer, "vinh-phuc/so-noi-vu");
            var notYetClient = await app.ClientForNewUserAsync(notYet, Roles.AgencyOfficer, "vinh-phuc/so-noi-vu");
            (await dueClient.PutAsJsonAsync("/api/v1/me/digest", new { frequency = "daily", hour = now.Hour })).EnsureSuccessStatusCode();
            if (now.Hour < 23)
                (await notYetClient.PutAsJsonAsync("/api/v1/me/digest", new { frequency = "daily", hour = now.Hour + 1 })).EnsureSuccessStatusCode();
            else // at 23:30 the next hour is tomorrow's 00:00: a digest set for 00:00 was due this morning, one weekly on Monday is not
                (await notYetClient.PutAsJsonAsync("/api/v1/me/digest", new { frequency = "weekly", weekday = "monday", hour = 0 })).EnsureSuccessStatusCode();

            var admin = await app.ClientForAsync(Admin);
            var run = await admin.PostAsJsonAsync("/api/v1/jobs/digests/runs", new { asOf = provinceDay.ToString("yyyy-MM-dd") });
            Assert.Equal(HttpStatusCode.OK, run.StatusCode);

            var day = provinceDay.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
            var sent = await db.OutboxMessages.AsNoTracking().Where(m => m.Kind == "digests" && m.Subject.EndsWith(day)
                && (m.ToAddress == due || m.ToAddress == notYet)).Select(m => m.ToAddress).ToListAsync();
            Assert.Equal([due], sent);
        });
    }

    [Fact]
    public async Task Should_judge_a_report_on_time_by_the_province_date_of_its_submission()
    {
        // An ad hoc period due Monday 23/11/2026. One agency submits at 23:30 that Monday in the province
        // (16:30 UTC), another at 06:30 on Tuesday (23:30 UTC, still Monday in UTC): on time, and late.
        var dueOn = new DateOnly(2026, 11, 23);
        long periodId = 0;
        await WithClockAsync(LateSunday.AddHours(-12), async () =>
        {
            var secretariat = await app.ClientForAsync(Secretariat);
            var created = await secretariat.PostAsJsonAsync("/api/v1/reports/periods",
                new { startOn = "2026-10-01", endOn = "2026-11-13", dataCutOffOn = "2026-11-13", submissionDueOn = "2026-11-23" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            periodId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        });

        await SubmitAsAsync("giamdoc.noivu@plantracker.local", null, periodId, new DateTimeOffset(2026, 11, 23, 23, 30, 0, Vietnam));
        await SubmitAsAsync("giamdoc.hour.khdt@test.local", "vinh-phuc/so-khdt", periodId, new DateTimeOffset(2026, 11, 24, 6, 30, 0, Vietnam));

        await WithClockAsync(new DateTimeOffset(2026, 11, 24, 9, 0, 0, Vietnam), async () =>
        {
            var secretariat = await app.ClientForAsync(Secretariat);
            var number = await PeriodNumberAsync(periodId);
            var compliance = await secretariat.GetFromJsonAsync<JsonElement>($"/api/v1/reports/compliance?year=2026&number={number}&regime=adHoc");
            Assert.Equal(dueOn.ToString("yyyy-MM-dd"), compliance.GetProperty("submissionDueOn").GetString());
            var byAgency = compliance.GetProperty("agencies").EnumerateArray()
                .ToDictionary(a => a.GetProperty("agency").GetString()!, a => a.GetProperty("compliance").GetString());
            Assert.Equal("onTime", byAgency.Single(a => a.Key == "Sở Nội vụ").Value);
            Assert.Equal("late", byAgency.Single(a => a.Key == "Sở KH&ĐT").Value);
        });
    }

    /// <summary>The agency head drafts and submits the agency's report for the period at the given instant.</summary>
    private async Task SubmitAsAsync(string email, string? newUserAgency, long periodId, DateTimeOffset at) =>
        await WithClockAsync(at, async () =>
        {
            var head = newUserAgency is null
                ? await app.ClientForAsync(email)
                : await app.ClientForNewUserAsync(email, Roles.AgencyHead, newUserAgency);
            var draft = await (await head.PostAsJsonAsync("/api/v1/reports/draft", new { day = "2026-11-01", periodId }))
                .Content.ReadFromJsonAsync<JsonElement>();
            var submitted = await head.PostAsJsonAsync($"/api/v1/reports/{draft.GetProperty("reportId").GetInt64()}/submit",
                new { version = draft.GetProperty("version").GetInt32() });
            Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        });

    private async Task<int> PeriodNumberAsync(long periodId)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
        return await db.ReportingPeriods.Where(p => p.Id == periodId).Select(p => p.Number).SingleAsync();
    }

    /// <summary>Sets the app's clock for one step (signing in included: tokens are issued on that clock) and puts it back.</summary>
    private async Task WithClockAsync(DateTimeOffset now, Func<Task> step)
    {
        var before = app.Clock.Now;
        app.Clock.Now = now;
        try
        {
            await step();
        }
        finally
        {
            app.Clock.Now = before;
        }
    }
}
