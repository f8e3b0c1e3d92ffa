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
    public static IQueryable<Agency> AgenciesExpectedToReport(this PlanTrackerDbContext db) =>
        db.Agencies.Where(a => a.Kind != AgencyKind.Group
            && (db.Tasks.Any(t => t.LeadAgencyId == a.Id && !t.IsGroup && t.Plan.Status == PlanStatus.Published)
                || db.Set<AgencyGroupMember>().Any(m => m.MemberId == a.Id
                    && db.Tasks.Any(t => t.LeadAgencyId == m.GroupId && t.Plan.Status == PlanStatus.Published))));

    /// <summary>Expected agencies with no submitted report for the period (all of them when the period has no row yet).</summary>
    public static IQueryable<Agency> AgenciesMissingReport(this PlanTrackerDbContext db, long? periodId) =>
        db.AgenciesExpectedToReport()
            .Where(a => !db.PeriodReports.Any(r => r.ReportingPeriodId == periodId && r.AgencyId == a.Id && r.SubmittedAt != null));
}
