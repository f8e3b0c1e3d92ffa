using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;
using PlanTracker.Core.Reporting;

namespace PlanTracker.Core.Features.Dashboard;

/// <summary>
/// Agencies ranked. The rule, shown on the page as well: share of due tasks done on time
/// (done on time ÷ (done on time + done late + overdue); continuous, paused and cancelled tasks
/// left out) from high to low; then fewer overdue tasks; then reporting compliance (quarters
/// reported on time ÷ closed quarters of the window); then name (then id, for names two provinces share). Agencies with no task due yet
/// come after those with one. An agency's tasks are those it leads, itself or within a group.
/// </summary>
public static class GetAgencyRanking
{
    public sealed record Query(DashboardFilter Filter) : IRequest<Result>;

    public sealed record Row(int Rank, long AgencyId, string Agency, AgencyLevel Level, int Tasks, int DoneOnTime, int DoneLate,
        int Overdue, int ReportedOnTime, int ClosedQuarters)
    {
        public int Due => DoneOnTime + DoneLate + Overdue;
        public double? OnTimeShare => Due == 0 ? null : (double)DoneOnTime / Due;
        public double? Compliance => ClosedQuarters == 0 ? null : (double)ReportedOnTime / ClosedQuarters;
    }

    public sealed record Result(IReadOnlyList<Row> Agencies, int ClosedQuarters);

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, ProvinceClock clock, ReportingCalendar calendar,
        DashboardOptions options) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query q, CancellationToken ct)
        {
            var filter = await DashboardAccess.ScopeAsync(access, db, q.Filter, ct);
            var window = await ReportingWindow.QuartersAsync(calendar, filter, clock.Today, options.Quarters, ct);
            return await ComputeAsync(db, filter, clock.Today, window, ct);
        }
    }

    /// <param name="heatmap">The window's compliance when the caller reads it (the dashboard, alongside); else read here.</param>
    /// <param name="counted">Province-wide, the stored agency counts when the caller reads them (the dashboard, for the heatmap too).</param>
    public static async Task<Result> ComputeAsync(PlanTrackerDbContext db, DashboardFilter filter, DateOnly today,
        IReadOnlyList<WindowQuarter> window, CancellationToken ct, Task<GetComplianceHeatmap.Result>? heatmap = null,
        Task<List<DashboardAggregates.AgencyTimeliness>>? counted = null)
    {
        var agencies = filter.IsProvinceWide
            ? await (counted ?? DashboardAggregates.AgencyCountsAsync(db, today, ct))
            : await CountAsync(db, filter, today, ct);
        var closed = window.Count(w => w.Closed);
        var onTimeByAgency = GetComplianceHeatmap.ReportedOnTime(await (heatmap ?? GetComplianceHeatmap.ComputeAsync(db, filter, window, ct)));

        var rows = agencies.Select(a => new Row(0, a.Id, a.Name, a.ParsedLevel, a.Counts.Sum(),
                a.Of(Timeliness.DoneOnTime), a.Of(Timeliness.DoneLate), a.Of(Timeliness.InProgressOverdue),
                onTimeByAgency.GetValueOrDefault(a.Id), closed))
            .OrderBy(r => r.OnTimeShare is null)
            .ThenByDescending(r => r.OnTimeShare)
            .ThenBy(r => r.Overdue)
            .ThenByDescending(r => r.Compliance ?? -1)
            .ThenBy(r => r.Agency, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false))
            .ThenBy(r => r.AgencyId) // the same short name in two provinces ("Sở Nội vụ"): a stable order all the same
            .Select((r, i) => r with { Rank = i + 1 })
            .ToList();
        return new Result(rows, closed);
    }

    /// <summary>Tasks per agency and timeliness counted from the tasks in view, in the shape of the stored counts.</summary>
    private static async Task<List<DashboardAggregates.AgencyTimeliness>> CountAsync(PlanTrackerDbContext db, DashboardFilter filter,
        DateOnly today, CancellationToken ct)
    {
        var tasks = filter.Tasks(db);
        var counted = filter.KeptIds is { } kept ? ByKeptIds(db, tasks, kept, today) : ByKeptAgencies(db, filter, tasks, today);
        var counts = await counted
            .GroupBy(x => new { x.AgencyId, x.Timeliness })
            .Select(g => new { g.Key.AgencyId, g.Key.Timeliness, Count = g.Count() })
            .AsNoTracking().ToListAsync(ct);
        var ids = counts.Select(c => c.AgencyId).Distinct().ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, Name = a.ShortName ?? a.Name, a.Level }).ToListAsync(ct);
        var byAgency = counts.ToLookup(c => c.AgencyId);
        return agencies.Select(a =>
            new DashboardAggregates.AgencyTimeliness(a.Id, a.Name, a.Level.ToString(),
                DashboardAggregates.StateCounts(byAgency[a.Id], c => c.Timeliness, c => c.Count)))
            .ToList();
    }

    // Properties, not a positional record: EF Core groups by members it can see through initializers only.
    private sealed class Counted
    {
        public long AgencyId { get; init; }
        public string Timeliness { get; init; } = "";
    }

    /// <summary>
    /// Each task once for its lead agency, or once for every member of the group that leads it, the
    /// kept agencies read into ids: index scans by lead agency (a steering member's ranking, 60 ms to
    /// 11 ms; joined to the agencies table for their kind instead, the planner went parallel).
    /// </summary>
    private static IQueryable<Counted> ByKeptIds(PlanTrackerDbContext db, IQueryable<PlanTask> tasks, long[] kept, DateOnly today) =>
        tasks.Where(t => kept.Contains(t.LeadAgencyId!.Value))
            .Select(t => new Counted { AgencyId = t.LeadAgencyId!.Value, Timeliness = PlanTrackerDbContext.TaskTimeliness(t.Status, t.CompletedOn, t.Deadline.Kind, t.ExtendedDueOn ?? t.Deadline.DueOn, today) })
            .Concat(tasks.Join(db.Set<AgencyGroupMember>().Where(m => kept.Contains(m.MemberId)), t => t.LeadAgencyId, m => m.GroupId,
                (t, m) => new Counted { AgencyId = m.MemberId, Timeliness = PlanTrackerDbContext.TaskTimeliness(t.Status, t.CompletedOn, t.Deadline.Kind, t.ExtendedDueOn ?? t.Deadline.DueOn, today) }));

    /// <summary>The same when no agency is named (a document, plan or period only): every agency but groups.</summary>
    private static IQueryable<Counted> ByKeptAgencies(PlanTrackerDbContext db, DashboardFilter filter, IQueryable<PlanTask> tasks, DateOnly today)
    {
        var direct = tasks.Where(t => t.LeadAgency!.Kind != AgencyKind.Group).Select(t => new Counted { AgencyId = t.LeadAgencyId!.Value, Timeliness = PlanTrackerDbContext.TaskTimeliness(t.Status, t.CompletedOn, t.Deadline.Kind, t.ExtendedDueOn ?? t.Deadline.DueOn, today) });
        var viaGroups = tasks.Join(db.Set<AgencyGroupMember>(), t => t.LeadAgencyId, m => m.GroupId, (t, m) => new Counted { AgencyId = m.MemberId, Timeliness = PlanTrackerDbContext.TaskTimeliness(t.Status, t.CompletedOn, t.Deadline.Kind, t.ExtendedDueOn ?? t.Deadline.DueOn, today) });
        var kept = filter.Agencies(db).Select(a => a.Id);
        return direct.Concat(viaGroups).Where(x => kept.Contains(x.AgencyId));
    }
}
