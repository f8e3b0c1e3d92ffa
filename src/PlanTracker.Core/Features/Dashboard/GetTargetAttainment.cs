using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Dashboard;

public enum Attainment { Met, NotMet, NoData }

/// <summary>
/// Targets (chỉ tiêu) of the tasks in view, per plan: met, not met, or no actual reported yet,
/// judged on the latest actual against the target's value and comparison (the SQL twin of
/// <see cref="Target.IsMetBy"/>).
/// </summary>
public static class GetTargetAttainment
{
    public sealed record Query(DashboardFilter Filter, long? PlanId = null, bool AllTargets = false) : IRequest<Result>;

    public sealed record PlanRow(long PlanId, string PlanTitle, string? DocumentNumber, int Met, int NotMet, int NoData)
    {
        public int Total => Met + NotMet + NoData;
    }

    public sealed record TargetRow(long PlanId, long TaskId, string TaskCode, string Indicator, TargetComparison Comparison,
        decimal Value, TargetUnit Unit, string? UnitText, decimal? Actual, Attainment State);

    /// <summary>Counts per plan; the targets themselves for one plan, or all of them (the export).</summary>
    public sealed record Result(IReadOnlyList<PlanRow> Plans, IReadOnlyList<TargetRow> Targets);

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query q, CancellationToken ct)
        {
            return await ComputeAsync(db, q with { Filter = await DashboardAccess.ScopeAsync(access, db, q.Filter, ct) }, ct);
        }
    }

    /// <summary>
    /// Counts per plan: province-wide from the stored per-plan counts, narrowed from the counts each
    /// task carries (both kept by the triggers of migration 0020), and with <see cref="DashboardFilter.FromTasks"/>
    /// by judging every target on its latest actual (what the exactness tests compare the stored counts with).
    /// </summary>
    public static async Task<Result> ComputeAsync(PlanTrackerDbContext db, Query q, CancellationToken ct)
    {
        var counted = q.Filter.FromTasks ? Judged(db, q.Filter)
            : q.Filter.IsProvinceWide ? DashboardAggregates.TargetCounts(db)
            : Carried(db, q.Filter);
        var planRows = await (
            from c in counted
            join p in db.Plans on c.PlanId equals p.Id
            orderby p.Document.IssuedOn, p.Title, p.Id
            select new PlanRow(p.Id, p.Title, p.Document.Number, c.Met, c.NotMet, c.NoData)).ToListAsync(ct);

        IReadOnlyList<TargetRow> targets = [];
        if (q.PlanId is not null || q.AllTargets)
            targets = (await Rows(db, q.Filter.Tasks(db)).Where(r => q.PlanId == null || r.PlanId == q.PlanId)
                    .OrderBy(r => r.PlanId).ThenBy(r => r.SortKey).ThenBy(r => r.TargetOrder).ToListAsync(ct))
                .Select(r => new TargetRow(r.PlanId, r.TaskId, r.TaskCode, r.Indicator, r.Comparison, r.Value, r.Unit, r.UnitText,
                    r.Actual, Enum.Parse<Attainment>(r.State))).ToList();
        return new Result(planRows, targets);
    }

    /// <summary>Targets met, not met and without data in one plan.</summary>
    /// <remarks>Properties, not a positional record: EF Core reads members of a grouping's result only through initializers.</remarks>
    public sealed record PlanCount
    {
        public long PlanId { get; init; }
        public int Met { get; init; }
        public int NotMet { get; init; }
        public int NoData { get; init; }
    }

    /// <summary>The counts the tasks in view carry, summed per plan.</summary>
    private static IQueryable<PlanCount> Carried(PlanTrackerDbContext db, DashboardFilter filter) =>
        filter.Tasks(db).Where(HasTargets)
            .GroupBy(t => t.PlanId)
            .Select(g => new PlanCount
            {
                PlanId = g.Key,
                Met = g.Sum(t => EF.Property<int>(t, PlanTask.TargetsMetColumn)),
                NotMet = g.Sum(t => EF.Property<int>(t, PlanTask.TargetsNotMetColumn)),
                NoData = g.Sum(t => EF.Property<int>(t, PlanTask.TargetsNoDataColumn)),
            });

    /// <summary>Every target of the tasks in view judged on its latest actual, counted per plan.</summary>
    private static IQueryable<PlanCount> Judged(PlanTrackerDbContext db, DashboardFilter filter) =>
        Rows(db, filter.Tasks(db))
            .Select(r => new { r.PlanId, r.State })
            .GroupBy(r => r.PlanId)
            .Select(g => new PlanCount
            {
                PlanId = g.Key,
                Met = g.Sum(r => r.State == "Met" ? 1 : 0),
                NotMet = g.Sum(r => r.State == "NotMet" ? 1 : 0),
                NoData = g.Sum(r => r.State == "NoData" ? 1 : 0),
            });

    /// <summary>Tasks with at least one target (the partial index ix_plan_tasks_targets holds these).</summary>
    public static readonly System.Linq.Expressions.Expression<Func<PlanTask, bool>> HasTargets = t =>
        EF.Property<int>(t, PlanTask.TargetsMetColumn) + EF.Property<int>(t, PlanTask.TargetsNotMetColumn)
            + EF.Property<int>(t, PlanTask.TargetsNoDataColumn) > 0;

    /// <summary>Tasks with at least one target in the given state (the drill-down of a count).</summary>
    public static IQueryable<PlanTask> WithTargets(IQueryable<PlanTask> tasks, Attainment state) => state switch
    {
        Attainment.Met => tasks.Where(t => EF.Property<int>(t, PlanTask.TargetsMetColumn) > 0),
        Attainment.NotMet => tasks.Where(t => EF.Property<int>(t, PlanTask.TargetsNotMetColumn) > 0),
        _ => tasks.Where(t => EF.Property<int>(t, PlanTask.TargetsNoDataColumn) > 0),
    };

    /// <summary>Each target of the given tasks with its latest actual and whether that meets it.</summary>
    public static IQueryable<Row> Rows(PlanTrackerDbContext db, IQueryable<PlanTask> tasks) =>
        from x in db.Targets.AsNoTracking()
        join t in tasks on x.TaskId equals t.Id
        let actual = db.TargetActuals.Where(a => a.TargetId == x.Id).OrderByDescending(a => a.RecordedAt).ThenByDescending(a => a.Id)
            .Select(a => (decimal?)a.Value).FirstOrDefault()
        select new Row
        {
            PlanId = t.PlanId, TaskId = t.Id, TaskCode = t.Code, SortKey = t.SortOrder, TargetOrder = x.SortOrder,
            Indicator = x.Indicator, Comparison = x.Comparison, Value = x.Value, Unit = x.Unit, UnitText = x.UnitText, Actual = actual,
            State = SqlFunctions.TargetAttainment(x.Comparison, x.Value, actual),
        };

    public sealed class Row
    {
        public long PlanId { get; init; }
        public long TaskId { get; init; }
        public string TaskCode { get; init; } = "";
        public int SortKey { get; init; }
        public int TargetOrder { get; init; }
        public string Indicator { get; init; } = "";
        public TargetComparison Comparison { get; init; }
        public decimal Value { get; init; }
        public TargetUnit Unit { get; init; }
        public string? UnitText { get; init; }
        public decimal? Actual { get; init; }
        public string State { get; init; } = "";
    }
}
