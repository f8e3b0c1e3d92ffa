using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.AgencyWork;

/// <summary>
/// Who a task was handed to inside its agencies, with due dates and directions. Read as evidence is
/// (the task's agencies, their overseers, the province's secretariat, administrators): directions are
/// the agencies' working papers, not the plan's public record.
/// </summary>
public static class ListTaskAssignments
{
    public sealed record Query(long TaskId) : IRequest<Result>;

    public sealed record Item(long Id, long AssigneeUserId, string Assignee, string Agency, DateOnly DueOn, string Directions,
        string AssignedBy, DateTimeOffset AssignedAt, int Version);

    /// <param name="CanAssign">The user directs an agency of the task (the page shows the form).</param>
    /// <param name="Assignable">The officers the user may hand the task to (empty unless <paramref name="CanAssign"/>).</param>
    public sealed record Result(IReadOnlyList<Item> Items, bool CanAssign, IReadOnlyList<Person> Assignable);

    public sealed record Person(long Id, string Name, string Email);

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, AgencyWorkAccess work) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query q, CancellationToken ct)
        {
            if (!await db.Tasks.AnyAsync(t => t.Id == q.TaskId, ct))
                throw new NotFoundException(Wording.Pick($"Không có nhiệm vụ {q.TaskId}.", $"Task {q.TaskId} does not exist."));
            if (!await access.MayReadEvidenceAsync(q.TaskId, db, ct))
                throw new ForbiddenException(Wording.Pick("Chỉ các cơ quan của nhiệm vụ, người theo dõi các cơ quan đó và cơ quan thường trực của tỉnh được xem việc giao.",
                    "Assignments are read by the task's agencies, their overseers and the province's secretariat only."));
            var items = await db.TaskAssignments.AsNoTracking().Where(a => a.TaskId == q.TaskId)
                .OrderBy(a => a.DueOn).ThenBy(a => a.Id)
                .Select(a => new Item(a.Id, a.AssigneeUserId,
                    db.Users.Where(u => u.Id == a.AssigneeUserId).Select(u => u.DisplayName).First(),
                    db.Agencies.Where(g => g.Id == a.AgencyId).Select(g => g.ShortName ?? g.Name).First(),
                    a.DueOn, a.Directions, a.AssignedByName, a.AssignedAt, a.Version))
                .ToListAsync(ct);
            var directed = await work.DirectedAgencyAsync(ct);
            var canAssign = directed is { } agencyId && await work.InvolvedInAsync(q.TaskId, ct);
            var assignable = canAssign
                ? await work.StaffOf(directed!.Value).OrderBy(u => u.DisplayName).ThenBy(u => u.Id)
                    .Select(u => new Person(u.Id, u.DisplayName, u.Email!)).ToListAsync(ct)
                : [];
            return new Result(items, canAssign, assignable);
        }
    }
}
