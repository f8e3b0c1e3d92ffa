using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Audit;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Features.AgencyWork;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Progress;

/// <summary>
/// The step beside <see cref="RecordProgress"/> (decision 0028): where the agency's head asked to approve
/// progress first, an officer's report is kept as a submission for the head instead of changing the task.
/// Everything else (the head, a deputy, the secretariat, an agency that publishes directly) goes on as before.
/// </summary>
public static class ProgressApproval
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <returns>The held report as the command's result, or null when the progress publishes directly.</returns>
    public static async Task<RecordProgress.Result?> HoldAsync(PlanTrackerDbContext db, AccessContext access, AgencyWorkAccess work,
        TimeProvider time, PlanTask task, RecordProgress.Command c, DateOnly today, bool agencyAsksApproval, CancellationToken ct)
    {
        if (!await work.ProgressWaitsForApprovalAsync(agencyAsksApproval, ct)) return null;
        var agency = (await access.AgencyAsync(ct))!.Value;
        if (await db.ProgressSubmissions.AnyAsync(s => s.TaskId == task.Id && s.State == SubmissionState.Pending, ct))
            throw new RuleViolationException("taskId", Wording.Pick(
                $"Nhiệm vụ '{task.Code}' đã có một báo cáo tiến độ đang chờ lãnh đạo duyệt.", $"Task '{task.Code}' already has a progress report waiting for approval."));
        var now = time.GetUtcNow();
        var me = access.UserId;
        var name = await db.NameOfAsync(me, ct);
        var submission = new ProgressSubmission(task.Id, agency.Id, me, name, now, c.Status, c.PercentComplete, c.Note, c.CompletedOn,
            JsonSerializer.Serialize(c.TargetActuals ?? [], Json));
        db.ProgressSubmissions.Add(submission);
        db.Record(now, me, "progress.submitted", nameof(PlanTask), task.Id, null, new { c.Status, c.PercentComplete, c.Note, c.CompletedOn });
        db.NotifyUsers(await work.DirectorsOf(agency.Id).ToListAsync(ct), me, NotificationKind.ProgressSubmitted, task, name, c.Note, now);
        await db.SaveChangesAsync(ct);
        return new RecordProgress.Result(task.Id, task.Version, task.TimelinessOn(today), 0, submission.Id);
    }

    public static IReadOnlyList<RecordProgress.TargetActualInput> Actuals(ProgressSubmission s) =>
        JsonSerializer.Deserialize<List<RecordProgress.TargetActualInput>>(s.TargetActuals, Json) ?? [];
}
