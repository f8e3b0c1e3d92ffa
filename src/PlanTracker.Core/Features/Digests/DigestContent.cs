using System.Linq.Expressions;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Digests;

public sealed record DigestTask(long Id, string Code, string Title, string Plan, string? LeadAgency, DateOnly? DueOn,
    Timeliness Timeliness, int PercentComplete, bool Lead);

/// <summary>One audit event on a task; <see cref="Status"/> and <see cref="Percent"/> only for progress.</summary>
public sealed record DigestChange(long TaskId, string Code, string Title, string Action, string? By, DateTimeOffset At,
    PlanTaskStatus? Status, int? Percent);

public sealed record AgencySection(string Agency, IReadOnlyList<DigestTask> Overdue, IReadOnlyList<DigestTask> DueSoon,
    IReadOnlyList<DigestChange> Changes)
{
    public bool IsEmpty => Overdue.Count == 0 && DueSoon.Count == 0 && Changes.Count == 0;
}

/// <summary>A task handed to the digest's reader (decision 0028): their own due date and the head's directions.</summary>
public sealed record DigestAssignment(long TaskId, string Code, string Title, DateOnly DueOn, string Directions, string AssignedBy);

public sealed record SteeringSection(IReadOnlyList<DigestTask> Overdue, IReadOnlyList<DigestTask> AtRisk)
{
    public bool IsEmpty => Overdue.Count == 0 && AtRisk.Count == 0;
}

public sealed record PlanCounts(long PlanId, string Plan, IReadOnlyDictionary<Timeliness, int> Counts)
{
    public int Total => Counts.Values.Sum();
}

/// <param name="NewlyOverdueSince">The first due date counted as newly overdue (the previous digest's date).</param>
public sealed record ProvinceSection(string Province, IReadOnlyList<PlanCounts> Plans, IReadOnlyList<DigestTask> NewlyOverdue, DateOnly NewlyOverdueSince)
{
    public bool IsEmpty => Plans.Count == 0;
}

/// <summary>
/// What a digest says, by role. Timeliness is the SQL function <c>task_timeliness</c> evaluated
/// as of the digest's date, so the digest counts exactly as the lists and reports do. Agency and
/// province parts are the same for everyone who shares them and are read once per run.
/// </summary>
public sealed class DigestContent(PlanTrackerDbContext db, DigestOptions options, DateOnly asOf)
{
    private const string Overdue = nameof(Timeliness.InProgressOverdue);
    private const string NotStarted = nameof(Timeliness.NotStarted);
    private const string WithinDeadline = nameof(Timeliness.InProgressWithinDeadline);

    private readonly Dictionary<long, (string Name, List<long?> Seats, List<DigestTask> Overdue, List<DigestTask> DueSoon)> _agencies = [];
    private readonly Dictionary<(long, DateOnly), ProvinceSection> _provinces = [];

    private DateOnly SoonLimit => asOf.AddDays(options.DueSoonDays);

    /// <summary>The agency's overdue and due-soon tasks (lead or coordinating, a group standing for its members) and what changed in the window.</summary>
    public async Task<AgencySection> AgencyAsync(long agencyId, DateTimeOffset changedAfter, DateTimeOffset changedUpTo, CancellationToken ct)
    {
        if (!_agencies.TryGetValue(agencyId, out var agency))
        {
            var name = await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.ShortName ?? a.Name).SingleAsync(ct);
            var seats = await Seats([agencyId], ct);
            var tasks = await Project(Published().Where(Involving(seats))
                    .Where(t => PlanTrackerDbContext.TaskTimeliness(t.Status, t.CompletedOn, t.Deadline.Kind, t.ExtendedDueOn ?? t.Deadline.DueOn, asOf) == Overdue
                        || ((PlanTrackerDbContext.TaskTimeliness(t.Status, t.CompletedOn, t.Deadline.Kind, t.ExtendedDueOn ?? t.Deadline.DueOn, asOf) == NotStarted
                             || PlanTrackerDbContext.TaskTimeliness(t.Status, t.CompletedOn, t.Deadline.Kind, t.ExtendedDueOn ?? t.Deadline.DueOn, asOf) == WithinDeadline)
                            && (t.ExtendedDueOn ?? t.Deadline.DueOn) <= SoonLimit)), seats)
                .ToListAsync(ct);
            _agencies[agencyId] = agency = (name, seats,
                tasks.Where(t => t.Timeliness == Timeliness.InProgressOverdue).ToList(),
                tasks.Where(t => t.Timeliness != Timeliness.InProgressOverdue).ToList());
        }
        return new AgencySection(agency.Name, agency.Overdue, agency.DueSoon, await ChangesAsync(agency.Seats, changedAfter, changedUpTo, ct));
    }

    /// <summary>
    /// The open tasks handed to the user whose own due date has passed or falls within the due-soon window, soonest
    /// first (decision 0028): the officer hears of the date the head set, beside the agency's deadlines.
    /// </summary>
    public async Task<IReadOnlyList<DigestAssignment>> AssignedAsync(long userId, CancellationToken ct) =>
        await db.TaskAssignments.AsNoTracking().Where(a => a.AssigneeUserId == userId && a.DueOn <= SoonLimit)
            .Join(Published().Where(t => t.Status == PlanTaskStatus.NotStarted || t.Status == PlanTaskStatus.InProgress),
                a => a.TaskId, t => t.Id, (a, t) => new { a, t })
            .OrderBy(x => x.a.DueOn).ThenBy(x => x.a.Id)
            .Select(x => new DigestAssignment(x.t.Id, x.t.Code, x.t.Title, x.a.DueOn, x.a.Directions, x.a.AssignedByName))
            .ToListAsync(ct);

    /// <summary>Overdue and at-risk tasks led by the agencies a steering member oversees (or by groups they belong to).</summary>
    public async Task<SteeringSection> SteeringAsync(IReadOnlyList<long> overseen, CancellationToken ct)
    {
        if (overseen.Count == 0) return new SteeringSection([], []);
        var seats = await Seats(overseen, ct);
        var below = options.AtRiskBelowPercent;
        var tasks = await Project(Published().Where(t => seats.Contains(t.LeadAgencyId))
                .Where(t => PlanTrackerDbContext.TaskTimeliness(t.Status, t.CompletedOn, t.Deadline.Kind, t.ExtendedDueOn ?? t.Deadline.DueOn, asOf) == Overdue
                    || ((PlanTrackerDbContext.TaskTimeliness(t.Status, t.CompletedOn, t.Deadline.Kind, t.ExtendedDueOn ?? t.Deadline.DueOn, asOf) == NotStarted
                         || PlanTrackerDbContext.TaskTimeliness(t.Status, t.CompletedOn, t.Deadline.Kind, t.ExtendedDueOn ?? t.Deadline.DueOn, asOf) == WithinDeadline)
                        && (t.ExtendedDueOn ?? t.Deadline.DueOn) <= SoonLimit && t.PercentComplete < below)), seats)
            .ToListAsync(ct);
        return new SteeringSection(
            tasks.Where(t => t.Timeliness == Timeliness.InProgressOverdue).ToList(),
            tasks.Where(t => t.Timeliness != Timeliness.InProgressOverdue).ToList());
    }

    /// <summary>The province's plans counted by timeliness, and the tasks that fell overdue since <paramref name="since"/>.</summary>
    public async Task<ProvinceSection> ProvinceAsync(long provinceId, DateOnly since, CancellationToken ct)
    {
        if (_provinces.TryGetValue((provinceId, since), out var cached)) return cached;
        var province = await db.Provinces.Where(p => p.Id == provinceId).Select(p => p.Name).SingleAsync(ct);
        var tasks = Published().Where(t => t.Plan.ProvinceId == provinceId);
        var counts = await tasks
            .GroupBy(t => new
            {
                t.PlanId, t.Plan.Title,
                Timeliness = PlanTrackerDbContext.TaskTimeliness(t.Status, t.CompletedOn, t.Deadline.Kind, t.ExtendedDueOn ?? t.Deadline.DueOn, asOf),
            })
            .Select(g => new { g.Key.PlanId, g.Key.Title, g.Key.Timeliness, Count = g.Count() })
            .ToListAsync(ct);
        var plans = counts.GroupBy(c => (c.PlanId, c.Title)).OrderBy(g => g.Key.Title)
            .Select(g => new PlanCounts(g.Key.PlanId, g.Key.Title, g.ToDictionary(c => Enum.Parse<Timeliness>(c.Timeliness), c => c.Count)))
            .ToList();
        var newly = await Project(tasks
                .Where(t => PlanTrackerDbContext.TaskTimeliness(t.Status, t.CompletedOn, t.Deadline.Kind, t.ExtendedDueOn ?? t.Deadline.DueOn, asOf) == Overdue
                    && (t.ExtendedDueOn ?? t.Deadline.DueOn) >= since), [])
            .ToListAsync(ct);
        return _provinces[(provinceId, since)] = new ProvinceSection(province, plans, newly, since);
    }

    private async Task<List<DigestChange>> ChangesAsync(List<long?> seats, DateTimeOffset after, DateTimeOffset upTo, CancellationToken ct)
    {
        var rows = await (
                from e in db.AuditEvents.AsNoTracking()
                join t in db.Tasks.Where(Involving(seats)) on e.EntityId equals (long?)t.Id
                where e.EntityType == nameof(PlanTask) && e.OccurredAt > after && e.OccurredAt <= upTo
                orderby e.OccurredAt descending, e.Id descending
                select new
                {
                    t.Id, t.Code, t.Title, e.Action, e.OccurredAt, e.Data,
                    By = db.Users.Where(u => u.Id == e.UserId).Select(u => u.DisplayName).FirstOrDefault(),
                })
            .ToListAsync(ct);
        return rows.Select(r =>
        {
            var (status, percent) = r.Action == "task.progress" ? ProgressAfter(r.Data) : (null, null);
            return new DigestChange(r.Id, r.Code, r.Title, r.Action, r.By, r.OccurredAt, status, percent);
        }).ToList();
    }

    /// <summary>The status and percent a progress report left, from its audit record ({before, after}).</summary>
    private static (PlanTaskStatus?, int?) ProgressAfter(string? data)
    {
        if (data is null) return (null, null);
        using var json = JsonDocument.Parse(data);
        if (!json.RootElement.TryGetProperty("after", out var after) || after.ValueKind != JsonValueKind.Object) return (null, null);
        PlanTaskStatus? status = after.TryGetProperty("status", out var s) && Enum.TryParse<PlanTaskStatus>(s.GetString(), out var parsed) ? parsed : null;
        int? percent = after.TryGetProperty("percentComplete", out var p) && p.TryGetInt32(out var value) ? value : null;
        return (status, percent);
    }

    /// <summary>The agencies and every group any of them belongs to: a group's task is its members' task.</summary>
    private async Task<List<long?>> Seats(IReadOnlyList<long> agencyIds, CancellationToken ct)
    {
        var groups = await db.Set<AgencyGroupMember>().Where(m => agencyIds.Contains(m.MemberId)).Select(m => m.GroupId).ToListAsync(ct);
        return agencyIds.Concat(groups).Distinct().Select(id => (long?)id).ToList();
    }

    private IQueryable<PlanTask> Published() =>
        db.Tasks.AsNoTracking().Where(t => !t.IsGroup && t.Plan.Status == PlanStatus.Published);

    private Expression<Func<PlanTask, bool>> Involving(List<long?> seats) =>
        t => seats.Contains(t.LeadAgencyId) || db.Set<TaskCoordinatingAgency>().Any(c => c.TaskId == t.Id && seats.Contains(c.AgencyId));

    private IQueryable<DigestTask> Project(IQueryable<PlanTask> tasks, List<long?> seats) => tasks
        .OrderBy(t => t.ExtendedDueOn ?? t.Deadline.DueOn).ThenBy(t => t.PlanId).ThenBy(t => t.SortOrder)
        .Select(t => new DigestTask(t.Id, t.Code, t.Title, t.Plan.Title,
            t.LeadAgency == null ? null : t.LeadAgency.ShortName ?? t.LeadAgency.Name,
            t.ExtendedDueOn ?? t.Deadline.DueOn,
            Enum.Parse<Timeliness>(PlanTrackerDbContext.TaskTimeliness(t.Status, t.CompletedOn, t.Deadline.Kind, t.ExtendedDueOn ?? t.Deadline.DueOn, asOf)),
            t.PercentComplete, seats.Contains(t.LeadAgencyId)));
}
