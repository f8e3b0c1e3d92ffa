using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Drafting;

/// <summary>The drafts of the secretariat's province, newest first.</summary>
public static class ListDrafts
{
    public sealed record Query : IRequest<IReadOnlyList<Item>>;

    /// <summary>One page of the drafts, paged by the database (the drafts page).</summary>
    public sealed record PageQuery(int Page = 1, int PageSize = 50) : IRequest<Paged<Item>>;

    public sealed record Item(long Id, string SourceName, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long? ConfirmedPlanId);

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access)
        : IRequestHandler<Query, IReadOnlyList<Item>>, IRequestHandler<PageQuery, Paged<Item>>
    {
        public async Task<IReadOnlyList<Item>> Handle(Query q, CancellationToken ct) => await (await Items(ct)).ToListAsync(ct);

        public async Task<Paged<Item>> Handle(PageQuery q, CancellationToken ct) => await (await Items(ct)).ToPagedAsync(q.Page, q.PageSize, ct);

        private async Task<IQueryable<Item>> Items(CancellationToken ct)
        {
            var provinceId = await access.SecretariatProvinceAsync(db, ct);
            return db.Set<DocumentDraft>().AsNoTracking().Where(d => d.ProvinceId == provinceId)
                .OrderByDescending(d => d.UpdatedAt).ThenByDescending(d => d.Id)
                .Select(d => new Item(d.Id, d.SourceName, d.CreatedAt, d.UpdatedAt, d.ConfirmedPlanId));
        }
    }
}
