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
        public Task<Result> Handle(Query q, CancellationToken ct)
        {
            DashboardAccess.Demand(access);
            return ComputeAsync(db, q, ct);
        }
    }

    public static async Task<Result> ComputeAsync(PlanTrackerDbContext db, Query q, CancellationToken ct)
    {
        var rows = Rows(db, q.Filter.Tasks(db));
        var counts = await rows
            .GroupBy(r => new { r.PlanId, r.State })
            .Select(g => new { g.Key.PlanId, g.Key.State, Count = g.Count() })
            .ToListAsync(ct);
        var planIds = counts.Select(c => c.PlanId).Distinct().ToList();
        var plans = await db.Plans.AsNoTracking().Where(p => planIds.Contains(p.Id))
            .OrderBy(p => p.Document.IssuedOn).ThenBy(p => p.Title)
            .Select(p => new { p.Id, p.Title, p.Document.Number }).ToListAsync(ct);
        int Count(long planId, Attainment a) => counts.Where(c => c.PlanId == planId && c.State == a.ToString()).Sum(c => c.Count);
        var planRows = plans.Select(p => new PlanRow(p.Id, p.Title, p.Number,
            Count(p.Id, Attainment.Met), Count(p.Id, Attainment.NotMet), Count(p.Id, Attainment.NoData))).ToList();

        IReadOnlyList<TargetRow> targets = [];
        if (q.PlanId is not null || q.AllTargets)
            targets = (await rows.Where(r => q.PlanId == null || r.PlanId == q.PlanId).OrderBy(r => r.PlanId).ThenBy(r => r.SortKey).ThenBy(r => r.TargetOrder).ToListAsync(ct))
                .Select(r => new TargetRow(r.PlanId, r.TaskId, r.TaskCode, r.Indicator, r.Comparison, r.Value, r.Unit, r.UnitText,
                    r.Actual, Enum.Parse<Attainment>(r.State))).ToList();
        return new Result(planRows, targets);
    }

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
            State = actual == null ? "NoData"
                : (x.Comparison == TargetComparison.AtLeast && actual >= x.Value)
                  || (x.Comparison == TargetComparison.AtMost && actual <= x.Value)
                  || (x.Comparison == TargetComparison.Exactly && actual == x.Value)
                  || (x.Comparison == TargetComparison.MoreThan && actual > x.Value)
                  || (x.Comparison == TargetComparison.LessThan && actual < x.Value) ? "Met" : "NotMet",
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
