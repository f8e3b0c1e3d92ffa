using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Dashboard;

public static class DashboardAccess
{
    /// <summary>
    /// The dashboard is the oversight view: steering committee members (the chair among them), the
    /// secretariat that serves them, and administrators. It shows every agency's reporting record,
    /// which agencies do not see of each other.
    /// </summary>
    public static void Demand(AccessContext access)
    {
        _ = access.UserId;
        if (!(access.IsSteeringMember || access.IsSecretariat || access.IsAdmin))
            throw new ForbiddenException(Wording.Pick("Chỉ thành viên Ban Chỉ đạo, thường trực và quản trị viên được xem bảng điều hành.", "Only steering committee members, the secretariat and administrators may open the dashboard."));
    }

    /// <summary>
    /// The filter narrowed to what the user may see (docs/decisions/0013-read-rules.md): a secretariat
    /// its own province's agencies, a steering member the agencies they oversee, an administrator any
    /// (one province when asked). A plan, agency, province or member named outside that is refused,
    /// not silently emptied, so a wrong link says so.
    /// </summary>
    public static async Task<DashboardFilter> ScopeAsync(AccessContext access, PlanTrackerDbContext db, DashboardFilter filter, CancellationToken ct)
    {
        Demand(access);
        if (access.IsAdmin) return filter;
        if (access.IsSecretariat)
        {
            var own = await access.SecretariatProvinceAsync(db, ct);
            if (filter.ProvinceId is { } asked && asked != own) throw new ForbiddenException(Wording.Pick("Thường trực chỉ xem bảng điều hành của tỉnh mình.", "The secretariat sees its own province's dashboard only."));
            filter = filter with { ProvinceId = own };
            if (filter.SteeringMemberId is { } member && !await db.Users.AnyAsync(u => u.Id == member && u.Agency != null && u.Agency.ProvinceId == own, ct))
                throw new ForbiddenException(Wording.Pick("Thành viên Ban Chỉ đạo đó không thuộc tỉnh mình.", "That steering member is not of your province."));
        }
        else
        {
            if (filter.SteeringMemberId is { } member && member != access.UserId)
                throw new ForbiddenException(Wording.Pick("Thành viên Ban Chỉ đạo chỉ xem các cơ quan mình phụ trách.", "A steering member sees the agencies they oversee only."));
            if (filter.ProvinceId is { } asked && !(await access.ReadScopeAsync(db, ct)).Provinces.Contains(asked))
                throw new ForbiddenException(Wording.Pick("Thành viên Ban Chỉ đạo chỉ xem các cơ quan của tỉnh mình.", "A steering member sees their own province's agencies only."));
            filter = filter with { SteeringMemberId = access.UserId };
        }
        if (filter.AgencyId is { } agency && !await filter.Agencies(db).AnyAsync(a => a.Id == agency, ct))
            throw new ForbiddenException(Wording.Pick("Cơ quan đó không thuộc các cơ quan bạn phụ trách.", "That agency is not among those you oversee."));
        var scope = await access.ReadScopeAsync(db, ct);
        if (filter.PlanId is { } plan && !await db.Plans.Readable(scope, db).AnyAsync(p => p.Id == plan, ct))
            throw new ForbiddenException(Wording.Pick("Kế hoạch đó thuộc tỉnh khác.", "That plan belongs to another province."));
        if (filter.DocumentId is { } document && !await db.Plans.Readable(scope, db).AnyAsync(p => p.DocumentId == document, ct))
            throw new ForbiddenException(Wording.Pick("Văn bản đó thuộc tỉnh khác.", "That document belongs to another province."));
        return filter;
    }
}
