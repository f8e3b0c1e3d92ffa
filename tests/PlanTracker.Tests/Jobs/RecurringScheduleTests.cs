using System.Net.Http.Json;
using System.Text.Json;
using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Jobs;

/// <summary>
/// Each catalog job is a Hangfire recurring job of its name, in Asia/Ho_Chi_Minh. A node that starts
/// leaves an unchanged schedule alone (its next execution stays: nothing re-fires or is skipped) and
/// applies a changed Jobs__&lt;name&gt;__Cron.
/// </summary>
public sealed class RecurringScheduleTests
{
    [Fact]
    public async Task Should_keep_an_unchanged_schedule_and_apply_a_changed_one_at_the_next_start()
    {
        var connectionString = await TestDatabases.CreateAsync(seeded: true);
        Dictionary<string, RecurringJobDto> before;
        await using (var first = new Node(connectionString, cron: null))
        {
            await first.JobsAsync();
            before = first.Recurring();
        }

        await using var second = new Node(connectionString, cron: "30 6 * * *");
        var jobs = await second.JobsAsync();
        var after = second.Recurring();

        Assert.All(before.Values, r => Assert.Equal("Asia/Ho_Chi_Minh", r.TimeZoneId));
        Assert.Equal(before["quarterly-report"].NextExecution, after["quarterly-report"].NextExecution); // untouched
        Assert.Equal("0 7 * * *", before["deadline-reminders"].Cron);
        Assert.Equal("30 6 * * *", after["deadline-reminders"].Cron);
        var reminders = jobs.EnumerateArray().Single(j => j.GetProperty("name").GetString() == "deadline-reminders");
        Assert.Equal("30 6 * * *", reminders.GetProperty("cron").GetString());
        Assert.Equal("Hằng ngày lúc 06:30", reminders.GetProperty("description").GetString());
    }

    /// <summary>The app on a given database, with the scheduler, and deadline-reminders' cron optionally overridden.</summary>
    private sealed class Node(string connectionString, string? cron) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("ConnectionStrings:PlanTracker", connectionString);
            builder.UseSetting("Seed:Load", "false");
            builder.UseSetting("Mail:PickupDirectory", Path.Combine(Path.GetTempPath(), "plantracker-sync-" + Guid.NewGuid().ToString("N")));
            if (cron is not null) builder.UseSetting("Jobs:deadline-reminders:Cron", cron);
        }

        public Dictionary<string, RecurringJobDto> Recurring()
        {
            using var connection = Services.GetRequiredService<JobStorage>().GetConnection();
            return connection.GetRecurringJobs().ToDictionary(r => r.Id);
        }

        public async Task<JsonElement> JobsAsync()
        {
            var client = CreateClient();
            var token = await (await client.PostAsJsonAsync("/api/v1/auth/token",
                new { email = "admin@plantracker.local", password = TestDatabases.DemoPassword })).Content.ReadFromJsonAsync<JsonElement>();
            client.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("accessToken").GetString());
            return await client.GetFromJsonAsync<JsonElement>("/api/v1/jobs");
        }
    }
}
