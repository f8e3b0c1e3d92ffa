using Cronos;
using Microsoft.Extensions.Configuration;
using PlanTracker.Core.Common;

namespace PlanTracker.Core.Jobs;

/// <summary>
/// The schedules in force and their cron, read as Hangfire reads it (Cronos): 5 fields (minute hour
/// day month day-of-week) or 6 with the seconds first; day-of-week 0 or 7 = Sunday, 1 = Monday … 6 =
/// Saturday, or SUN–SAT; always in Asia/Ho_Chi_Minh. Quartz.NET, used before (decision 0017), counts
/// day-of-week from Sunday = 1, so a Quartz value read this way would silently move a day: such a value
/// is refused at start (<see cref="Problems"/>).
/// </summary>
public static class JobSchedule
{
    /// <summary>The setting that overrides a job's schedule, as an environment variable names it.</summary>
    public static string SettingName(JobDefinition job) => $"Jobs__{job.Name}__Cron";

    /// <summary>The schedule in force: Jobs__&lt;name&gt;__Cron when configured, the catalog's default otherwise.</summary>
    public static string CronOf(JobDefinition job, IConfiguration? configuration) =>
        configuration?[$"Jobs:{job.Name}:Cron"] is { Length: > 0 } configured ? configured.Trim() : job.DefaultCron;

    /// <summary>
    /// Why the configured schedules cannot be used, one line per setting; empty when they all can.
    /// Refused: a '?' (Quartz demands one in day-of-month or day-of-week of every expression, so every
    /// Quartz value has one; Hangfire's '*' means the same), a seventh field (Quartz's year), and
    /// anything Hangfire cannot parse. A numeric day-of-week without '?' cannot come from Quartz and is
    /// read in Hangfire's meaning.
    /// </summary>
    public static IReadOnlyList<string> Problems(IConfiguration configuration)
    {
        var problems = new List<string>();
        foreach (var job in JobCatalog.All)
        {
            if (configuration[$"Jobs:{job.Name}:Cron"] is not { Length: > 0 } configured) continue;
            var cron = configured.Trim();
            var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            if (cron.Contains('?') || fields == 7)
                problems.Add($"{SettingName(job)} = '{cron}' is a Quartz.NET cron: since the move to Hangfire schedules are Hangfire crons " +
                             "(5 fields, or 6 with the seconds first; no '?', '*' instead; no year; day-of-week 0 = Sunday, 1 = Monday … 6 = Saturday, " +
                             $"or SUN-SAT), e.g. '{Example(cron)}'. Quartz counted Sunday = 1, so the value is refused rather than moved a day " +
                             "(docs/decisions/0017-hangfire.md).");
            else if (Parse(cron) is null)
                problems.Add($"{SettingName(job)} = '{cron}' is not a cron Hangfire reads: 5 fields (minute hour day month day-of-week) " +
                             "or 6 with the seconds first, e.g. '0 7 * * *' for 07:00 every day.");
        }
        return problems;
    }

    /// <summary>When a cron schedule next fires after <paramref name="instant"/>, in the province's time zone; null for an invalid cron.</summary>
    public static DateTimeOffset? NextFireAfter(string cron, DateTimeOffset instant) =>
        Parse(cron)?.GetNextOccurrence(instant, ProvinceClock.Zone);

    /// <summary>
    /// The occurrence a scheduled run stands for: the latest fire time at or before <paramref name="instant"/>
    /// (Hangfire stamps a recurring job's run with the moment its scheduler enqueued it, a little after
    /// the fire time, or later after a downtime); null for an invalid cron or none within a year.
    /// </summary>
    public static DateTimeOffset? LatestAtOrBefore(string cron, DateTimeOffset instant)
    {
        if (Parse(cron) is not { } expression) return null;
        foreach (var lookBack in (TimeSpan[])[TimeSpan.FromMinutes(1), TimeSpan.FromHours(1), TimeSpan.FromDays(1), TimeSpan.FromDays(366)])
        {
            DateTimeOffset? latest = null;
            foreach (var at in expression.GetOccurrences(instant - lookBack, instant, ProvinceClock.Zone, fromInclusive: true, toInclusive: true))
                latest = at;
            if (latest is not null) return latest;
        }
        return null;
    }

    private static CronExpression? Parse(string cron)
    {
        var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (fields is not (5 or 6)) return null;
        return CronExpression.TryParse(cron, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard, out var expression) ? expression : null;
    }

    /// <summary>The Quartz value's Hangfire equivalent when it is a plain one ('?' for '*', no year), to show in the message.</summary>
    private static string Example(string quartz)
    {
        var fields = quartz.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(6).Select(f => f == "?" ? "*" : f).ToArray();
        // A numeric day-of-week moves back one (Quartz 2 = Monday = Hangfire 1); names stay.
        if (fields.Length == 6 && int.TryParse(fields[5], out var day) && day is >= 1 and <= 7) fields[5] = (day - 1).ToString();
        return string.Join(' ', fields);
    }
}
