using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Plans;

public static class ListPlans
{
    public sealed record Query : IRequest<IReadOnlyList<PlanSummary>>;

    public sealed record PlanSummary(long Id, string Key, string Title, string? DocumentNumber, DocumentKind DocumentKind,
        string DocumentTitle, string Issuer, DateOnly? IssuedOn, int TaskCount, IReadOnlyDictionary<Timeliness, int> ByTimeliness);

    public sealed class Handler(PlanTrackerDbContext db, ProvinceClock clock, AccessContext access) : IRequestHandler<Query, IReadOnlyList<PlanSummary>>
    {
        public async Task<IReadOnlyList<PlanSummary>> Handle(Query q, CancellationToken ct)
        {
            var today = clock.Today;
            var scope = await access.ReadScopeAsync(db, ct);
            // Counted by the database, grouped by the SQL timeliness function.
            var counts = await db.Tasks.AsNoTracking().Readable(scope, db).Where(t => !t.IsGroup)
                .GroupBy(t => new
                {
                    t.PlanId,
                    Timeliness = PlanTrackerDbContext.TaskTimeliness(t.Status, t.CompletedOn, t.Deadline.Kind, t.ExtendedDueOn ?? t.Deadline.DueOn, today),
                })
                .Select(g => new { g.Key.PlanId, g.Key.Timeliness, Count = g.Count() })
                .ToListAsync(ct);
            var plans = await db.Plans.AsNoTracking().Readable(scope, db)
                .OrderBy(p => p.Document.IssuedOn).ThenBy(p => p.Title)
                .Select(p => new { p.Id, p.Key, p.Title, p.Document.Number, p.Document.Kind, DocumentTitle = p.Document.Title, p.Document.Issuer, p.Document.IssuedOn })
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
