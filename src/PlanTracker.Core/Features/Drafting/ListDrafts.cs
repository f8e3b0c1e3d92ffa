using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Drafting;

/// <summary>The drafts of the secretariat's province, newest first.</summary>
public static class ListDrafts
{
    public sealed record Query : IRequest<IReadOnlyList<Item>>;

    public sealed record Item(long Id, string SourceName, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long? ConfirmedPlanId);

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access) : IRequestHandler<Query, IReadOnlyList<Item>>
    {
        public async Task<IReadOnlyList<Item>> Handle(Query q, CancellationToken ct)
        {
            var provinceId = await access.SecretariatProvinceAsync(db, ct);
            return await db.Set<DocumentDraft>().AsNoTracking().Where(d => d.ProvinceId == provinceId)
                .OrderByDescending(d => d.UpdatedAt)
                .Select(d => new Item(d.Id, d.SourceName, d.CreatedAt, d.UpdatedAt, d.ConfirmedPlanId))
                .ToListAsync(ct);
        }
    }
}
