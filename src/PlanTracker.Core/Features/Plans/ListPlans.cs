using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Plans;

public static class ListPlans
{
    /// <summary>Every readable plan (the API and the pages' plan-name lookups).</summary>
    public sealed record Query : IRequest<IReadOnlyList<PlanSummary>>;

    /// <summary>One page of the plans list, paged by the database.</summary>
    public sealed record PageQuery(int Page = 1, int PageSize = 50) : IRequest<Paged<PlanSummary>>;

    public sealed record PlanSummary(long Id, string Key, string Title, string? DocumentNumber, DocumentKind DocumentKind,
        string DocumentTitle, string Issuer, DateOnly? IssuedOn, int TaskCount, IReadOnlyDictionary<Timeliness, int> ByTimeliness);

    private sealed record Row(long Id, string Key, string Title, string? Number, DocumentKind Kind, string DocumentTitle, string Issuer, DateOnly? IssuedOn);

    public sealed class Handler(PlanTrackerDbContext db, ProvinceClock clock, AccessContext access)
        : IRequestHandler<Query, IReadOnlyList<PlanSummary>>, IRequestHandler<PageQuery, Paged<PlanSummary>>
    {
        public async Task<IReadOnlyList<PlanSummary>> Handle(Query q, CancellationToken ct)
        {
            var scope = await access.ReadScopeAsync(db, ct);
            return await Summarise(scope, await Rows(scope).ToListAsync(ct), ct);
        }

        public async Task<Paged<PlanSummary>> Handle(PageQuery q, CancellationToken ct)
        {
            var scope = await access.ReadScopeAsync(db, ct);
            var page = await Rows(scope).ToPagedAsync(q.Page, q.PageSize, ct);
            return new Paged<PlanSummary>(await Summarise(scope, page.Items, ct), page.Page, page.PageSize, page.Total);
        }

        // Ends on the id so that plans of one day and title keep their place between pages.
        private IQueryable<Row> Rows(ReadScope scope) => db.Plans.AsNoTracking().Readable(scope, db)
            .OrderBy(p => p.Document.IssuedOn).ThenBy(p => p.Title).ThenBy(p => p.Id)
            .Select(p => new Row(p.Id, p.Key, p.Title, p.Document.Number, p.Document.Kind, p.Document.Title, p.Document.Issuer, p.Document.IssuedOn));

        private async Task<IReadOnlyList<PlanSummary>> Summarise(ReadScope scope, IReadOnlyList<Row> plans, CancellationToken ct)
        {
            var today = clock.Today;
            var ids = plans.Select(p => p.Id).ToList();
            // Counted by the database, grouped by the SQL timeliness function, for the plans shown only.
            var counts = await db.Tasks.AsNoTracking().Readable(scope, db).Where(t => !t.IsGroup && ids.Contains(t.PlanId))
                .GroupBy(t => new
                {
                    t.PlanId,
                    Timeliness = PlanTrackerDbContext.TaskTimeliness(t.Status, t.CompletedOn, t.Deadline.Kind, t.ExtendedDueOn ?? t.Deadline.DueOn, today),
                })
                .Select(g => new { g.Key.PlanId, g.Key.Timeliness, Count = g.Count() })
                .ToListAsync(ct);
            return plans.Select(p =>
            {
                var byTimeliness = counts.Where(c => c.PlanId == p.Id).ToDictionary(c => Enum.Parse<Timeliness>(c.Timeliness), c => c.Count);
                return new PlanSummary(p.Id, p.Key, p.Title, p.Number, p.Kind, p.DocumentTitle, p.Issuer, p.IssuedOn,
                    byTimeliness.Values.Sum(), byTimeliness);
            }).ToList();
        }
    }
}
