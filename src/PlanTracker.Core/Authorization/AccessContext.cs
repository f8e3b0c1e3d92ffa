using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Authorization;

/// <summary>
/// What the current user may touch, read once per request. Handlers ask it; pages and the
/// API only mirror its answers, so a hidden button is never the only guard.
/// </summary>
public sealed class AccessContext(ICurrentUser user, PlanTrackerDbContext db, TimeProvider? time = null)
{
    private Snapshot? _snapshot;

    private sealed record Snapshot(long UserId, long? AgencyId, string? AgencyName, long? ProvinceId, HashSet<long> Overseen,
        IReadOnlyList<long> Groups);

    public long UserId => user.UserId ?? throw new ForbiddenException(Wording.Pick("Hãy đăng nhập trước.", "Sign in first."));
    public bool IsSecretariat => user.IsInRole(Roles.Secretariat);
    public bool IsAdmin => user.IsInRole(Roles.Admin);
    public bool IsAgencyStaff => user.IsInRole(Roles.AgencyOfficer) || user.IsInRole(Roles.AgencyHead);
    public bool IsAgencyHead => user.IsInRole(Roles.AgencyHead);
    public bool IsSteeringMember => user.IsInRole(Roles.SteeringMember);

    public async Task<long?> AgencyIdAsync(CancellationToken ct) => (await Load(ct)).AgencyId;

    /// <summary>The province of the user's agency; null for a central body or a user of no agency.</summary>
    public async Task<long?> ProvinceIdAsync(CancellationToken ct) => (await Load(ct)).ProvinceId;

    /// <summary>The agencies a steering member oversees (empty for everyone else).</summary>
    public async Task<IReadOnlySet<long>> OverseenAsync(CancellationToken ct) => (await Load(ct)).Overseen;

    /// <summary>
    /// The groups the user's agency belongs to ("các sở, ban, ngành"): a task led or coordinated by one of them is
    /// the agency's too. Read with the account (issue 17: one round trip fewer for "my agency's tasks").
    /// </summary>
    public async Task<IReadOnlyList<long>> AgencyGroupsAsync(CancellationToken ct) => (await Load(ct)).Groups;

    /// <summary>An administrator without an agency or a central body: lists can hold several provinces, so agencies are named with theirs.</summary>
    public async Task<bool> SpansProvincesAsync(CancellationToken ct) => (await Load(ct)).ProvinceId is null;

    /// <summary>The user's agency as it is named today (kept on what the user writes).</summary>
    public async Task<(long Id, string Name)?> AgencyAsync(CancellationToken ct) =>
        await Load(ct) is { AgencyId: { } id, AgencyName: { } name } ? (id, name) : null;

    /// <summary>
    /// The user's agency leads the task, directly or as a member of the group that leads it, and the
    /// task's plan is published: a draft is assigned to no one, so every agency command is refused
    /// until publication (decision 0021).
    /// </summary>
    public async Task<bool> LeadsAsync(long taskId, CancellationToken ct) =>
        await db.Tasks.Where(t => t.Id == taskId).AnyAsync(await LeadRuleAsync(ct), ct);

    /// <summary>
    /// <see cref="LeadsAsync"/> as a condition on a task, for a handler that reads the task and the right in
    /// one statement (issue 17).
    /// </summary>
    public async Task<Expression<Func<PlanTask, bool>>> LeadRuleAsync(CancellationToken ct)
    {
        var me = await Load(ct);
        if (!IsAgencyStaff || me.AgencyId is not { } agencyId) return _ => false;
        // The agency's groups came with the account (one read per request), not a subquery per rule.
        var groups = me.Groups;
        return t => t.Plan.Status == PlanStatus.Published && (t.LeadAgencyId == agencyId || groups.Contains(t.LeadAgencyId!.Value));
    }

    public async Task<bool> CoordinatesAsync(long taskId, CancellationToken ct)
    {
        var me = await Load(ct);
        if (!IsAgencyStaff || me.AgencyId is not { } agencyId) return false;
        var groups = me.Groups;
        return await db.Tasks.AnyAsync(t => t.Id == taskId && t.Plan.Status == PlanStatus.Published
            && t.CoordinatingAgencies.Any(c => c.AgencyId == agencyId || groups.Contains(c.AgencyId)), ct);
    }

    /// <summary>The secretariat manages everything in its own province.</summary>
    public async Task<bool> ManagesPlanOfTaskAsync(long taskId, CancellationToken ct)
    {
        var rule = await ManagesRuleAsync(ct);
        return IsSecretariat && await db.Tasks.Where(t => t.Id == taskId).AnyAsync(rule, ct);
    }

    /// <summary><see cref="ManagesPlanOfTaskAsync"/> as a condition on a task (see <see cref="LeadRuleAsync"/>).</summary>
    public async Task<Expression<Func<PlanTask, bool>>> ManagesRuleAsync(CancellationToken ct)
    {
        var me = await Load(ct);
        if (!IsSecretariat) return _ => false;
        var provinceId = me.ProvinceId;
        return t => t.Plan.ProvinceId == provinceId;
    }

    public async Task<bool> ManagesProvinceAsync(long? provinceId, CancellationToken ct) =>
        IsSecretariat && provinceId is not null && (await Load(ct)).ProvinceId == provinceId;

    /// <param name="whatVi">What was refused, in Vietnamese ("Bạn không được {whatVi}.").</param>
    /// <param name="whatEn">The same in English ("You may not {whatEn}.").</param>
    public async Task DemandAsync(Task<bool> check, string whatVi, string whatEn)
    {
        if (!await check) throw new ForbiddenException(Wording.Pick($"Bạn không được {whatVi}.", $"You may not {whatEn}."));
    }

    /// <summary>
    /// The account as the session check and the access rules both need it, in one read (issue 17:
    /// the stamp check, the user row and the steering assignments were three round trips per request).
    /// </summary>
    public sealed record Account(string? SecurityStamp, DateTimeOffset? LockoutEnd, long? AgencyId, string? AgencyName, long? ProvinceId,
        List<long> Overseen, List<long> Groups);

    // Both lists are short (a steering member's dozen agencies, an agency's two or three groups) and almost
    // never both non-empty, so one statement joining both costs less than a second round trip.
    public static Task<Account?> ReadAccountAsync(PlanTrackerDbContext db, long userId, CancellationToken ct) =>
        db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new Account(u.SecurityStamp, u.LockoutEnd, u.AgencyId,
                u.Agency == null ? null : u.Agency.ShortName ?? u.Agency.Name,
                u.Agency == null ? null : u.Agency.ProvinceId,
                db.SteeringAssignments.Where(s => s.UserId == u.Id).Select(s => s.AgencyId).ToList(),
                db.Set<AgencyGroupMember>().Where(m => m.MemberId == u.AgencyId).Select(m => m.GroupId).ToList()))
            .AsSingleQuery()
            .FirstOrDefaultAsync(ct);

    /// <summary>
    /// Keeps the account the request's session check has just read, so that the rules do not read it
    /// again; ignored unless it is the signed-in user's.
    /// </summary>
    public void Remember(long userId, Account account)
    {
        if (_snapshot is null && user.UserId == userId) _snapshot = From(userId, account);
    }

    private async Task<Snapshot> Load(CancellationToken ct)
    {
        if (_snapshot is not null) return _snapshot;
        var id = UserId;
        var account = await ReadAccountAsync(db, id, ct)
            ?? throw new ForbiddenException(Wording.Pick("Tài khoản của bạn không còn tồn tại.", "Your account no longer exists."));
        return _snapshot = From(id, account);
    }

    private Snapshot From(long id, Account account)
    {
        // A token issued before the account was deactivated must not keep working.
        if (account.LockoutEnd is { } until && until > (time ?? TimeProvider.System).GetUtcNow())
            throw new ForbiddenException(Wording.Pick("Tài khoản của bạn đã bị vô hiệu hoá hoặc tạm khoá.", "Your account is deactivated or locked."));
        return new Snapshot(id, account.AgencyId, account.AgencyName, account.ProvinceId, [.. account.Overseen], account.Groups);
    }
}
