using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Authorization;

/// <summary>
/// What a user may read (docs/decisions/0013-read-rules.md): administrators everything; everyone
/// else the plans of their own province (their agency's, or for a steering member the provinces of
/// the agencies they oversee) and plans of no province (national documents); an agency of no province
/// (a central body) the plans holding a task it leads or coordinates. Handlers narrow their queries
/// with it, so a page, the API and a job read the same rows. A plan still in draft ("Dự thảo") is
/// read by administrators and the secretariat only (<see cref="Drafts"/>): it is assigned to no one
/// until it is published (decisions 0008, 0021).
/// </summary>
public sealed record ReadScope(bool Everything, long[] Provinces, long? AgencyId, bool Drafts = false)
{
    public bool Covers(long? provinceId) => Everything || provinceId is null || Provinces.Contains(provinceId.Value);
}

public static class ReadScopes
{
    public static async Task<ReadScope> ReadScopeAsync(this AccessContext access, PlanTrackerDbContext db, CancellationToken ct)
    {
        _ = access.UserId;
        if (access.IsAdmin) return new ReadScope(true, [], null);
        var provinces = new HashSet<long>();
        if (await access.ProvinceIdAsync(ct) is { } own) provinces.Add(own);
        var overseen = await access.OverseenAsync(ct);
        if (overseen.Count > 0)
        {
            var ids = overseen.ToArray();
            foreach (var p in await db.Agencies.Where(a => ids.Contains(a.Id) && a.ProvinceId != null).Select(a => a.ProvinceId!.Value).Distinct().ToListAsync(ct))
                provinces.Add(p);
        }
        return new ReadScope(false, [.. provinces], await access.AgencyIdAsync(ct), Drafts: access.IsSecretariat);
    }

    /// <summary>The plans the scope reads.</summary>
    public static IQueryable<Plan> Readable(this IQueryable<Plan> plans, ReadScope scope, PlanTrackerDbContext db)
    {
        if (scope.Everything) return plans;
        if (!scope.Drafts) plans = plans.Where(p => p.Status == PlanStatus.Published);
        var provinces = scope.Provinces;
        var agency = scope.AgencyId ?? -1;
        return plans.Where(p => p.ProvinceId == null || provinces.Contains(p.ProvinceId.Value)
            || db.Tasks.Any(t => t.PlanId == p.Id && (t.LeadAgencyId == agency || t.CoordinatingAgencies.Any(c => c.AgencyId == agency))));
    }

    /// <summary>The tasks the scope reads: those of a readable plan.</summary>
    public static IQueryable<PlanTask> Readable(this IQueryable<PlanTask> tasks, ReadScope scope, PlanTrackerDbContext db)
    {
        if (scope.Everything) return tasks;
        var readable = db.Plans.Readable(scope, db).Select(p => p.Id);
        return tasks.Where(t => readable.Contains(t.PlanId));
    }

    /// <summary>Refuses (403) a task the user may not read; a task that does not exist is left to the caller (404).</summary>
    public static async Task DemandReadTaskAsync(this AccessContext access, PlanTrackerDbContext db, long taskId, CancellationToken ct)
    {
        var scope = await access.ReadScopeAsync(db, ct);
        if (scope.Everything || !await db.Tasks.AnyAsync(t => t.Id == taskId, ct)) return;
        if (!await db.Tasks.Readable(scope, db).AnyAsync(t => t.Id == taskId, ct))
            throw new ForbiddenException(Wording.Pick("Nhiệm vụ này thuộc kế hoạch của tỉnh khác, hoặc của kế hoạch chưa ban hành.", "This task belongs to another province's plan, or to a plan not yet published."));
    }

    public static async Task DemandReadPlanAsync(this AccessContext access, PlanTrackerDbContext db, long planId, CancellationToken ct)
    {
        var scope = await access.ReadScopeAsync(db, ct);
        if (scope.Everything || !await db.Plans.AnyAsync(p => p.Id == planId, ct)) return;
        if (!await db.Plans.Readable(scope, db).AnyAsync(p => p.Id == planId, ct))
            throw new ForbiddenException(Wording.Pick("Kế hoạch này thuộc tỉnh khác, hoặc chưa ban hành.", "This plan belongs to another province, or is not yet published."));
    }
}
