using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Common;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Authorization;

/// <summary>
/// Who reads a task's evidence (files and document numbers; docs/decisions/0013-read-rules.md): the
/// secretariat of the task's province, the staff of the lead and coordinating agencies (a group's
/// members included), steering members overseeing one of those agencies, and administrators. Narrower
/// than reading the task: evidence is the agencies' working papers, not the plan's public record.
/// </summary>
public static class EvidenceAccess
{
    public static async Task<bool> MayReadEvidenceAsync(this AccessContext access, long taskId, PlanTrackerDbContext db, CancellationToken ct)
    {
        if (access.IsAdmin) return true;
        if (await access.ManagesPlanOfTaskAsync(taskId, ct) || await access.LeadsAsync(taskId, ct) || await access.CoordinatesAsync(taskId, ct))
            return true;
        if (!access.IsSteeringMember) return false;
        var overseen = (await access.OverseenAsync(ct)).ToArray();
        if (overseen.Length == 0) return false;
        var assigned = db.Tasks.Where(t => t.Id == taskId && t.LeadAgencyId != null).Select(t => t.LeadAgencyId!.Value)
            .Concat(db.Set<Domain.TaskCoordinatingAgency>().Where(c => c.TaskId == taskId).Select(c => c.AgencyId));
        return await db.Agencies.AnyAsync(a => assigned.Contains(a.Id)
            && (overseen.Contains(a.Id) || a.Members.Any(m => overseen.Contains(m.MemberId))), ct);
    }

    public static async Task DemandReadEvidenceAsync(this AccessContext access, long taskId, PlanTrackerDbContext db, CancellationToken ct)
    {
        if (!await access.MayReadEvidenceAsync(taskId, db, ct))
            throw new ForbiddenException(Wording.Pick("Chỉ các cơ quan của nhiệm vụ, người theo dõi các cơ quan đó và cơ quan thường trực của tỉnh được xem minh chứng.", "Evidence is read by the task's agencies, their overseers and the province's secretariat only."));
    }
}
