using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Reporting;

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
}
