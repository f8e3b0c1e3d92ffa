using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;

namespace PlanTracker.Core.Persistence;

/// <summary>
/// Turns what the database refused into what the user can act on (decision 0014): a stale version
/// names who saved first and when (from the audit trail), a unique rule names the field it guards.
/// Vietnamese unless the request's culture is English, like the rest of the UI.
/// </summary>
public static class ConflictMessages
{
    private static bool English => Common.Wording.English;

    /// <summary>Unique indexes and partial unique indexes of migrations/, by name: the field each guards and what it means.</summary>
    private static readonly Dictionary<string, (string Field, string Vi, string En)> UniqueRules = new(StringComparer.Ordinal)
    {
        ["IX_plan_tasks_plan_id_code"] = ("code", "Kế hoạch đã có một nhiệm vụ mang số hiệu này (vừa được người khác lưu).", "This plan already has a task with this number (someone else just saved it)."),
        ["ux_extension_requests_one_pending"] = ("taskId", "Nhiệm vụ này đã có một đề nghị gia hạn đang chờ quyết định.", "This task already has an extension request waiting for a decision."),
        ["IX_period_reports_reporting_period_id_agency_id"] = ("periodId", "Cơ quan đã có báo cáo cho kỳ này (vừa được người khác mở); hãy tải lại và sửa báo cáo đó.", "Your agency already has a report for this period (someone else just opened it); reload it and edit that one."),
        ["EmailIndex"] = ("email", "Đã có tài khoản với địa chỉ e-mail này.", "An account with this e-mail address exists already."),
        ["UserNameIndex"] = ("email", "Đã có tài khoản với địa chỉ e-mail này.", "An account with this e-mail address exists already."),
        ["IX_agencies_key"] = ("key", "Đã có cơ quan mang mã này.", "An agency with this code exists already."),
        ["IX_documents_key"] = ("number", "Văn bản này đã được đăng ký.", "This document is registered already."),
        ["IX_plans_key"] = ("key", "Đã có kế hoạch mang mã này.", "A plan with this code exists already."),
        ["IX_reporting_periods_regime_year_number"] = ("number", "Kỳ báo cáo này đã có.", "This reporting period exists already."),
        ["ux_task_links_task_parent"] = ("parentTaskId", "Nhiệm vụ đã được liên kết với nhiệm vụ cấp trên này (vừa được người khác lưu).", "This task is already linked to that parent task (someone else just saved it)."),
        ["ux_progress_submissions_one_pending"] = ("taskId", "Nhiệm vụ này đã có một báo cáo tiến độ đang chờ lãnh đạo duyệt.", "This task already has a progress report waiting for approval."),
        ["ux_task_assignments_task_user"] = ("assigneeUserIds", "Cán bộ này vừa được người khác giao nhiệm vụ này; hãy tải lại trang.", "Someone else just assigned this task to this officer; reload the page."),
        ["IX_target_actuals_target_id_reporting_period_id"] = ("targetActuals", "Chỉ tiêu đã có số liệu cho kỳ này (vừa được người khác ghi).", "This target already has an actual for the period (someone else just recorded it)."),
    };

    /// <summary>The unique rule a failed save broke, as a <see cref="DuplicateException"/>; null when it was something else.</summary>
    public static DuplicateException? Duplicate(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is not PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } p) continue;
            var name = p.ConstraintName ?? "";
            return UniqueRules.TryGetValue(name, out var rule)
                ? new DuplicateException(rule.Field, English ? rule.En : rule.Vi, exception)
                : new DuplicateException("body", English ? $"A record like this exists already ({name})." : $"Đã có một bản ghi như vậy ({name}).", exception);
        }
        return null;
    }

    /// <summary>
    /// Two transactions that waited on each other (deadlock 40P01) or could not both be serialized (40001):
    /// nothing was saved and the same request may simply be sent again.
    /// </summary>
    public static string? Contention(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure })
                return English ? "Someone else was saving the same records at the same moment; nothing was saved. Try again." : "Người khác đang lưu cùng dữ liệu đúng lúc này; chưa có gì được lưu. Hãy thử lại.";
        return null;
    }

    /// <summary>
    /// "Nhiệm vụ '1.2' vừa được Nguyễn Văn A lưu lúc 09:15 22/11/2026 …": the newest audit event of the
    /// record tells who saved first; without one, the message still says the record changed.
    /// </summary>
    public static async Task<string> StaleAsync(PlanTrackerDbContext db, string what, string entityType, long entityId, CancellationToken ct)
    {
        var last = await db.AuditEvents.AsNoTracking()
            .Where(a => a.EntityType == entityType && a.EntityId == entityId)
            .OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id)
            .Select(a => new { a.OccurredAt, Name = db.Users.Where(u => u.Id == a.UserId).Select(u => u.DisplayName).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        return Stale(what, last?.Name, last?.OccurredAt);
    }

    /// <summary>Refuses a save that names another version than the record has, saying who saved first and when.</summary>
    public static async Task EnsureVersionAsync(this PlanTrackerDbContext db, IVersioned entity, int expected, CancellationToken ct)
    {
        if (entity.Version == expected) return;
        var (what, type, id) = Describe(entity) ?? throw new InvalidOperationException($"{entity.GetType().Name} has no description for conflicts.");
        throw new ConflictException(await StaleAsync(db, what, type, id, ct));
    }

    /// <summary>"The record" in the request's language, for a stale save of nothing <see cref="Describe"/> names.</summary>
    public static string Record => Wording.Pick("Bản ghi", "The record");

    /// <summary>A stale save with no audit trail at hand (Identity's own saves, raw SQL): what changed, not who.</summary>
    public static string Stale(DbUpdateConcurrencyException e) =>
        Stale(e.Entries.Select(x => Describe(x.Entity)?.What).FirstOrDefault(w => w is not null) ?? Record, null, null);

    public static string Stale(string what, string? who, DateTimeOffset? at)
    {
        var when = at is { } t ? TimeZoneInfo.ConvertTime(t, ProvinceClock.Zone).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture) : null;
        if (English)
            return $"{what} was changed by {who ?? "someone else"}{(when is null ? "" : $" at {when}")} after you read it. Reload it and try again.";
        return $"{what} vừa được {who ?? "người khác"} thay đổi{(when is null ? "" : $" lúc {when}")} sau khi bạn mở. Hãy tải lại rồi thử lại.";
    }

    /// <summary>How the user knows the record: its kind and its name or number.</summary>
    public static (string What, string EntityType, long Id)? Describe(object entity) => (entity, English) switch
    {
        (PlanTask t, false) => ($"Nhiệm vụ '{t.Code}'", nameof(PlanTask), t.Id),
        (PlanTask t, true) => ($"Task '{t.Code}'", nameof(PlanTask), t.Id),
        (Agency a, false) => ($"Cơ quan '{a.Name}'", nameof(Agency), a.Id),
        (Agency a, true) => ($"Agency '{a.Name}'", nameof(Agency), a.Id),
        (Plan p, false) => ($"Kế hoạch '{p.Title}'", nameof(Plan), p.Id),
        (Plan p, true) => ($"Plan '{p.Title}'", nameof(Plan), p.Id),
        (PeriodReport r, false) => ("Báo cáo của cơ quan", nameof(PeriodReport), r.Id),
        (PeriodReport r, true) => ("Your agency's report", nameof(PeriodReport), r.Id),
        (AppUser u, false) => ($"Tài khoản {u.Email}", nameof(AppUser), u.Id),
        (AppUser u, true) => ($"Account {u.Email}", nameof(AppUser), u.Id),
        (ExtensionRequest e, false) => ("Đề nghị gia hạn", nameof(PlanTask), e.TaskId),
        (ExtensionRequest e, true) => ("The extension request", nameof(PlanTask), e.TaskId),
        (AgencySettings a, false) => ("Cài đặt của cơ quan", nameof(Agency), a.AgencyId),
        (AgencySettings a, true) => ("The agency's settings", nameof(Agency), a.AgencyId),
        (ProgressSubmission p, false) => ("Báo cáo tiến độ chờ duyệt", nameof(PlanTask), p.TaskId),
        (ProgressSubmission p, true) => ("The progress report", nameof(PlanTask), p.TaskId),
        (TaskAssignment a, false) => ("Việc giao", nameof(PlanTask), a.TaskId),
        (TaskAssignment a, true) => ("The assignment", nameof(PlanTask), a.TaskId),
        (DocumentDraft d, false) => ("Bản dự thảo", nameof(DocumentDraft), d.Id),
        (DocumentDraft d, true) => ("The draft", nameof(DocumentDraft), d.Id),
        _ => null,
    };
}
