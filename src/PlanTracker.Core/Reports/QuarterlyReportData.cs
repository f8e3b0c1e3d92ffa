using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Features.Tasks;
using PlanTracker.Core.Persistence;
using PlanTracker.Core.Reporting;

namespace PlanTracker.Core.Reports;

/// <summary>Tasks counted per timeliness state.</summary>
public sealed class TimelinessCounts
{
    private readonly int[] _counts = new int[Enum.GetValues<Timeliness>().Length];

    public int this[Timeliness timeliness] => _counts[(int)timeliness];
    public int Total => _counts.Sum();

    internal void Add(string timeliness, int count) => _counts[(int)Enum.Parse<Timeliness>(timeliness)] += count;

    internal void Add(TimelinessCounts other)
    {
        for (var i = 0; i < _counts.Length; i++) _counts[i] += other._counts[i];
    }
}

public sealed record CountRow(string Name, TimelinessCounts Counts);

public enum TargetResult { Met, NotMet, NoData }

public sealed record TargetRow(string TaskCode, string Indicator, string? Text, TargetComparison Comparison, decimal Value,
    TargetUnit Unit, string? UnitText, decimal? Actual)
{
    public TargetResult Result => Actual is not { } actual ? TargetResult.NoData
        : Target.IsMet(Comparison, Value, actual) ? TargetResult.Met : TargetResult.NotMet;
}

/// <summary>One agency's report for the quarter, section by section (the usual template).</summary>
public sealed record AgencyNarrative(string Agency, string Results, string Shortcomings, string Causes, string Directions, string Proposals);

public sealed record TaskRow(string Code, string Title, string? DocumentNumber, DateOnly? DocumentIssuedOn, string PlanTitle, string? Lead,
    DeadlineKind Kind, DateOnly? StartOn, DateOnly? DueOn, DateOnly? ExtendedDueOn, PlanTaskStatus Status, int PercentComplete)
{
    public DateOnly? EffectiveDueOn => ExtendedDueOn ?? DueOn;
}

/// <summary>
/// The report's reads. Counts are aggregated by PostgreSQL (GROUP BY over the task_timeliness
/// function); lists come back as streams read row by row, so no list of tasks is ever held.
/// One stream at a time: the connection carries one open reader. Streams take the token through
/// WithCancellation.
/// </summary>
internal sealed class QuarterlyReportData(PlanTrackerDbContext db, QuarterlyReportScope scope)
{
    private static readonly Expression<Func<PlanTask, TaskRow>> AsTaskRow = t => new TaskRow(
        t.Code, t.Title, t.Plan.Document.Number, t.Plan.Document.IssuedOn, t.Plan.Title,
        t.LeadAgency == null ? null : t.LeadAgency.ShortName ?? t.LeadAgency.Name,
        t.Deadline.Kind, t.Deadline.StartOn, t.Deadline.DueOn, t.ExtendedDueOn, t.Status, t.PercentComplete);

    private IQueryable<PlanTask> Tasks
    {
        get
        {
            var provinceId = scope.ProvinceId;
            return db.Tasks.AsNoTracking().Where(t => !t.IsGroup && t.Plan.ProvinceId == provinceId && t.Plan.Status == PlanStatus.Published);
        }
    }

    public async Task<TimelinessCounts> TotalsAsync(CancellationToken ct)
    {
        var asOf = scope.AsOf;
        var rows = await Tasks
            .GroupBy(t => PlanTrackerDbContext.TaskTimeliness(t.Status, t.CompletedOn, t.Deadline.Kind, t.ExtendedDueOn ?? t.Deadline.DueOn, asOf))
            .Select(g => new { Timeliness = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var totals = new TimelinessCounts();
        foreach (var row in rows) totals.Add(row.Timeliness, row.Count);
        return totals;
    }

    public IAsyncEnumerable<CountRow> ByPlan()
    {
        var asOf = scope.AsOf;
        return Pivot(Tasks.Select(t => new Keyed
        {
            Id = t.PlanId, Name = t.Plan.Title,
            Timeliness = PlanTrackerDbContext.TaskTimeliness(t.Status, t.CompletedOn, t.Deadline.Kind, t.ExtendedDueOn ?? t.Deadline.DueOn, asOf),
        }));
    }

    /// <summary>By lead agency; a group that leads a task ("Các Sở, ban, ngành") is counted under its own name.</summary>
    public IAsyncEnumerable<CountRow> ByAgency()
    {
        var asOf = scope.AsOf;
        return Pivot(Tasks.Select(t => new Keyed
        {
            Id = t.LeadAgencyId ?? 0, Name = t.LeadAgency == null ? "" : t.LeadAgency.ShortName ?? t.LeadAgency.Name,
            Timeliness = PlanTrackerDbContext.TaskTimeliness(t.Status, t.CompletedOn, t.Deadline.Kind, t.ExtendedDueOn ?? t.Deadline.DueOn, asOf),
        }));
    }

    /// <summary>Every target with the actual reported for this quarter's period, if any.</summary>
    public IAsyncEnumerable<TargetRow> Targets()
    {
        var periodId = scope.PeriodId;
        return (from target in db.Targets.AsNoTracking()
                join task in Tasks on target.TaskId equals task.Id
                orderby task.Plan.Title, task.PlanId, task.SortOrder, target.SortOrder
                select new TargetRow(task.Code, target.Indicator, target.Text, target.Comparison, target.Value, target.Unit, target.UnitText,
                    db.TargetActuals.Where(a => a.TargetId == target.Id && a.ReportingPeriodId == periodId).Select(a => (decimal?)a.Value).FirstOrDefault()))
            .AsAsyncEnumerable();
    }

    public IAsyncEnumerable<TaskRow> Overdue() =>
        Tasks.WithTimeliness(Timeliness.InProgressOverdue, scope.AsOf)
            .OrderBy(t => t.ExtendedDueOn ?? t.Deadline.DueOn).ThenBy(t => t.Plan.Title).ThenBy(t => t.SortOrder)
            .Select(AsTaskRow).AsAsyncEnumerable();

    /// <summary>Unfinished tasks whose (extended) due date falls in the next quarter.</summary>
    public IAsyncEnumerable<TaskRow> DueNextQuarter()
    {
        var (from, to) = (scope.NextStartOn, scope.NextEndOn);
        return Tasks
            .Where(t => (t.Status == PlanTaskStatus.NotStarted || t.Status == PlanTaskStatus.InProgress)
                && !Deadline.OngoingKinds.Contains(t.Deadline.Kind)
                && (t.ExtendedDueOn ?? t.Deadline.DueOn) >= from && (t.ExtendedDueOn ?? t.Deadline.DueOn) <= to)
            .OrderBy(t => t.ExtendedDueOn ?? t.Deadline.DueOn).ThenBy(t => t.Plan.Title).ThenBy(t => t.SortOrder)
            .Select(AsTaskRow).AsAsyncEnumerable();
    }

    public async Task<(int Missing, int Expected)> ReportingAsync(CancellationToken ct) =>
        (await db.AgenciesMissingReport(scope.PeriodId).Where(a => a.ProvinceId == scope.ProvinceId).CountAsync(ct),
         await db.AgenciesExpectedToReport().Where(a => a.ProvinceId == scope.ProvinceId).CountAsync(ct));

    public IAsyncEnumerable<string> MissingAgencies() =>
        db.AgenciesMissingReport(scope.PeriodId).Where(a => a.ProvinceId == scope.ProvinceId).AsNoTracking()
            .OrderBy(a => a.Name).ThenBy(a => a.Id).Select(a => a.Name).AsAsyncEnumerable();

    /// <summary>
    /// The sections of the agencies' reports submitted for this quarter (submitted or accepted), by
    /// agency name: one row per agency, so read at once.
    /// </summary>
    public async Task<IReadOnlyList<AgencyNarrative>> NarrativesAsync(CancellationToken ct)
    {
        if (scope.PeriodId is not { } periodId) return [];
        var provinceId = scope.ProvinceId;
        return await db.PeriodReports.AsNoTracking()
            .Where(r => r.ReportingPeriodId == periodId && (r.State == PeriodReportState.Submitted || r.State == PeriodReportState.Accepted)
                && db.Agencies.Any(a => a.Id == r.AgencyId && a.ProvinceId == provinceId))
            .OrderBy(r => r.AgencyName).ThenBy(r => r.Id)
            .Select(r => new AgencyNarrative(r.AgencyName, r.Content, r.Shortcomings, r.Causes, r.Directions, r.Proposals))
            .ToListAsync(ct);
    }

    private sealed class Keyed
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public string Timeliness { get; init; } = "";
    }

    /// <summary>Counts grouped by the database, ordered by name, folded into one row per name as they arrive.</summary>
    private static async IAsyncEnumerable<CountRow> Pivot(IQueryable<Keyed> keyed, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var groups = keyed.GroupBy(k => new { k.Id, k.Name, k.Timeliness })
            .Select(g => new { g.Key.Id, g.Key.Name, g.Key.Timeliness, Count = g.Count() })
            .OrderBy(g => g.Name).ThenBy(g => g.Id);
        (long Id, CountRow Row)? current = null;
        await foreach (var g in groups.AsAsyncEnumerable().WithCancellation(ct))
        {
            if (current is not { } c || c.Id != g.Id)
            {
                if (current is { } done) yield return done.Row;
                current = (g.Id, new CountRow(g.Name, new TimelinessCounts()));
            }
            current.Value.Row.Counts.Add(g.Timeliness, g.Count);
        }
        if (current is { } last) yield return last.Row;
    }
}
