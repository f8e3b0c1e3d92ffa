using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanTracker.Core.Jobs;
using PlanTracker.Core.Persistence;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Web;

/// <summary>The Jobs page and GET /api/v1/jobs: for admins and the secretariat only; "run now" runs and records a job.</summary>
public sealed class JobsPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Officer = "canbo.noivu@plantracker.local";
    // Only administrators run jobs by hand (docs/decisions/0013-read-rules.md); the secretariat's view is in ProvinceScopingTests.
    private const string Admin = "admin@plantracker.local";

    [Fact]
    public async Task Should_refuse_an_agency_officer_the_pages_the_run_and_the_api()
    {
        var pages = await PageClient.SignInAsync(app, Officer);
        var api = await app.ClientForAsync(Officer);
        var withToken = await pages.GetStringAsync("/Account/Login");
        var runsBefore = await RunCount();

        Assert.Equal(HttpStatusCode.Forbidden, (await pages.GetAsync("/Admin/Jobs")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await pages.GetAsync("/Admin/Outbox")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await pages.GetAsync("/Admin/Outbox/1")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await pages.PostAsync("/Admin/Jobs?handler=Run",
            PageClient.Form(withToken, new() { ["job"] = "deadline-reminders", ["asOf"] = "17/12/2016" }))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/jobs")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/jobs/deadline-reminders/runs")).StatusCode);
        Assert.Equal(runsBefore, await RunCount());
    }

    [Fact]
    public async Task Should_list_every_job_with_its_schedule_in_words_and_its_next_fire_time()
    {
        var api = await app.ClientForAsync(Admin);

        var jobs = await api.GetFromJsonAsync<JsonElement>("/api/v1/jobs");
        var page = await (await PageClient.SignInAsync(app, Admin)).GetStringAsync("/Admin/Jobs");

        Assert.Equal(JobCatalog.All.Select(j => j.Name), jobs.EnumerateArray().Select(j => j.GetProperty("name").GetString()));
        var reminders = jobs.EnumerateArray().Single(j => j.GetProperty("name").GetString() == "deadline-reminders");
        Assert.Equal("0 7 * * *", reminders.GetProperty("cron").GetString());
        Assert.Equal("Hằng ngày lúc 07:00", reminders.GetProperty("description").GetString());
        Assert.True(reminders.GetProperty("fromScheduler").GetBoolean());
        var next = reminders.GetProperty("nextFireTime").GetDateTimeOffset();
        Assert.Equal(new TimeOnly(7, 0), TimeOnly.FromTimeSpan(TimeZoneInfo.ConvertTime(next, Core.Common.ProvinceClock.Zone).TimeOfDay));
        // Hangfire's own next execution, from its storage: it fires by the machine's clock (the app's fixed one only dates the runs).
        Assert.Equal(next, JobSchedule.NextFireAfter("0 7 * * *", next.AddSeconds(-1)));
        Assert.Equal("Asia/Ho_Chi_Minh", reminders.GetProperty("timeZone").GetString());
        Assert.Contains("Nhắc hạn nhiệm vụ", page); // the job's Vietnamese name, not its identifier
        Assert.Contains("href=\"/hangfire\"", page);
        Assert.Contains("Hằng ngày lúc 07:00", page);
        Assert.Contains("Mỗi 10 giây", page);
        Assert.Contains("Chạy ngay", page);
    }

    [Fact]
    public async Task Should_run_a_job_from_the_page_as_of_the_date_typed_and_record_the_run_with_its_outcome()
    {
        var client = await PageClient.SignInAsync(app, Admin, followRedirects: false);
        var form = await client.GetStringAsync("/Admin/Jobs");

        var response = await client.PostAsync("/Admin/Jobs?handler=Run",
            PageClient.Form(form, new() { ["job"] = "deadline-reminders", ["asOf"] = "17/12/2016" }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var shown = await client.GetStringAsync(response.Headers.Location!.OriginalString);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
        var run = await db.JobRuns.AsNoTracking().SingleAsync(r => r.Job == "deadline-reminders" && r.Trigger == JobTrigger.Manual && r.AsOf == new DateOnly(2016, 12, 17));
        var secretariatId = await db.Users.Where(u => u.Email == Admin).Select(u => u.Id).SingleAsync();
        Assert.Equal(true, run.Succeeded);
        var counts = System.Text.RegularExpressions.Regex.Match(run.Outcome!, @"^([1-9]\d*) mail\(s\), (\d+) item\(s\)$");
        Assert.True(counts.Success, run.Outcome);
        Assert.Equal(secretariatId, run.UserId);
        Assert.NotNull(run.FinishedAt);
        Assert.Equal(JobRunner.Node, run.Node);
        Assert.Contains("Đã chạy Nhắc hạn nhiệm vụ tính đến ngày 17/12/2016", shown);
        // Recorded in English, read to a Vietnamese user in Vietnamese.
        Assert.Contains($"{counts.Groups[1]} thư, {counts.Groups[2]} mục", shown);
        Assert.Contains(Admin, shown); // the recent runs say who started it
    }

    [Theory]
    [InlineData("2016-12-17", "Ngày tính phải viết theo dạng dd/MM/yyyy")]
    [InlineData("31/12/9999", "phải là ngày trong khoảng từ 01/01/1945 đến 31/12/2100")] // every date's bounds (InputRules), said before the job's own
    public async Task Should_refuse_an_as_of_date_not_written_dd_MM_yyyy_or_out_of_range_and_run_nothing(string asOf, string error)
    {
        var client = await PageClient.SignInAsync(app, Admin);
        var form = await client.GetStringAsync("/Admin/Jobs");
        var before = await RunCount();

        var response = await client.PostAsync("/Admin/Jobs?handler=Run",
            PageClient.Form(form, new() { ["job"] = "deadline-reminders", ["asOf"] = asOf }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains(error, page);
        Assert.Contains($"value=\"{asOf}\"", page); // the form keeps what was typed
        Assert.Equal(before, await RunCount());
    }

    [Fact]
    public async Task Should_answer_a_run_over_the_api_with_its_outcome_and_list_it_first_in_the_job_history()
    {
        var api = await app.ClientForAsync(Admin);

        var run = await (await api.PostAsJsonAsync("/api/v1/jobs/deadline-reminders/runs", new { asOf = "2016-12-18" })).Content.ReadFromJsonAsync<JsonElement>();
        var history = await api.GetFromJsonAsync<JsonElement>("/api/v1/jobs/deadline-reminders/runs?pageSize=5");
        var unknown = await api.GetAsync("/api/v1/jobs/no-such-job/runs");

        var latest = history.GetProperty("items")[0];
        Assert.Equal(run.GetProperty("runId").GetInt64(), latest.GetProperty("id").GetInt64());
        Assert.Equal("manual", latest.GetProperty("trigger").GetString());
        Assert.Equal("2016-12-18", latest.GetProperty("asOf").GetString());
        Assert.Equal(run.GetProperty("outcome").GetString(), latest.GetProperty("outcome").GetString());
        Assert.True(latest.GetProperty("succeeded").GetBoolean());
        Assert.Equal(Admin, latest.GetProperty("startedBy").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    /// <summary>Runs other than the outbox dispatcher's, which the test app's scheduler may record at any moment.</summary>
    private async Task<int> RunCount()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>().JobRuns.CountAsync(r => r.Job != "outbox-dispatch");
    }
}
