using MediatR;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Drafting;

/// <summary>The parent tasks the secretariat may link a draft's items to in review (same rules as the reader's proposals).</summary>
public static class ListDraftLinkChoices
{
    public sealed record Query(long DraftId) : IRequest<IReadOnlyList<DraftParentTasks.TaskChoice>>;

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access) : IRequestHandler<Query, IReadOnlyList<DraftParentTasks.TaskChoice>>
    {
        public async Task<IReadOnlyList<DraftParentTasks.TaskChoice>> Handle(Query q, CancellationToken ct)
        {
            var (draft, proposal) = await DraftWorkspace.OpenAsync(db, access, q.DraftId, null, ct, forEditing: false);
            return await DraftParentTasks.LoadAsync(db, proposal, draft.ProvinceId, ct);
        }
    }
}
