using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Agencies;

/// <summary>What moves when an agency is merged or split away: open tasks, unsubmitted reports, users, group seats, oversight.</summary>
internal static class AgencyWork
{
    public sealed record Moved(int Tasks, int Reports, int Users);

    /// <param name="onlyTaskIds">For a split: the tasks this successor takes; null for all the agency's open tasks.</param>
    public static async Task<Moved> MoveAsync(PlanTrackerDbContext db, Agency from, Agency to, IReadOnlyCollection<long>? onlyTaskIds,
        bool withUsersAndReports, CancellationToken ct)
    {
        var tasks = await db.Tasks.Include(t => t.CoordinatingAgencies)
            .Where(t => (t.LeadAgencyId == from.Id || t.CoordinatingAgencies.Any(c => c.AgencyId == from.Id))
                && (t.Status == PlanTaskStatus.NotStarted || t.Status == PlanTaskStatus.InProgress || t.Status == PlanTaskStatus.Paused))
            .ToListAsync(ct);
        foreach (var task in tasks.Where(t => onlyTaskIds is null || onlyTaskIds.Contains(t.Id))) task.MoveAgency(from.Id, to);

        foreach (var group in await db.Agencies.Include(g => g.Members).Where(g => g.Members.Any(m => m.MemberId == from.Id)).ToListAsync(ct))
            group.ReplaceMember(from.Id, to);

        var (reports, users) = (0, 0);
        if (withUsersAndReports)
        {
            foreach (var report in await db.PeriodReports.Where(r => r.AgencyId == from.Id
                         && (r.State == PeriodReportState.Draft || r.State == PeriodReportState.Returned)).ToListAsync(ct))
            {
                if (await db.PeriodReports.AnyAsync(r => r.AgencyId == to.Id && r.ReportingPeriodId == report.ReportingPeriodId, ct))
                    continue; // the successor already reports for that period; the old draft stays as history
                report.MoveTo(to.Id);
                reports++;
            }
            foreach (var user in await db.Users.Where(u => u.AgencyId == from.Id).ToListAsync(ct))
            {
                user.AgencyId = to.Id;
                // The account's sessions end: it now acts for another agency (decision 0012).
                user.SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant();
                users++;
            }
            var oversight = await db.SteeringAssignments.Where(s => s.AgencyId == from.Id).ToListAsync(ct);
            db.SteeringAssignments.RemoveRange(oversight);
            foreach (var s in oversight.Where(s => !db.SteeringAssignments.Local.Any(x => x.UserId == s.UserId && x.AgencyId == to.Id)))
                if (!await db.SteeringAssignments.AnyAsync(x => x.UserId == s.UserId && x.AgencyId == to.Id, ct))
                    db.SteeringAssignments.Add(new SteeringAssignment(s.UserId, to.Id));
        }
        return new Moved(tasks.Count(t => onlyTaskIds is null || onlyTaskIds.Contains(t.Id)), reports, users);
    }
}
