using MediatR;
using Microsoft.Extensions.Configuration;
using PlanTracker.Core.Common;
using PlanTracker.Core.Features.Dashboard;
using PlanTracker.Core.Features.Digests;
using PlanTracker.Core.Features.Escalations;
using PlanTracker.Core.Features.Mail;
using PlanTracker.Core.Features.Reminders;
using PlanTracker.Core.Features.ReportingCycle;
using PlanTracker.Core.Features.Reports;

namespace PlanTracker.Core.Jobs;

/// <summary>What a run reports: one line for people (with its counts), and whether it found nothing to do.</summary>
public sealed record JobOutcome(string Text, bool Idle = false);

/// <summary>A scheduled job: its name, its default schedule (Hangfire cron, Asia/Ho_Chi_Minh; see <see cref="JobSchedule"/>) and the one command it sends.</summary>
public sealed record JobDefinition(string Name, string DefaultCron, Func<IMediator, DateOnly, CancellationToken, Task<JobOutcome>> Run)
{
    /// <summary>A job whose command reports a line of text; it is never idle.</summary>
    public JobDefinition(string name, string defaultCron, Func<IMediator, DateOnly, CancellationToken, Task<string>> run)
        : this(name, defaultCron, async (m, asOf, ct) => new JobOutcome(await run(m, asOf, ct))) { }

    /// <summary>
    /// False for a frequent job: a scheduled run that found nothing to do leaves no row in job_runs
    /// (manual and command-line runs are always recorded).
    /// </summary>
    public bool RecordsIdleRuns { get; init; } = true;

    /// <summary>
    /// True: every occurrence runs, once: one the schedulers missed (all nodes down, or late under load)
    /// runs late, and one that comes while the previous run still goes waits for it. False for a frequent
    /// job whose next run does all the work anyway: missed occurrences fold into one run, and one that
    /// comes while the previous run still goes is skipped rather than piling up behind it.
    /// </summary>
    public bool RunsMissedOccurrences { get; init; } = true;

    /// <summary>How many recorded runs of this job to keep (null: all); older ones are deleted as new ones are written.</summary>
    public int? KeepRuns { get; init; }
}

/// <summary>
/// Every schedule in one place. A job is thin: it sends one command with its as-of date and
/// reports the command's result; the work and its idempotency live in the handler.
/// </summary>
public static class JobCatalog
{
    public static readonly IReadOnlyList<JobDefinition> All =
    [
        // Every 10 s: only the runs that sent, failed or set aside something are recorded, and the latest 1,000 kept.
        new("outbox-dispatch", "*/10 * * * * *", async (m, _, ct) =>
        {
            var r = await m.Send(new DispatchOutbox.Command(), ct);
            return new JobOutcome($"{r.Sent} sent, {r.Failed} failed, {r.Dead} dead", Idle: r.Sent + r.Failed + r.Dead == 0);
        }) { RecordsIdleRuns = false, KeepRuns = 1000, RunsMissedOccurrences = false },
        new(SendDeadlineReminders.Job, "0 7 * * *", async (m, asOf, ct) => (await m.Send(new SendDeadlineReminders.Command(asOf), ct)).ToString()),
        new(EscalateOverdueTasks.Job, "15 7 * * *", async (m, asOf, ct) => (await m.Send(new EscalateOverdueTasks.Command(asOf), ct)).ToString()),
        new(SendReportingCycleNotices.Job, "30 7 * * *", async (m, asOf, ct) => (await m.Send(new SendReportingCycleNotices.Command(asOf), ct)).ToString()),
        // Hourly: each user's digest goes out at their own hour; the hour comes from the clock when the date is today.
        new(SendDigests.Job, "0 * * * *", async (m, asOf, ct) => (await m.Send(new SendDigests.Command(asOf), ct)).ToString()),
        new(CompileQuarterlyReport.Job, "0 6 * * *", async (m, asOf, ct) => (await m.Send(new CompileQuarterlyReport.Command(asOf), ct)).ToString()),
        // Just after midnight: the dashboard's stored counts move to the new day (they are exact without it, only slower to read).
        new(RollDashboardCounts.Job, "1 0 * * *", async (m, asOf, ct) => (await m.Send(new RollDashboardCounts.Command(asOf), ct)).ToString()),
    ];

    public static JobDefinition? Find(string name) => All.SingleOrDefault(j => j.Name == name);

    /// <summary>The as-of dates a run accepts: the plans' own years, give or take; anything else is a typo.</summary>
    public static bool AcceptsAsOf(DateOnly asOf) => asOf.Year is >= 2000 and <= 2100;

    public const string AsOfRange = "The as-of date must be between 01/01/2000 and 31/12/2100.";
}
