using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.AgencyWork;

/// <summary>A task's thread, oldest first, with who may be mentioned when the user may write.</summary>
public static class ListTaskComments
{
    public sealed record Query(long TaskId) : IRequest<Result>;

    public sealed record Item(long Id, string Author, string? Agency, string Body, DateTimeOffset At);

    public sealed record Result(IReadOnlyList<Item> Items, bool CanWrite, IReadOnlyList<ListTaskAssignments.Person> Mentionable);

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query q, CancellationToken ct)
        {
            if (!await db.Tasks.AnyAsync(t => t.Id == q.TaskId, ct))
                throw new NotFoundException(Wording.Pick($"Không có nhiệm vụ {q.TaskId}.", $"Task {q.TaskId} does not exist."));
            if (!await access.MayReadEvidenceAsync(q.TaskId, db, ct))
                throw new ForbiddenException(Wording.Pick("Chỉ các cơ quan của nhiệm vụ, người theo dõi các cơ quan đó và cơ quan thường trực của tỉnh được xem trao đổi.",
                    "The thread is read by the task's agencies, their overseers and the province's secretariat only."));
            var items = await db.TaskComments.AsNoTracking().Where(c => c.TaskId == q.TaskId).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
                .Take(500).Select(c => new Item(c.Id, c.AuthorName, c.AgencyName, c.Body, c.CreatedAt)).ToListAsync(ct);
            var canWrite = await TaskThread.MayWriteAsync(access, q.TaskId, ct);
            var mentionable = canWrite
                ? await TaskThread.Participants(db, q.TaskId).OrderBy(u => u.DisplayName).ThenBy(u => u.Id)
                    .Select(u => new ListTaskAssignments.Person(u.Id, u.DisplayName, u.Email!)).Take(200).ToListAsync(ct)
                : [];
            return new Result(items, canWrite, mentionable);
        }
    }
}
