using Microsoft.Extensions.Configuration;
using Npgsql;
using PlanTracker.Core.Jobs;
using PlanTracker.Tests.Infrastructure;
using PlanTracker.Tests.Reliability;

namespace PlanTracker.Tests.Jobs;

/// <summary>
/// <c>dotnet PlanTracker.Web.dll job …</c>, the built app in its own process: a job runs once
/// through the shared runner (recorded as a command-line run) and the process says how it went.
/// </summary>
[Collection(SeparateProcesses.Name)]
public sealed class JobCommandLineTests
{
    [Fact]
    public async Task Should_run_a_job_as_of_a_date_record_it_as_a_command_line_run_and_exit_0()
    {
        var connectionString = await TestDatabases.CreateAsync(seeded: true);

        var (exitCode, output, error) = await PlanTrackerProcess.RunAsync(["job", "deadline-reminders", "--as-of", "2016-12-17"], connectionString);

        Assert.True(exitCode == 0, $"exit {exitCode}: {output}{error}");
        Assert.Matches(@"deadline-reminders as of 2016-12-17: [1-9]\d* mail\(s\), \d+ item\(s\) \(run \d+, ", output);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var runs = new NpgsqlCommand("SELECT trigger, as_of, succeeded, outcome FROM job_runs WHERE job = 'deadline-reminders'", connection);
        await using (var reader = await runs.ExecuteReaderAsync())
        {
            Assert.True(await reader.ReadAsync());
            Assert.Equal(("Cli", new DateOnly(2016, 12, 17), true), (reader.GetString(0), reader.GetFieldValue<DateOnly>(1), reader.GetBoolean(2)));
            Assert.Contains(reader.GetString(3), output);
            Assert.False(await reader.ReadAsync());
        }
        await using var mails = new NpgsqlCommand("SELECT count(*) FROM outbox_messages WHERE kind = 'deadline-reminders'", connection);
        Assert.True((long)(await mails.ExecuteScalarAsync())! > 0);
    }

    [Fact]
    public async Task Should_list_the_jobs_with_their_schedules()
    {
        var connectionString = await TestDatabases.CreateAsync(seeded: false);

        var (exitCode, output, error) = await PlanTrackerProcess.RunAsync(["job", "list"], connectionString,
            new Dictionary<string, string> { ["Jobs__deadline-reminders__Cron"] = "0 30 6 * * *" });

        Assert.True(exitCode == 0, $"exit {exitCode}: {output}{error}");
        Assert.All(JobCatalog.All, job => Assert.Contains(job.Name, output));
        Assert.Contains("0 30 6 * * *", output); // the configured schedule, not the default
        Assert.Contains("never run", output);
    }

    [Theory]
    [InlineData(new[] { "job", "no-such-job" }, "There is no job 'no-such-job'. Jobs: outbox-dispatch")]
    [InlineData(new[] { "job", "deadline-reminders", "--as-of", "17/12/2016" }, "--as-of '17/12/2016' is not a date; write it as yyyy-MM-dd")]
    [InlineData(new[] { "job" }, "Usage: job list | job <name> [--as-of yyyy-MM-dd]")]
    public async Task Should_refuse_an_unknown_job_or_a_bad_date_plainly_and_exit_non_zero(string[] args, string message)
    {
        var (exitCode, _, error) = await PlanTrackerProcess.RunAsync(args, "Host=/nonexistent;Database=none");

        Assert.Equal(2, exitCode);
        Assert.Contains(message, error);
    }

    /// <summary>
    /// A Quartz cron left in the configuration from before Hangfire would fire on another day or not
    /// parse the same ("? * 2" is Monday to Quartz, Tuesday to Hangfire): the app refuses to start,
    /// naming the setting, and the command line too. Decision 0017 says what is detected.
    /// </summary>
    [Theory]
    [InlineData("0 0 7 ? * MON", "Jobs__deadline-reminders__Cron = '0 0 7 ? * MON' is a Quartz.NET cron", "e.g. '0 0 7 * * MON'")]
    [InlineData("0 0 7 ? * 2", "Jobs__deadline-reminders__Cron = '0 0 7 ? * 2' is a Quartz.NET cron", "e.g. '0 0 7 * * 1'")]
    [InlineData("0 0 7 * * ?", "is a Quartz.NET cron", "e.g. '0 0 7 * * *'")]
    [InlineData("0 0 7 * * * 2027", "is a Quartz.NET cron", "no year")]
    [InlineData("every morning", "Jobs__deadline-reminders__Cron = 'every morning' is not a cron Hangfire reads", "5 fields")]
    public async Task Should_refuse_to_start_on_a_Quartz_cron_naming_the_setting(string cron, string message, string hint)
    {
        var settings = new Dictionary<string, string> { ["Jobs__deadline-reminders__Cron"] = cron };

        var (exitCode, _, error) = await PlanTrackerProcess.RunAsync(["job", "list"], "Host=/nonexistent;Database=none", settings);

        Assert.Equal(2, exitCode);
        Assert.Contains(message, error);
        Assert.Contains(hint, error);
    }

    [Theory]
    [InlineData("0 7 * * 1-5")] // Hangfire's numbers, Monday to Friday
    [InlineData("0 0 7 * * MON")]
    [InlineData("*/30 * * * * *")]
    public void Should_accept_Hangfire_crons(string cron)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Jobs:deadline-reminders:Cron"] = cron }).Build();

        Assert.Empty(JobSchedule.Problems(configuration));
    }
}
