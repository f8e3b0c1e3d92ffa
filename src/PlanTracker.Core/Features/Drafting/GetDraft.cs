using MediatR;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Drafting;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Drafting;

/// <summary>A draft under review: its (normalised) source text, which the proposal's spans index, and the proposal.</summary>
public static class GetDraft
{
    public sealed record Query(long DraftId) : IRequest<Result>;

    public sealed record Result(long Id, int Version, string SourceName, string SourceText, Proposal Proposal,
        DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long? ConfirmedPlanId, long ProvinceId);

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query q, CancellationToken ct)
        {
            var (draft, proposal) = await DraftWorkspace.OpenAsync(db, access, q.DraftId, null, ct, forEditing: false);
            return new Result(draft.Id, draft.Version, draft.SourceName, draft.SourceText, proposal, draft.CreatedAt, draft.UpdatedAt, draft.ConfirmedPlanId, draft.ProvinceId);
        }
    }
}
