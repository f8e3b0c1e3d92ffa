using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Audit;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Seeding;

/// <summary>
/// Demonstration data for the demo accounts only (decision 0028): Sở Nội vụ's head asks to approve
/// progress, has handed task III.5.d of the Vĩnh Phúc 36a plan to the demo officer with directions, and
/// has the officer's progress report waiting. The directions and the report are marked as demonstration;
/// they quote no document. Loaded once: a database with any assignment is left alone.
/// </summary>
public sealed class DemoAgencyWork(PlanTrackerDbContext db, TimeProvider time, ProvinceClock clock)
{
    public const string Officer = "canbo.noivu@plantracker.local";
    public const string Head = "giamdoc.noivu@plantracker.local";
    public const string TaskPlan = "vinh-phuc/kh-36a";
    public const string TaskCode = "III.5.d";

    public async Task<bool> LoadAsync(CancellationToken ct = default)
    {
        if (await db.TaskAssignments.AnyAsync(ct)) return false;
        var officer = await db.Users.SingleOrDefaultAsync(u => u.Email == Officer, ct);
        var head = await db.Users.SingleOrDefaultAsync(u => u.Email == Head, ct);
        var task = await db.Tasks.AsNoTracking().SingleOrDefaultAsync(t => t.Plan.Key == TaskPlan && t.Code == TaskCode, ct);
        if (officer?.AgencyId is not { } agencyId || head is null || task is null) return false;

        var now = time.GetUtcNow();
        var settings = await db.AgencySettings.SingleOrDefaultAsync(s => s.AgencyId == agencyId, ct);
        if (settings is null) db.AgencySettings.Add(settings = new AgencySettings(agencyId));
        settings.Change(progressNeedsApproval: true, head.Id, now);

        var directions = "Đồng chí chủ trì rà soát, dự thảo lộ trình và danh mục thủ tục hành chính cung cấp trực tuyến mức độ 3, 4; "
            + "lấy ý kiến Sở Thông tin và Truyền thông; báo cáo lãnh đạo Sở trước hạn. (Dữ liệu minh họa)";
        var assignment = new TaskAssignment(task.Id, agencyId, officer.Id);
        assignment.Give(clock.Today.AddDays(30), directions, head.Id, head.DisplayName, now);
        db.TaskAssignments.Add(assignment);
        db.Record(now, head.Id, "task.assigned", nameof(PlanTask), task.Id, null, new { AssigneeUserId = officer.Id, assignment.DueOn, directions });
        db.Notifications.Add(new Notification(officer.Id, NotificationKind.Assigned, task.Id, task.Code, head.DisplayName, directions, now));

        var note = "Đã rà soát 120 thủ tục hành chính, dự thảo danh mục 45 thủ tục đưa lên mức độ 3, 4; đang lấy ý kiến các sở. (Dữ liệu minh họa)";
        db.ProgressSubmissions.Add(new ProgressSubmission(task.Id, agencyId, officer.Id, officer.DisplayName, now, PlanTaskStatus.InProgress, 40, note, null, "[]"));
        db.Record(now, officer.Id, "progress.submitted", nameof(PlanTask), task.Id, null, new { Status = PlanTaskStatus.InProgress, PercentComplete = 40, Note = note });
        db.Notifications.Add(new Notification(head.Id, NotificationKind.ProgressSubmitted, task.Id, task.Code, officer.DisplayName, note, now));
        await db.SaveChangesAsync(ct);
        return true;
    }
}
