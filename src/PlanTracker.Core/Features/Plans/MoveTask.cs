using System.Text.Json.Serialization;
using MediatR;
using PlanTracker.Core.Audit;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Plans;

/// <summary>The secretariat moves a task under another heading of the same plan (or to the top level).</summary>
public static class MoveTask
{
    public sealed record Command([property: JsonIgnore] long TaskId, int Version, long? NewParentId) : IRequest<int>, ITransactionalCommand;

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, TimeProvider time) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command c, CancellationToken ct)
        {
            var (plan, task) = await PlanEditing.LoadForEditAsync(db, access, c.TaskId, c.Version, ct);
            var parent = c.NewParentId is { } id
                ? plan.Tasks.SingleOrDefault(t => t.Id == id) ?? throw new RuleViolationException("newParentId", Wording.Pick($"Nhiệm vụ {id} không thuộc kế hoạch này.", $"Task {id} is not in this plan."))
                : null;
            var before = new { task.ParentId };
            task.MoveUnder(parent, plan.NextSortOrder);
            db.Record(time.GetUtcNow(), access.UserId, "task.moved", nameof(PlanTask), task.Id, before, new { ParentId = c.NewParentId });
            await db.SaveChangesAsync(ct);
            return task.Version;
        }
    }
}
