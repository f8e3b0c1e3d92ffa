using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Reporting;

/// <summary>Who must report for a period: one definition for the compliance view and the compiled report.</summary>
public static class ReportingDuty
{
    /// <summary>
    /// The agencies of a province expected to report: those leading a task of a published plan,
    /// directly or as a member of a group that leads one.
    /// </summary>
    public static IQueryable<Agency> ExpectedAgencies(PlanTrackerDbContext db, long provinceId) =>
        db.Agencies.Where(a => a.ProvinceId == provinceId && a.Kind != AgencyKind.Group
            && (db.Tasks.Any(t => t.LeadAgencyId == a.Id && !t.IsGroup && t.Plan.Status == PlanStatus.Published)
                || db.Set<AgencyGroupMember>().Any(m => m.MemberId == a.Id
                    && db.Tasks.Any(t => t.LeadAgencyId == m.GroupId && t.Plan.Status == PlanStatus.Published))));

    /// <summary>Expected agencies with no submitted report for the period (none at all when the period has no row yet).</summary>
    public static IQueryable<Agency> MissingAgencies(PlanTrackerDbContext db, long provinceId, long? periodId) =>
        ExpectedAgencies(db, provinceId)
            .Where(a => !db.PeriodReports.Any(r => r.ReportingPeriodId == periodId && r.AgencyId == a.Id && r.SubmittedAt != null));
}
