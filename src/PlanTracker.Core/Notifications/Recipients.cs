using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Notifications;

/// <summary>A person a job writes to, in their language; <see cref="AgencyId"/> is the seat they hold the mail for.</summary>
public sealed record Recipient(long Id, string Email, string Culture, long AgencyId);

/// <summary>
/// Who is told about an agency's work. A group (e.g. "các sở, ban, ngành") stands for its members,
/// so a group's assignment reaches the people of every member agency. Locked accounts get nothing.
/// </summary>
public sealed class Recipients(PlanTrackerDbContext db, TimeProvider time)
{
    /// <summary>The agencies themselves and, for each group among them, its members: agency → the group or agency it sits for.</summary>
    public async Task<ILookup<long, long>> SeatsAsync(IEnumerable<long> agencyIds, CancellationToken ct)
    {
        var ids = agencyIds.Distinct().ToList();
        var members = await db.Set<AgencyGroupMember>().Where(m => ids.Contains(m.GroupId)).Select(m => new { m.GroupId, m.MemberId }).ToListAsync(ct);
        return ids.Select(id => (Assigned: id, Seat: id)).Concat(members.Select(m => (Assigned: m.GroupId, Seat: m.MemberId)))
            .ToLookup(x => x.Assigned, x => x.Seat);
    }

    /// <summary>Users holding <paramref name="role"/> in any of the agencies (a user appears once per agency).</summary>
    public async Task<List<Recipient>> InRoleAsync(string role, IEnumerable<long> agencyIds, CancellationToken ct)
    {
        var ids = agencyIds.Distinct().ToList();
        return await Active(role).Where(u => u.AgencyId != null && ids.Contains(u.AgencyId.Value))
            .Select(u => new Recipient(u.Id, u.Email!, u.PreferredCulture, u.AgencyId!.Value)).ToListAsync(ct);
    }

    /// <summary>Steering members and the agencies they oversee, one row per (member, agency).</summary>
    public async Task<List<Recipient>> OverseersAsync(IEnumerable<long> agencyIds, CancellationToken ct)
    {
        var ids = agencyIds.Distinct().ToList();
        return await Active(Roles.SteeringMember)
            .SelectMany(u => db.Set<SteeringAssignment>().Where(s => s.UserId == u.Id && ids.Contains(s.AgencyId)),
                (u, s) => new Recipient(u.Id, u.Email!, u.PreferredCulture, s.AgencyId))
            .ToListAsync(ct);
    }

    /// <summary>The secretariat's people of each province (their agency's province).</summary>
    public async Task<List<(long ProvinceId, Recipient User)>> SecretariatAsync(CancellationToken ct)
    {
        var rows = await Active(Roles.Secretariat).Where(u => u.AgencyId != null && u.Agency!.ProvinceId != null)
            .Select(u => new { Province = u.Agency!.ProvinceId!.Value, User = new Recipient(u.Id, u.Email!, u.PreferredCulture, u.AgencyId!.Value) })
            .ToListAsync(ct);
        return rows.Select(r => (r.Province, r.User)).ToList();
    }

    private IQueryable<AppUser> Active(string role) =>
        db.Users.Active(time.GetUtcNow()).Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));
}

public static class ActiveUsers
{
    /// <summary>
    /// The one rule for who gets mail, whatever sends it (publish, reminders, escalations, digests, the
    /// reporting cycle, the quarterly report): an address, and an account not deactivated or locked at
    /// <paramref name="now"/> (the app's clock, so a test's fixed day decides).
    /// </summary>
    public static IQueryable<AppUser> Active(this IQueryable<AppUser> users, DateTimeOffset now) =>
        users.Where(u => u.Email != null && (u.LockoutEnd == null || u.LockoutEnd < now));
}
