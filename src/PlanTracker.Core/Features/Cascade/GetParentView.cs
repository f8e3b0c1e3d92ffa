using MediatR;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Cascade;

/// <summary>
/// The view from above (issue 18, item 2): for each task of a parent plan, which provinces have a task
/// that carries it out, the state of those tasks, the parent's targets rolled up (the share of reporting
/// provinces that meet them) and the provinces that have not covered it. Counted in the database (two
/// statements over the index on task_links.parent_task_id); the secretariat sees its own province only
/// (decision 0027).
/// </summary>
public static class GetParentView
{
    public sealed record Query(long PlanId) : IRequest<Result>;

    public sealed record ProvinceCoverage(long ProvinceId, string Province, int Tasks, int OnTime, int Overdue, int Done, bool Demonstration);

    public sealed record TargetRollup(long TargetId, string Text, TargetUnit Unit, TargetComparison Comparison, decimal Value,
        int ProvincesLinked, int ProvincesReporting, int ProvincesMeeting, int? SharePercent);

    public sealed record Row(long TaskId, string Code, string Title, bool IsGroup, string DeadlineText,
        IReadOnlyList<ProvinceCoverage> Covered, IReadOnlyList<string> NotCovered, IReadOnlyList<TargetRollup> Targets);

    public sealed record Result(long PlanId, string Title, bool IsPartial, string? PartialNote, bool IsDemonstration,
        bool OwnProvinceOnly, IReadOnlyList<string> Provinces, IReadOnlyList<Row> Rows);

    public sealed record CoverageRow(long ParentTaskId, long ProvinceId, int Tasks, int OnTime, int Overdue, int Done, bool Demonstration);
    public sealed record TargetRow(long TargetId, long TaskId, int ProvincesLinked, int ProvincesReporting, int ProvincesMeeting);

    /// <summary>Linked tasks per parent task and province, by timeliness. Parameters: plan, province (null: all), today.</summary>
    public const string CoverageSql = """
        SELECT l.parent_task_id AS "ParentTaskId", ip.province_id AS "ProvinceId",
               count(DISTINCT t.id)::int AS "Tasks",
               count(DISTINCT t.id) FILTER (WHERE s.tl IN ('NotStarted', 'InProgressWithinDeadline', 'Continuous'))::int AS "OnTime",
               count(DISTINCT t.id) FILTER (WHERE s.tl = 'InProgressOverdue')::int AS "Overdue",
               count(DISTINCT t.id) FILTER (WHERE s.tl IN ('DoneOnTime', 'DoneLate'))::int AS "Done",
               bool_and(ip.is_demonstration) AS "Demonstration"
        FROM plan_tasks pt
        JOIN task_links l ON l.parent_task_id = pt.id
        JOIN plan_tasks t ON t.id = l.task_id
        JOIN plans ip ON ip.id = t.plan_id
        CROSS JOIN LATERAL (SELECT task_timeliness(t.status, t.completed_on, t.deadline_kind,
                                   coalesce(t.extended_due_on, t.deadline_due_on), @today) AS tl) s
        WHERE pt.plan_id = @plan AND ip.province_id IS NOT NULL AND ip.status = 'Published'
          AND (@province::bigint IS NULL OR ip.province_id = @province)
        GROUP BY l.parent_task_id, ip.province_id
        """;

    /// <summary>
    /// Per parent target: provinces linked to it, provinces with an actual on the measuring target of
    /// the same unit, and provinces whose latest actual meets the parent's comparison.
    /// </summary>
    public const string TargetSql = """
        SELECT pg.id AS "TargetId", pg.task_id AS "TaskId",
               count(DISTINCT ip.province_id)::int AS "ProvincesLinked",
               count(DISTINCT ip.province_id) FILTER (WHERE a.value IS NOT NULL)::int AS "ProvincesReporting",
               count(DISTINCT ip.province_id) FILTER (WHERE CASE pg.comparison
                    WHEN 'AtLeast' THEN a.value >= pg.value WHEN 'AtMost' THEN a.value <= pg.value
                    WHEN 'Exactly' THEN a.value = pg.value WHEN 'MoreThan' THEN a.value > pg.value
                    WHEN 'LessThan' THEN a.value < pg.value END)::int AS "ProvincesMeeting"
        FROM plan_tasks pt
        JOIN targets pg ON pg.task_id = pt.id
        JOIN task_links l ON l.parent_task_id = pt.id AND l.parent_target_id = pg.id
        JOIN plan_tasks t ON t.id = l.task_id
        JOIN plans ip ON ip.id = t.plan_id
        LEFT JOIN targets own ON own.id = l.target_id AND own.unit = pg.unit
        LEFT JOIN LATERAL (SELECT ta.value FROM target_actuals ta WHERE ta.target_id = own.id
                           ORDER BY ta.recorded_at DESC LIMIT 1) a ON true
        WHERE pt.plan_id = @plan AND ip.province_id IS NOT NULL AND ip.status = 'Published'
          AND (@province::bigint IS NULL OR ip.province_id = @province)
        GROUP BY pg.id, pg.task_id
        """;

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, ProvinceClock clock) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query q, CancellationToken ct)
        {
            var province = await access.OversightProvinceAsync(ct);
            await access.DemandReadPlanAsync(db, q.PlanId, ct);
            var plan = await db.Plans.Where(p => p.Id == q.PlanId).Select(p => new { p.Title, p.IsPartial, p.PartialNote, p.IsDemonstration })
                .SingleOrDefaultAsync(ct) ?? throw new NotFoundException(Wording.Pick($"Không có kế hoạch {q.PlanId}.", $"Plan {q.PlanId} does not exist."));
            var coverage = await ReadCoverageAsync(db, q.PlanId, province, clock.Today, ct);
            var targetRows = await ReadTargetsAsync(db, q.PlanId, province, ct);
            var provinces = await db.Provinces.Where(p => province == null || p.Id == province).OrderBy(p => p.Name)
                .Select(p => new { p.Id, p.Name }).ToListAsync(ct);
            var names = provinces.ToDictionary(p => p.Id, p => p.Name);
            var tasks = await db.Tasks.Where(t => t.PlanId == q.PlanId).OrderBy(t => t.SortOrder)
                .Select(t => new { t.Id, t.Code, t.Title, t.IsGroup, t.Deadline.Text,
                    Targets = t.Targets.OrderBy(x => x.SortOrder).Select(x => new { x.Id, Text = x.Text ?? x.Indicator, x.Unit, x.Comparison, x.Value }).ToList() })
                .ToListAsync(ct);
            var byTask = coverage.ToLookup(c => c.ParentTaskId);
            var byTarget = targetRows.ToDictionary(t => t.TargetId);
            var rows = tasks.Select(t =>
            {
                var covered = byTask[t.Id].Where(c => names.ContainsKey(c.ProvinceId))
                    .Select(c => new ProvinceCoverage(c.ProvinceId, names[c.ProvinceId], c.Tasks, c.OnTime, c.Overdue, c.Done, c.Demonstration))
                    .OrderBy(c => c.Province).ToList();
                var notCovered = t.IsGroup ? [] : provinces.Where(p => covered.All(c => c.ProvinceId != p.Id)).Select(p => p.Name).ToList();
                var targets = t.Targets.Select(x => byTarget.TryGetValue(x.Id, out var r)
                    ? new TargetRollup(x.Id, x.Text, x.Unit, x.Comparison, x.Value, r.ProvincesLinked, r.ProvincesReporting, r.ProvincesMeeting,
                        r.ProvincesReporting == 0 ? null : (int)Math.Round(100.0 * r.ProvincesMeeting / r.ProvincesReporting))
                    : new TargetRollup(x.Id, x.Text, x.Unit, x.Comparison, x.Value, 0, 0, 0, null)).ToList();
                return new Row(t.Id, t.Code, t.Title, t.IsGroup, t.Text, covered, notCovered, targets);
            }).ToList();
            return new Result(q.PlanId, plan.Title, plan.IsPartial, plan.PartialNote, plan.IsDemonstration, province is not null,
                provinces.Select(p => p.Name).ToList(), rows);
        }
    }

    public static Task<List<CoverageRow>> ReadCoverageAsync(PlanTrackerDbContext db, long planId, long? province, DateOnly today, CancellationToken ct) =>
        db.Database.SqlQueryRaw<CoverageRow>(CoverageSql, Parameters(planId, province, today)).ToListAsync(ct);

    public static Task<List<TargetRow>> ReadTargetsAsync(PlanTrackerDbContext db, long planId, long? province, CancellationToken ct) =>
        db.Database.SqlQueryRaw<TargetRow>(TargetSql, Parameters(planId, province, null)).ToListAsync(ct);

    private static object[] Parameters(long planId, long? province, DateOnly? today) =>
    [
        new NpgsqlParameter("plan", planId),
        new NpgsqlParameter("province", NpgsqlTypes.NpgsqlDbType.Bigint) { Value = (object?)province ?? DBNull.Value },
        .. today is { } d ? [new NpgsqlParameter("today", d)] : Array.Empty<object>(),
    ];
}
