using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.AgencyWork;

/// <summary>
/// Who takes part in a task's comment thread (decision 0028): the staff of its lead and coordinating
/// agencies (a group's members included) and the secretariat of its province. They write; those who
/// may read its evidence (their overseers, administrators as well) read.
/// </summary>
public static class TaskThread
{
    public static async Task<bool> MayWriteAsync(AccessContext access, long taskId, CancellationToken ct) =>
        await access.ManagesPlanOfTaskAsync(taskId, ct) || await access.LeadsAsync(taskId, ct) || await access.CoordinatesAsync(taskId, ct);

    /// <summary>The people a comment may mention: those who take part in the thread.</summary>
    public static IQueryable<AppUser> Participants(PlanTrackerDbContext db, long taskId)
    {
        var assigned = db.Tasks.Where(t => t.Id == taskId && t.LeadAgencyId != null).Select(t => t.LeadAgencyId!.Value)
            .Concat(db.Set<TaskCoordinatingAgency>().Where(c => c.TaskId == taskId).Select(c => c.AgencyId));
        var agencies = assigned.Concat(db.Set<AgencyGroupMember>().Where(m => assigned.Contains(m.GroupId)).Select(m => m.MemberId));
        var province = db.Tasks.Where(t => t.Id == taskId).Select(t => t.Plan.ProvinceId);
        var staffRoles = db.Roles.Where(r => r.Name == Roles.AgencyOfficer || r.Name == Roles.AgencyHead).Select(r => r.Id);
        var secretariatRole = db.Roles.Where(r => r.Name == Roles.Secretariat).Select(r => r.Id);
        return db.Users.Where(u => u.AgencyId != null && (
            (agencies.Contains(u.AgencyId.Value) && db.UserRoles.Any(ur => ur.UserId == u.Id && staffRoles.Contains(ur.RoleId)))
            || (db.UserRoles.Any(ur => ur.UserId == u.Id && secretariatRole.Contains(ur.RoleId))
                && db.Agencies.Any(a => a.Id == u.AgencyId && province.Contains(a.ProvinceId)))));
    }
}
