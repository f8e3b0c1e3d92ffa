using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;
using PlanTracker.Core.Reporting;

namespace PlanTracker.Core.Features.Dashboard;

/// <summary>
/// What the dashboard (and the task list behind each of its numbers) looks at: actionable tasks of
/// published plans, narrowed by document, plan, agency, agency level, steering member and period.
/// The same filter builds every query, so a number and the list it links to cannot disagree.
/// </summary>
/// <remarks>
/// A task belongs to an agency when the agency leads it, itself or as a member of the group that
/// leads it ("các Sở, ban, ngành"), the rule the rest of PlanTracker uses for "my tasks" and for
/// who must report. A steering member's view keeps the agencies assigned to them.
/// </remarks>
public sealed record DashboardFilter(
    long? DocumentId = null, long? PlanId = null, long? AgencyId = null, AgencyLevel? AgencyLevel = null,
    long? SteeringMemberId = null, string? Period = null, long? ProvinceId = null)
{
    public static readonly DashboardFilter None = new();

    /// <summary>The period, read (and refused when unreadable, naming the field).</summary>
    public DashboardPeriod? ParsedPeriod => DashboardPeriod.Parse(Period);

    public bool NarrowsAgencies => AgencyId is not null || AgencyLevel is not null || SteeringMemberId is not null || ProvinceId is not null;

    /// <summary>
    /// Count from the tasks even when nothing is narrowed, instead of from the stored counts: what the
    /// exactness tests and the benchmark compare the stored counts with.
    /// </summary>
    public bool FromTasks { get; init; }

    /// <summary>The agencies kept, once read by <see cref="ResolveAgenciesAsync"/>.</summary>
    [JsonIgnore] public long[]? KeptIds { get; init; }

    /// <summary>The lead agencies whose tasks are in view (the kept ones and their groups), once read.</summary>
    [JsonIgnore] public long[]? LeadIds { get; init; }

    /// <summary>
    /// The same filter with its agencies read into lists of ids: <c>lead_agency_id = ANY(ids)</c> lets
    /// PostgreSQL go through the lead-agency indexes to a steering member's few thousand tasks, where
    /// the subqueries (kept agencies, their groups) made it scan all the tasks.
    /// </summary>
    public async Task<DashboardFilter> ResolveAgenciesAsync(PlanTrackerDbContext db, CancellationToken ct)
    {
        if (!NarrowsAgencies || LeadIds is not null) return this;
        var kept = await Agencies(db).Select(a => a.Id).ToArrayAsync(ct);
        var leads = await db.Agencies.Where(a => kept.Contains(a.Id) || a.Members.Any(m => kept.Contains(m.MemberId))).Select(a => a.Id).ToArrayAsync(ct);
        return this with { KeptIds = kept, LeadIds = leads };
    }

    /// <summary>Nothing narrowed: the view the stored counts serve (<see cref="DashboardAggregates"/>).</summary>
    public bool IsProvinceWide => DocumentId is null && PlanId is null && !NarrowsAgencies && string.IsNullOrWhiteSpace(Period) && !FromTasks;

    /// <summary>The agencies (never groups) the filter keeps: every agency when it names none.</summary>
    public IQueryable<Agency> Agencies(PlanTrackerDbContext db)
    {
        if (KeptIds is { } keptIds) return db.Agencies.Where(a => keptIds.Contains(a.Id));
        var agencies = db.Agencies.Where(a => a.Kind != AgencyKind.Group);
        if (ProvinceId is { } province) agencies = agencies.Where(a => a.ProvinceId == province);
        if (AgencyId is { } id) agencies = agencies.Where(a => a.Id == id);
        if (AgencyLevel is { } level) agencies = agencies.Where(a => a.Level == level);
        if (SteeringMemberId is { } member)
            agencies = agencies.Where(a => db.SteeringAssignments.Any(s => s.UserId == member && s.AgencyId == a.Id));
        return agencies;
    }

    /// <summary>The tasks in view, period included.</summary>
    public IQueryable<PlanTask> Tasks(PlanTrackerDbContext db)
    {
        var tasks = TasksIgnoringPeriod(db);
        if (ParsedPeriod is { } period)
            tasks = tasks.Where(t => (t.ExtendedDueOn ?? t.Deadline.DueOn) >= period.Start && (t.ExtendedDueOn ?? t.Deadline.DueOn) <= period.End);
        return tasks;
    }

    /// <summary>
    /// The tasks in view whatever their due date: who must report does not depend on which
    /// tasks fall due in the chosen period.
    /// </summary>
    public IQueryable<PlanTask> TasksIgnoringPeriod(PlanTrackerDbContext db)
    {
        var tasks = db.Tasks.Where(t => !t.IsGroup && t.Plan.Status == PlanStatus.Published);
        if (DocumentId is { } documentId) tasks = tasks.Where(t => t.Plan.DocumentId == documentId);
        if (PlanId is { } planId) tasks = tasks.Where(t => t.PlanId == planId);
        if (LeadIds is { } leadIds) tasks = tasks.Where(t => leadIds.Contains(t.LeadAgencyId!.Value));
        else if (NarrowsAgencies)
        {
            // The kept agencies, and the groups any of them belongs to: lead_agency_id IN (... UNION ALL
            // ...) keeps the lead-agency indexes usable. Written as one OR over agencies instead, the
            // planner cannot turn it into a join and filters every open task (1.7 s at a million tasks
            // for a steering member's overdue list, 34 ms this way; docs/PERFORMANCE.md).
            var kept = Agencies(db).Select(a => a.Id);
            var leads = kept.Concat(db.Set<AgencyGroupMember>().Where(m => kept.Contains(m.MemberId)).Select(m => m.GroupId));
            tasks = tasks.Where(t => leads.Contains(t.LeadAgencyId!.Value));
        }
        return tasks;
    }

    /// <summary>The agencies in view that must report (<see cref="ReportingObligations"/>): those leading a task in view.</summary>
    public IQueryable<Agency> AgenciesExpectedToReport(PlanTrackerDbContext db)
    {
        var expected = db.AgenciesExpectedToReport(TasksIgnoringPeriod(db));
        if (NarrowsAgencies)
        {
            var kept = Agencies(db).Select(a => a.Id);
            expected = expected.Where(a => kept.Contains(a.Id));
        }
        return expected;
    }

    /// <summary>Query-string pairs for links that keep this filter (the task list reads the same names).</summary>
    public IEnumerable<KeyValuePair<string, string>> QueryPairs()
    {
        if (DocumentId is { } d) yield return new("documentId", d.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (PlanId is { } p) yield return new("planId", p.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (ProvinceId is { } pr) yield return new("provinceId", pr.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (AgencyId is { } a) yield return new("agencyId", a.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (AgencyLevel is { } l) yield return new("agencyLevel", l.ToString());
        if (SteeringMemberId is { } s) yield return new("steeringMemberId", s.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!string.IsNullOrWhiteSpace(Period)) yield return new("period", Period.Trim());
    }
}
