using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Tasks;

/// <summary>What the current user may do on a task: the page shows only those forms (the handlers check again).</summary>
public static class GetTaskPermissions
{
    public sealed record Query(long TaskId) : IRequest<Result>;

    public sealed record PendingExtension(long Id, DateOnly RequestedDueOn, string Reason, int Version = 0);

    public sealed record Result(bool CanRecordProgress, bool CanContribute, bool CanRequestExtension, bool CanDecideExtension,
        PendingExtension? Pending, bool CanEdit, bool CanReadEvidence = false);

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query q, CancellationToken ct)
        {
            await access.DemandReadTaskAsync(db, q.TaskId, ct);
            var leads = await access.LeadsAsync(q.TaskId, ct);
            var manages = await access.ManagesPlanOfTaskAsync(q.TaskId, ct);
            var pending = await db.ExtensionRequests.AsNoTracking()
                .Where(e => e.TaskId == q.TaskId && e.State == ExtensionState.Pending)
                .Select(e => new PendingExtension(e.Id, e.RequestedDueOn, e.Reason, e.Version)).FirstOrDefaultAsync(ct);
            return new Result(leads || manages, await access.CoordinatesAsync(q.TaskId, ct), leads && pending is null, manages, pending, CanEdit: manages,
                CanReadEvidence: await access.MayReadEvidenceAsync(q.TaskId, db, ct));
        }
    }
}
