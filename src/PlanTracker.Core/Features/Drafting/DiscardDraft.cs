using MediatR;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Drafting;

/// <summary>The secretariat throws a draft away; a confirmed plan stays as it is.</summary>
public static class DiscardDraft
{
    public sealed record Command(long DraftId) : IRequest<Unit>, ITransactionalCommand;

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command c, CancellationToken ct)
        {
            var (draft, _) = await DraftWorkspace.OpenAsync(db, access, c.DraftId, null, ct, forEditing: false);
            db.Remove(draft);
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
