using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Audit;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.AgencyWork;

/// <summary>A message in the task's thread; each person mentioned (who must take part in the thread) gets a notification.</summary>
public static class AddTaskComment
{
    public sealed record Command(long TaskId, [MultiLine] string Message, IReadOnlyList<long>? MentionUserIds = null) : IRequest<long>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Message).NotEmpty().MaximumLength(4000);
            RuleFor(c => c.MentionUserIds).Must(ids => ids is null || ids.Count <= 20)
                .WithMessage(_ => Wording.Pick("Nhắc tên: nhiều nhất 20 người.", "Mentions: at most 20 people."));
        }
    }

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, TimeProvider time) : IRequestHandler<Command, long>
    {
        public async Task<long> Handle(Command c, CancellationToken ct)
        {
            var task = await db.Tasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == c.TaskId, ct)
                ?? throw new NotFoundException(Wording.Pick($"Không có nhiệm vụ {c.TaskId}.", $"Task {c.TaskId} does not exist."));
            await access.DemandAsync(TaskThread.MayWriteAsync(access, task.Id, ct),
                $"trao đổi về nhiệm vụ '{task.Code}' (chỉ các cơ quan của nhiệm vụ và cơ quan thường trực)",
                $"comment on task '{task.Code}' (only its agencies and the secretariat may)");
            var mentions = (c.MentionUserIds ?? []).Distinct().ToList();
            var allowed = await TaskThread.Participants(db, task.Id).Where(u => mentions.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct);
            foreach (var (id, i) in (c.MentionUserIds ?? []).Select((x, i) => (x, i)))
                if (!allowed.Contains(id))
                    throw new RuleViolationException($"mentionUserIds[{i}]", Wording.Pick(
                        $"Nhắc tên: tài khoản {id} không tham gia trao đổi về nhiệm vụ '{task.Code}'.",
                        $"Mentions: account {id} does not take part in task '{task.Code}'."));

            var now = time.GetUtcNow();
            var me = access.UserId;
            var name = await db.NameOfAsync(me, ct);
            var comment = new TaskComment(task.Id, me, name, (await access.AgencyAsync(ct))?.Name, c.Message, now);
            db.TaskComments.Add(comment);
            db.Record(now, me, "task.comment", nameof(PlanTask), task.Id, null, new { c.Message, Mentions = mentions });
            db.NotifyUsers(mentions, me, NotificationKind.Mentioned, task, name, c.Message, now);
            await db.SaveChangesAsync(ct);
            return comment.Id;
        }
    }
}
