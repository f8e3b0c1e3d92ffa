using MediatR;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Drafting;

/// <summary>The secretariat drops a proposed item that is no task (with the items under it).</summary>
public static class DropDraftItem
{
    public sealed record Command(long DraftId, int Version, string ItemId) : IRequest<int>, ITransactionalCommand;

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, TimeProvider time) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command c, CancellationToken ct)
        {
            var (draft, proposal) = await DraftWorkspace.OpenAsync(db, access, c.DraftId, c.Version, ct);
            var item = DraftWorkspace.Item(proposal, c.ItemId);
            var dropped = new HashSet<string> { item.Id };
            foreach (var i in proposal.Items)
                if (i.ParentId is { } p && dropped.Contains(p)) dropped.Add(i.Id);
            proposal.Items.RemoveAll(i => dropped.Contains(i.Id));
            return await DraftWorkspace.SaveAsync(db, draft, proposal, time, ct);
        }
    }
}
