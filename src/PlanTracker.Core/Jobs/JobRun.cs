namespace PlanTracker.Core.Jobs;

/// <summary>Who started a run: the schedule (Hangfire), a person (Jobs page or API) or the command line.</summary>
public enum JobTrigger { Schedule, Manual, Cli }

/// <summary>
/// One run of a <see cref="JobCatalog"/> job, as recorded in job_runs by <see cref="JobRunner"/>.
/// Unfinished (no <see cref="FinishedAt"/>) while it runs, or for good when its node died mid-run.
/// </summary>
public sealed class JobRun
{
    private JobRun() { }

    public long Id { get; private set; }
    public string Job { get; private set; } = "";
    public DateOnly AsOf { get; private set; }
    public JobTrigger Trigger { get; private set; }
    /// <summary>The occurrence a scheduled run stands for: each one must run once across the cluster.</summary>
    public DateTimeOffset? ScheduledFor { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    public bool? Succeeded { get; private set; }
    public string? Outcome { get; private set; }
    public string? Error { get; private set; }
    /// <summary>The process that ran it: host name and process id.</summary>
    public string Node { get; private set; } = "";
    /// <summary>Who asked for a manual run.</summary>
    public long? UserId { get; private set; }
}
