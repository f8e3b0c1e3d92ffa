using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Common;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Authorization;

public static class SecretariatScope
{
    /// <summary>The province whose secretariat the current user belongs to; refuses everyone else.</summary>
    public static async Task<long> SecretariatProvinceAsync(this AccessContext access, PlanTrackerDbContext db, CancellationToken ct)
    {
        if (!access.IsSecretariat) throw new ForbiddenException(Wording.Pick("Chỉ cơ quan thường trực được làm việc này.", "Only the secretariat (cơ quan thường trực) may do this."));
        // The province of the user's agency, as the request's account read has it (issue 17: no second read).
        return await access.ProvinceIdAsync(ct)
            ?? throw new ForbiddenException(Wording.Pick("Tài khoản của bạn không thuộc cơ quan thường trực của tỉnh nào.", "Your account belongs to no province's secretariat."));
    }

    /// <summary>
    /// Refuses (403) a change to another province's agency: a refusal, not a mistake in the input, so it
    /// is not the 400 an unknown or dissolved agency of one's own province gets.
    /// </summary>
    public static async Task DemandNoOtherProvincesAgencyAsync(this PlanTrackerDbContext db, long provinceId, IEnumerable<long> agencyIds, CancellationToken ct)
    {
        var ids = agencyIds.ToList();
        if (await db.Agencies.AnyAsync(a => ids.Contains(a.Id) && a.ProvinceId != provinceId, ct))
            throw new ForbiddenException(Wording.Pick("Cơ quan thường trực chỉ sắp xếp lại các cơ quan của tỉnh mình.", "The secretariat reorganises its own province's agencies only."));
    }
}
