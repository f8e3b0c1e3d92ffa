using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Audit;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Plans;

/// <summary>
/// The secretariat deletes a task entered by mistake, with its sub-tasks. A task that already
/// has progress, evidence or an extension request is history: it is cancelled by decision instead.
/// </summary>
public static class DeleteTask
{
    public sealed record Command(long TaskId, int Version) : IRequest<int>, ITransactionalCommand;

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, TimeProvider time) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command c, CancellationToken ct)
        {
            var (plan, task) = await PlanEditing.LoadForEditAsync(db, access, c.TaskId, c.Version, ct);
            var doomed = Subtree(plan, task).ToList();
            var ids = doomed.Select(t => t.Id).ToList();
            if (await db.ProgressUpdates.AnyAsync(p => ids.Contains(p.TaskId), ct) || await db.Set<Evidence>().AnyAsync(e => ids.Contains(e.TaskId), ct)
                || await db.ExtensionRequests.AnyAsync(e => ids.Contains(e.TaskId), ct))
                throw new RuleViolationException("taskId", Wording.Pick($"'{task.Code}' đã có kết quả được báo cáo; chỉ có thể hủy bằng quyết định, không thể xóa.", $"'{task.Code}' already has reported work; it can be cancelled by decision but not deleted."));
            foreach (var t in doomed.AsEnumerable().Reverse()) plan.RemoveTask(t);
            db.Tasks.RemoveRange(doomed);
            db.Record(time.GetUtcNow(), access.UserId, "task.deleted", nameof(Plan), plan.Id, new { task.Code, task.Title, Count = doomed.Count }, null);
            await db.SaveChangesAsync(ct);
            return doomed.Count;
        }

        private static IEnumerable<PlanTask> Subtree(Plan plan, PlanTask root) =>
            plan.Tasks.Where(t => t.Parent == root).SelectMany(child => Subtree(plan, child)).Prepend(root);
    }
}
