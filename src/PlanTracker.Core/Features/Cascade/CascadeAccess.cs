using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Cascade;

/// <summary>Who may link plans and who reads the view from above (docs/decisions/0027-cascading-plans.md).</summary>
public static class CascadeAccess
{
    /// <summary>The secretariat of the plan's province links and unlinks; everyone else is refused (403).</summary>
    public static async Task<long> DemandManagesPlanAsync(this AccessContext access, PlanTrackerDbContext db, long planId, CancellationToken ct)
    {
        var province = await access.SecretariatProvinceAsync(db, ct);
        var plan = await db.Plans.Where(p => p.Id == planId).Select(p => new { p.ProvinceId }).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException(Wording.Pick($"Không có kế hoạch {planId}.", $"Plan {planId} does not exist."));
        if (plan.ProvinceId != province)
            throw new ForbiddenException(Wording.Pick("Bạn chỉ liên kết kế hoạch của tỉnh mình.", "You link only your own province's plans."));
        return province;
    }

    /// <summary>
    /// The provinces whose coverage the user sees in the view from above: every province (null) for
    /// administrators, steering members and central bodies (the issuers of national plans); its own for
    /// a province's secretariat; agency staff of a province are refused.
    /// </summary>
    public static async Task<long?> OversightProvinceAsync(this AccessContext access, CancellationToken ct)
    {
        _ = access.UserId;
        if (access.IsAdmin || access.IsSteeringMember) return null;
        var province = await access.ProvinceIdAsync(ct);
        if (access.IsSecretariat && province is not null) return province;
        if (province is null && await access.AgencyIdAsync(ct) is not null) return null;
        throw new ForbiddenException(Wording.Pick(
            "Chỉ cơ quan ban hành, Ban Chỉ đạo và cơ quan thường trực xem được tình hình thực hiện theo tỉnh.",
            "Only the issuing body, the steering committee and the secretariat see how provinces carry out a plan."));
    }

    /// <summary>A plan may be a parent of a province's plan when it is national or of the same province, and not one of its own descendants.</summary>
    public static async Task DemandCanBeParentAsync(PlanTrackerDbContext db, long planId, long parentPlanId, long province, string field, CancellationToken ct)
    {
        if (planId == parentPlanId)
            throw new RuleViolationException(field, Wording.Pick("Kế hoạch không thể thực hiện chính nó.", "A plan cannot implement itself."));
        var parent = await db.Plans.Where(p => p.Id == parentPlanId).Select(p => new { p.ProvinceId }).SingleOrDefaultAsync(ct)
            ?? throw new RuleViolationException(field, Wording.Pick($"Không có kế hoạch {parentPlanId}.", $"Plan {parentPlanId} does not exist."));
        if (parent.ProvinceId is { } p && p != province)
            throw new RuleViolationException(field, Wording.Pick("Kế hoạch cấp trên phải là kế hoạch quốc gia hoặc của tỉnh mình.", "The parent must be a national plan or one of your province's plans."));
        // Parent links go one way: the parent must not already implement this plan, directly or further down.
        var seen = new HashSet<long> { parentPlanId };
        var frontier = new List<long> { parentPlanId };
        while (frontier.Count > 0)
        {
            var next = await db.PlanParents.Where(x => frontier.Contains(x.PlanId)).Select(x => x.ParentPlanId).ToListAsync(ct);
            if (next.Contains(planId))
                throw new RuleViolationException(field, Wording.Pick("Kế hoạch cấp trên đang thực hiện kế hoạch này; liên kết sẽ tạo vòng lặp.", "The parent already implements this plan; the link would make a loop."));
            frontier = next.Where(seen.Add).ToList();
        }
    }
}
