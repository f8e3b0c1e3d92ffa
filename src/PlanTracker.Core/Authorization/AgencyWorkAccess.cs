using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Authorization;

/// <summary>
/// Who directs the work inside an agency (decision 0028): its head, and the deputies the head named.
/// They assign the agency's tasks to its officers and approve the officers' progress. Kept apart from
/// <see cref="AccessContext"/> so that the progress path reads nothing more unless it must.
/// </summary>
public sealed class AgencyWorkAccess(AccessContext access, PlanTrackerDbContext db)
{
    private (long? AgencyId, bool Loaded) _directed;

    /// <summary>The agency the user directs (as its head or a named deputy), or null.</summary>
    public async Task<long?> DirectedAgencyAsync(CancellationToken ct)
    {
        if (_directed.Loaded) return _directed.AgencyId;
        long? result = null;
        if (access.IsAgencyStaff && await access.AgencyIdAsync(ct) is { } agencyId)
        {
            var userId = access.UserId;
            if (access.IsAgencyHead || await db.AgencyDeputies.AnyAsync(d => d.AgencyId == agencyId && d.UserId == userId, ct))
                result = agencyId;
        }
        _directed = (result, true);
        return result;
    }

    /// <summary>The user's agency leads or coordinates the task (a published one; groups count).</summary>
    public async Task<bool> InvolvedInAsync(long taskId, CancellationToken ct) =>
        await access.LeadsAsync(taskId, ct) || await access.CoordinatesAsync(taskId, ct);

    /// <summary>
    /// Whether the user's agency asks its head to approve progress first, as a predicate the caller folds into the
    /// statement that reads the task (one round trip on the progress path, issue 17); false for anyone outside an agency.
    /// </summary>
    public async Task<System.Linq.Expressions.Expression<Func<PlanTask, bool>>> AgencyAsksApprovalRuleAsync(CancellationToken ct)
    {
        if (!access.IsAgencyStaff || await access.AgencyIdAsync(ct) is not { } agencyId) return _ => false;
        return _ => db.AgencySettings.Any(s => s.AgencyId == agencyId && s.ProgressNeedsApproval);
    }

    /// <summary>An officer (not the head or a deputy) of an agency whose head asked to approve progress first.</summary>
    public async Task<bool> ProgressWaitsForApprovalAsync(bool agencyAsksApproval, CancellationToken ct) =>
        agencyAsksApproval && await DirectedAgencyAsync(ct) is null;

    /// <summary>The people who direct an agency: its heads and deputies (who get its officers' reports to approve).</summary>
    public IQueryable<long> DirectorsOf(long agencyId)
    {
        var heads = from u in db.Users
                    join ur in db.UserRoles on u.Id equals ur.UserId
                    join r in db.Roles on ur.RoleId equals r.Id
                    where u.AgencyId == agencyId && r.Name == Roles.AgencyHead
                    select u.Id;
        return heads.Concat(db.AgencyDeputies.Where(d => d.AgencyId == agencyId).Select(d => d.UserId));
    }

    /// <summary>Users of the agency who hold an agency role (officer or head): those a task can be handed to.</summary>
    public IQueryable<AppUser> StaffOf(long agencyId) =>
        db.Users.Where(u => u.AgencyId == agencyId && db.UserRoles.Any(ur => ur.UserId == u.Id
            && db.Roles.Any(r => r.Id == ur.RoleId && (r.Name == Roles.AgencyOfficer || r.Name == Roles.AgencyHead))));

    public async Task<long> DemandDirectsAsync(string whatVi, string whatEn, CancellationToken ct) =>
        await DirectedAgencyAsync(ct) ?? throw new ForbiddenException(Wording.Pick(
            $"Bạn không được {whatVi} (chỉ lãnh đạo cơ quan hoặc người được lãnh đạo giao).",
            $"You may not {whatEn} (only the agency's head or a deputy the head named may)."));
}
