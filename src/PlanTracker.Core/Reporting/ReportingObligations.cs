using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Reporting;

/// <summary>Who must report for a period: one definition for the compliance view, the reporting-cycle mail and the compiled report.</summary>
public static class ReportingObligations
{
    /// <summary>
    /// The agencies expected to report for a period: every agency (not a group) that leads a task of a
    /// published plan, itself or as a member of a group that leads one.
    /// </summary>
    public static IQueryable<Agency> AgenciesExpectedToReport(this PlanTrackerDbContext db) => db.AgenciesExpectedToReport(db.Tasks);

    /// <summary>The same rule over some of the tasks (the dashboard's filtered view).</summary>
    public static IQueryable<Agency> AgenciesExpectedToReport(this PlanTrackerDbContext db, IQueryable<PlanTask> tasks) =>
        db.Agencies.Where(a => a.Kind != AgencyKind.Group
            && (tasks.Any(t => t.LeadAgencyId == a.Id && !t.IsGroup && t.Plan.Status == PlanStatus.Published)
                || db.Set<AgencyGroupMember>().Any(m => m.MemberId == a.Id
                    && tasks.Any(t => t.LeadAgencyId == m.GroupId && t.Plan.Status == PlanStatus.Published))));

    /// <summary>
    /// Expected agencies with no submitted report for the period (all of them when the period has no row yet);
    /// an ad hoc period obliges its own province's agencies only.
    /// </summary>
    public static IQueryable<Agency> AgenciesMissingReport(this PlanTrackerDbContext db, long? periodId) =>
        db.AgenciesExpectedToReport()
            .Where(a => !db.ReportingPeriods.Any(p => p.Id == periodId && p.ProvinceId != null && p.ProvinceId != a.ProvinceId))
            .Where(a => !db.PeriodReports.Any(r => r.ReportingPeriodId == periodId && r.AgencyId == a.Id && r.SubmittedAt != null));

    /// <summary>
    /// Every submitted report with its period and whether it came on time: submitted on or before
    /// the period's submission day, counted in the province's calendar (Asia/Ho_Chi_Minh).
    /// </summary>
    public static IQueryable<Submission> Submissions(this PlanTrackerDbContext db) =>
        from r in db.PeriodReports
        where r.SubmittedAt != null
        join p in db.ReportingPeriods on r.ReportingPeriodId equals p.Id
        select new Submission
        {
            AgencyId = r.AgencyId, PeriodId = p.Id, Regime = p.Regime, Year = p.Year, Number = p.Number,
            SubmittedAt = r.SubmittedAt!.Value, State = r.State,
            OnTime = SqlFunctions.ProvinceDate(r.SubmittedAt!.Value) <= p.SubmissionDueOn,
        };
}

/// <summary>A submitted period report as compliance counts it.</summary>
public sealed class Submission
{
    public long AgencyId { get; init; }
    public long PeriodId { get; init; }
    public ReportingRegime Regime { get; init; }
    public int Year { get; init; }
    public int Number { get; init; }
    public DateTimeOffset SubmittedAt { get; init; }
    public PeriodReportState State { get; init; }
    public bool OnTime { get; init; }
}
