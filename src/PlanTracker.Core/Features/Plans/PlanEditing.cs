using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Plans;

/// <summary>The checks every edit of a plan's tree starts with: the secretariat of the plan's province, the current version.</summary>
internal static class PlanEditing
{
    public static async Task<(Plan Plan, PlanTask Task)> LoadForEditAsync(PlanTrackerDbContext db, AccessContext access, long taskId, int? version, CancellationToken ct)
    {
        var provinceId = await access.SecretariatProvinceAsync(db, ct);
        var planId = await db.Tasks.Where(t => t.Id == taskId).Select(t => (long?)t.PlanId).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException(Wording.Pick($"Không có nhiệm vụ {taskId}.", $"Task {taskId} does not exist."));
        var plan = await db.Plans.Include(p => p.Tasks).ThenInclude(t => t.Targets)
            .Include(p => p.Tasks).ThenInclude(t => t.CoordinatingAgencies)
            .SingleAsync(p => p.Id == planId, ct);
        if (plan.ProvinceId != provinceId) throw new ForbiddenException(Wording.Pick("Bạn chỉ quản lý kế hoạch của tỉnh mình.", "You manage only your own province's plans."));
        var task = plan.Tasks.Single(t => t.Id == taskId);
        if (version is { } v) await db.EnsureVersionAsync(task, v, ct);
        return (plan, task);
    }
}
