using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Web;

/// <summary>
/// Hangfire's dashboard at /hangfire (decision 0017): administrators in full, the secretariat read-only,
/// everyone else 403, anonymous callers too; its commands need the antiforgery token.
/// </summary>
public sealed class HangfireDashboardTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Should_refuse_anonymous_callers_and_agency_staff_with_403()
    {
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        var officer = await PageClient.SignInAsync(app, "canbo.noivu@plantracker.local");

        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.GetAsync("/hangfire/recurring")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/hangfire/jobs/failed")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await HangfireDashboard.PostAsync(officer, "/hangfire/recurring/trigger",
            new() { ["jobs[]"] = "dashboard-counts" })).StatusCode);
    }

    [Fact]
    public async Task Should_show_the_secretariat_the_recurring_jobs_but_not_let_it_trigger_one()
    {
        var secretariat = await PageClient.SignInAsync(app, "thuongtruc@plantracker.local");
        var before = await Enqueued("reporting-cycle");

        var page = await secretariat.GetStringAsync("/hangfire/recurring");
        var trigger = await HangfireDashboard.PostAsync(secretariat, "/hangfire/recurring/trigger", new() { ["jobs[]"] = "reporting-cycle" });

        Assert.Contains("reporting-cycle", page);
        Assert.Contains("Asia/Ho_Chi_Minh", page);
        Assert.Equal(HttpStatusCode.Unauthorized, trigger.StatusCode); // Hangfire's answer in read-only mode
        Assert.Equal(before, await Enqueued("reporting-cycle"));
    }

    [Fact]
    public async Task Should_let_an_administrator_trigger_a_recurring_job_with_the_antiforgery_token_only()
    {
        var admin = await PageClient.SignInAsync(app, "admin@plantracker.local");
        var before = await Enqueued("overdue-escalations");

        var forged = await HangfireDashboard.PostAsync(admin, "/hangfire/recurring/trigger", new() { ["jobs[]"] = "overdue-escalations" }, withToken: false);
        var afterForged = await Enqueued("overdue-escalations");
        var trigger = await HangfireDashboard.PostAsync(admin, "/hangfire/recurring/trigger", new() { ["jobs[]"] = "overdue-escalations" });

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(before, afterForged);
        Assert.True(trigger.IsSuccessStatusCode, $"{trigger.StatusCode}");
        Assert.Equal(before + 1, await Enqueued("overdue-escalations"));
    }

    /// <summary>Background jobs Hangfire's storage holds for a catalog job (its name is the job's argument).</summary>
    private async Task<long> Enqueued(string job)
    {
        await using var connection = await app.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand("SELECT count(*) FROM hangfire.job WHERE arguments::text LIKE '%' || $1 || '%'", connection);
        cmd.Parameters.AddWithValue(job);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
