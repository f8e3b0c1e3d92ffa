using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Jobs;

/// <summary>
/// A node that starts leaves the stored triggers alone (replacing one would re-fire or skip fire
/// times of the running nodes) unless the configured schedule differs, which it then applies.
/// </summary>
public sealed class ScheduleSyncTests
{
    [Fact]
    public async Task Should_keep_an_unchanged_trigger_and_apply_a_changed_schedule_at_the_next_start()
    {
        var connectionString = await TestDatabases.CreateAsync(seeded: true);
        await using (var first = new Node(connectionString, cron: null)) await first.JobsAsync();
        var before = await Triggers(connectionString);

        await using var second = new Node(connectionString, cron: "0 30 6 * * ?");
        var jobs = await second.JobsAsync();
        var after = await Triggers(connectionString);

        Assert.Equal(before["outbox-dispatch"], after["outbox-dispatch"]); // not replaced: same start time
        Assert.Equal("0 0 7 * * ?", before["deadline-reminders"].Cron);
        Assert.Equal("0 30 6 * * ?", after["deadline-reminders"].Cron);
        Assert.Equal("0 30 6 * * ?", jobs.EnumerateArray().Single(j => j.GetProperty("name").GetString() == "deadline-reminders").GetProperty("cron").GetString());
    }

    private static async Task<Dictionary<string, (long Start, string Cron)>> Triggers(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            SELECT t.trigger_name, t.start_time, c.cron_expression FROM qrtz_triggers t
            JOIN qrtz_cron_triggers c USING (sched_name, trigger_name, trigger_group)
            """, connection);
        var result = new Dictionary<string, (long, string)>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) result[reader.GetString(0)] = (reader.GetInt64(1), reader.GetString(2));
        return result;
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
