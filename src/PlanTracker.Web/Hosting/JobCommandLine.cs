using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Common;
using PlanTracker.Core.Jobs;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Web.Hosting;

/// <summary>
/// <c>job &lt;name&gt; [--as-of yyyy-MM-dd]</c> and <c>job list</c>: the app's own services (same
/// configuration, same database, embedded default included) without the web server or the
/// scheduler. A job runs once through <see cref="JobRunner"/>, recorded as a command-line run.
/// Any other argument is a setting, as for the web app (<c>--Seed:Load false</c>).
/// </summary>
public sealed class JobCommandLine
{
    public const string Usage = "Usage: job list | job <name> [--as-of yyyy-MM-dd]";

    private JobCommandLine() { }

    /// <summary>null for "job list".</summary>
    public JobDefinition? Job { get; private init; }
    public DateOnly? AsOf { get; private init; }
    /// <summary>Why the command line cannot be run, said plainly; null when it can.</summary>
    public string? Error { get; private init; }
    /// <summary>The arguments left for the host's configuration.</summary>
    public string[] HostArgs { get; private init; } = [];

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == "job";

    /// <summary>Checks the job and the date before anything starts, so a typo fails at once.</summary>
    public static JobCommandLine Parse(string[] args)
    {
        if (args.Length < 2 || args[1].StartsWith('-')) return new JobCommandLine { Error = Usage };
        var rest = new List<string>();
        string? asOfText = null;
        for (var i = 2; i < args.Length; i++)
        {
            if (args[i] == "--as-of")
            {
                if (i + 1 >= args.Length) return new JobCommandLine { Error = "--as-of needs a date (yyyy-MM-dd). " + Usage };
                asOfText = args[++i];
            }
            else if (args[i].StartsWith("--as-of=", StringComparison.Ordinal)) asOfText = args[i]["--as-of=".Length..];
            else rest.Add(args[i]);
        }
        if (args[1] == "list")
            return asOfText is null ? new JobCommandLine { HostArgs = [.. rest] } : new JobCommandLine { Error = "job list takes no --as-of. " + Usage };
        var job = JobCatalog.Find(args[1]);
        if (job is null)
            return new JobCommandLine { Error = $"There is no job '{args[1]}'. Jobs: {string.Join(", ", JobCatalog.All.Select(j => j.Name))}." };
        DateOnly? asOf = null;
        if (asOfText is not null)
        {
            if (!DateOnly.TryParseExact(asOfText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                return new JobCommandLine { Error = $"--as-of '{asOfText}' is not a date; write it as yyyy-MM-dd, e.g. 2016-12-17." };
            if (!JobCatalog.AcceptsAsOf(parsed)) return new JobCommandLine { Error = "--as-of: " + JobCatalog.AsOfRange };
            asOf = parsed;
        }
        return new JobCommandLine { Job = job, AsOf = asOf, HostArgs = [.. rest] };
    }

    /// <returns>The process exit code: 0 done, 1 the job failed.</returns>
    public async Task<int> RunAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        if (Job is null) return await ListAsync(services, app.Configuration);

        var asOf = AsOf ?? services.GetRequiredService<ProvinceClock>().Today;
        try
        {
            var run = await services.GetRequiredService<JobRunner>().RunAsync(Job, asOf, JobTrigger.Cli);
            Console.WriteLine($"{Job.Name} as of {asOf:yyyy-MM-dd}: {run.Outcome} (run {run.RunId}, {run.Duration.TotalSeconds:0.00} s)");
            return 0;
        }
        catch (Exception e)
        {
            // The failure is already in job_runs with its full message.
            Console.Error.WriteLine($"{Job.Name} as of {asOf:yyyy-MM-dd} failed: {e.Message}");
            return 1;
        }
    }

    private static async Task<int> ListAsync(IServiceProvider services, IConfiguration configuration)
    {
        var db = services.GetRequiredService<PlanTrackerDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        foreach (var job in JobCatalog.All)
        {
            var cron = JobSchedule.CronOf(job, configuration);
            var next = JobSchedule.NextFireAfter(cron, now) is { } at ? TimeZoneInfo.ConvertTime(at, ProvinceClock.Zone).ToString("yyyy-MM-dd HH:mm:ss") : "-";
            var last = await db.JobRuns.AsNoTracking().Where(r => r.Job == job.Name).OrderByDescending(r => r.Id).FirstOrDefaultAsync();
            var lastText = last is null ? "never run"
                : $"last {last.Trigger.ToString().ToLowerInvariant()} run as of {last.AsOf:yyyy-MM-dd}: " +
                  (last.Succeeded switch { true => last.Outcome, false => "failed: " + last.Error, null => "unfinished" });
            Console.WriteLine($"{job.Name,-24} {cron,-20} next {next}  {lastText}");
        }
        return 0;
    }
}
