using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Dashboard;

/// <summary>How many tasks in view stand in each timeliness state, in all and per plan (with its document).</summary>
public static class GetTimelinessCounts
{
    public sealed record Query(DashboardFilter Filter) : IRequest<Result>;

    public sealed record PlanRow(long PlanId, string PlanTitle, long DocumentId, string? DocumentNumber, int Total,
        IReadOnlyDictionary<Timeliness, int> ByTimeliness);

    public sealed record Result(int Total, IReadOnlyDictionary<Timeliness, int> ByTimeliness, IReadOnlyList<PlanRow> Plans);

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, ProvinceClock clock) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query q, CancellationToken ct)
        {
            return await ComputeAsync(db, await DashboardAccess.ScopeAsync(access, db, q.Filter, ct), clock.Today, ct);
        }
    }

    /// <summary>
    /// Province-wide one row per plan from the stored counts; narrowed one GROUP BY (plan, timeliness)
    /// over the tasks in view. The totals add up the plans' rows instead of counting the tasks again.
    /// </summary>
    public static async Task<Result> ComputeAsync(PlanTrackerDbContext db, DashboardFilter filter, DateOnly today, CancellationToken ct)
    {
        var counted = filter.IsProvinceWide ? await DashboardAggregates.PlanCountsAsync(db, today, ct) : await CountAsync(db, filter, today, ct);
        var rows = counted.OrderBy(p => p.IssuedOn).ThenBy(p => p.Title).Select(p =>
        {
            var counts = Enum.GetValues<Timeliness>().Where(t => p.Counts[(int)t] != 0).ToDictionary(t => t, t => p.Counts[(int)t]);
            return new PlanRow(p.PlanId, p.Title, p.DocumentId, p.Number, counts.Values.Sum(), counts);
        }).ToList();
        var totals = Enum.GetValues<Timeliness>().ToDictionary(t => t, t => rows.Sum(r => r.ByTimeliness.GetValueOrDefault(t)));
        return new Result(totals.Values.Sum(), totals, rows);
    }

    /// <summary>The tasks in view counted per (plan, timeliness), in the shape of the stored counts.</summary>
    private static async Task<List<DashboardAggregates.PlanTimeliness>> CountAsync(PlanTrackerDbContext db, DashboardFilter filter, DateOnly today,
        CancellationToken ct)
    {
        var groups = await filter.Tasks(db).AsNoTracking()
            .GroupBy(t => new
            {
                t.PlanId,
                Timeliness = PlanTrackerDbContext.TaskTimeliness(t.Status, t.CompletedOn, t.Deadline.Kind, t.ExtendedDueOn ?? t.Deadline.DueOn, today),
            })
            .Select(g => new { g.Key.PlanId, g.Key.Timeliness, Count = g.Count() })
            .ToListAsync(ct);
        var planIds = groups.Select(g => g.PlanId).Distinct().ToList();
        var plans = await db.Plans.AsNoTracking().Where(p => planIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Title, p.DocumentId, p.Document.Number, p.Document.IssuedOn })
            .ToListAsync(ct);
        var byPlan = groups.ToLookup(g => g.PlanId);
        return plans.Select(p =>
            new DashboardAggregates.PlanTimeliness(p.Id, p.Title, p.DocumentId, p.Number, p.IssuedOn,
                DashboardAggregates.StateCounts(byPlan[p.Id], g => g.Timeliness, g => g.Count)))
            .ToList();
    }
}
