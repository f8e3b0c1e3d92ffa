using MediatR;
using PlanTracker.Core.Features.AgencyWork;
using PlanTracker.Core.Features.Notifications;
using PlanTracker.Core.Features.Progress;

namespace PlanTracker.Web.Api;

/// <summary>Inside the agency (decision 0028): assignments, the approval step, task threads and the bell. Adapters only.</summary>
public static class AgencyWorkApi
{
    public sealed record AssignBody(IReadOnlyList<long>? AssigneeUserIds, DateOnly DueOn, string? Directions);
    public sealed record SettingsBody(bool ProgressNeedsApproval, IReadOnlyList<long>? DeputyUserIds, int Version);
    public sealed record ProgressDecisionBody(bool Approve, string? Comment, int? Version);
    public sealed record CommentBody(string? Message, IReadOnlyList<long>? MentionUserIds);
    public sealed record ReadBody(IReadOnlyList<long>? Ids, bool Unread = false);

    public static void MapAgencyWorkApi(this RouteGroupBuilder api)
    {
        api.MapPost("/tasks/{id:long}/assignments", async (long id, AssignBody body, IMediator m, CancellationToken ct) =>
            Results.Ok(await m.Send(new AssignTask.Command(id, body.AssigneeUserIds ?? [], body.DueOn, body.Directions ?? ""), ct)));
        api.MapGet("/tasks/{id:long}/assignments", async (long id, IMediator m, CancellationToken ct) =>
            Results.Ok(await m.Send(new ListTaskAssignments.Query(id), ct)));
        api.MapGet("/my/assignments", async (int? page, int? pageSize, IMediator m, CancellationToken ct) =>
            Results.Ok(await m.Send(new ListMyAssignments.Query(page ?? 1, pageSize ?? 50), ct)));

        api.MapGet("/my/agency/settings", async (IMediator m, CancellationToken ct) => Results.Ok(await m.Send(new GetAgencySettings.Query(), ct)));
        api.MapPut("/my/agency/settings", async (SettingsBody body, IMediator m, CancellationToken ct) =>
            Results.Ok(new { version = await m.Send(new ChangeAgencySettings.Command(body.ProgressNeedsApproval, body.DeputyUserIds, body.Version), ct) }));

        api.MapGet("/my/progress-submissions", async (long? taskId, int? page, int? pageSize, IMediator m, CancellationToken ct) =>
            Results.Ok(await m.Send(new ListProgressSubmissions.Query(taskId, page ?? 1, pageSize ?? 50), ct)));
        api.MapPost("/progress-submissions/{id:long}/decision", async (long id, ProgressDecisionBody body, IMediator m, CancellationToken ct) =>
            Results.Ok(await m.Send(new DecideProgress.Command(id, body.Approve, body.Comment, body.Version), ct)));

        api.MapGet("/tasks/{id:long}/comments", async (long id, IMediator m, CancellationToken ct) =>
            Results.Ok(await m.Send(new ListTaskComments.Query(id), ct)));
        api.MapPost("/tasks/{id:long}/comments", async (long id, CommentBody body, IMediator m, CancellationToken ct) =>
            Results.Created((string?)null, new { id = await m.Send(new AddTaskComment.Command(id, body.Message ?? "", body.MentionUserIds), ct) }));

        api.MapGet("/me/notifications", async (bool? unreadOnly, int? page, int? pageSize, IMediator m, CancellationToken ct) =>
            Results.Ok(await m.Send(new ListNotifications.Query(unreadOnly ?? false, page ?? 1, pageSize ?? 50), ct)));
        api.MapPost("/me/notifications/read", async (ReadBody body, IMediator m, CancellationToken ct) =>
            Results.Ok(new { changed = await m.Send(new MarkNotificationsRead.Command(body.Ids, body.Unread), ct) }));
    }
}
