using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Notifications;

/// <summary>The user's bell: newest first, worded in the reader's language, with the unread count.</summary>
public static class ListNotifications
{
    public sealed record Query(bool UnreadOnly = false, int Page = 1, int PageSize = 50) : IRequest<Result>;

    public sealed record Item(long Id, NotificationKind Kind, long? TaskId, string Text, string? Excerpt, DateTimeOffset At, bool Read);

    public sealed record Result(Paged<Item> Items, int Unread);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
            RuleFor(q => q.PageSize).InclusiveBetween(1, 200);
        }
    }

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query q, CancellationToken ct)
        {
            var me = access.UserId;
            var rows = db.Notifications.AsNoTracking().Where(n => n.UserId == me);
            if (q.UnreadOnly) rows = rows.Where(n => n.ReadAt == null);
            var page = await rows.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).ToPagedAsync(q.Page, q.PageSize, ct);
            var items = page.Items.Select(n => new Item(n.Id, n.Kind, n.TaskId, Text(n), n.Excerpt, n.CreatedAt, n.ReadAt is not null)).ToList();
            var unread = await db.Notifications.CountAsync(n => n.UserId == me && n.ReadAt == null, ct);
            return new Result(new Paged<Item>(items, page.Page, page.PageSize, page.Total), unread);
        }

        private static string Text(Notification n) => n.Kind switch
        {
            NotificationKind.Assigned => Wording.Pick($"{n.ActorName} giao cho bạn nhiệm vụ {n.TaskCode}", $"{n.ActorName} assigned task {n.TaskCode} to you"),
            NotificationKind.ProgressSubmitted => Wording.Pick($"{n.ActorName} gửi báo cáo tiến độ nhiệm vụ {n.TaskCode} chờ duyệt", $"{n.ActorName} sent progress on task {n.TaskCode} for approval"),
            NotificationKind.ProgressApproved => Wording.Pick($"{n.ActorName} đã duyệt báo cáo tiến độ nhiệm vụ {n.TaskCode}", $"{n.ActorName} approved your progress on task {n.TaskCode}"),
            NotificationKind.ProgressReturned => Wording.Pick($"{n.ActorName} trả lại báo cáo tiến độ nhiệm vụ {n.TaskCode}", $"{n.ActorName} returned your progress on task {n.TaskCode}"),
            NotificationKind.Mentioned => Wording.Pick($"{n.ActorName} nhắc đến bạn trong trao đổi về nhiệm vụ {n.TaskCode}", $"{n.ActorName} mentioned you on task {n.TaskCode}"),
            NotificationKind.AssignmentDue => Wording.Pick($"Việc được giao: nhiệm vụ {n.TaskCode} đến hạn xử lý {n.Excerpt}", $"Assigned to you: task {n.TaskCode} is due {n.Excerpt}"),
            _ => n.TaskCode,
        };
    }
}
