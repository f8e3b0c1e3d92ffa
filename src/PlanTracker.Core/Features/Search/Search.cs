using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Common;
using PlanTracker.Core.Features.Tasks;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Search;

/// <summary>
/// Accent-insensitive phrase search over documents and tasks ("chu ky so" finds "chữ ký số", not
/// every title holding "chủ", "kỳ" and "sở"). Text that names a document ("36a") also finds the
/// tasks of the plans made from it or from documents implementing it.
/// </summary>
public static class Search
{
    /// <summary>Limit documents, and a page of Limit tasks (the tasks are the list that grows).</summary>
    public sealed record Query(string Text, int Limit = 50, int Page = 1) : IRequest<Result>;

    public sealed record DocumentHit(long Id, string? Number, string Title, string Issuer);

    public sealed record Result(IReadOnlyList<DocumentHit> Documents, IReadOnlyList<TaskView> Tasks, int TasksTotal = 0);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Text).NotEmpty().MinimumLength(2).MaximumLength(200);
            RuleFor(q => q.Limit).InclusiveBetween(1, 200);
        }
    }

    public sealed class Handler(PlanTrackerDbContext primary, LaggingReads reads, ProvinceClock clock, Authorization.AccessContext access) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query q, CancellationToken ct)
        {
            var phrase = string.Join(' ', TextKey.Unaccent(q.Text).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            var pattern = "%" + phrase.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";

            // Who reads what is the primary's word; the hits may lag by seconds (the replica, when there is one).
            var scope = await Authorization.ReadScopes.ReadScopeAsync(access, primary, ct);
            return await reads.RunAsync(db => FindAsync(db, q, scope, pattern, ct), ct);
        }

        private async Task<Result> FindAsync(PlanTrackerDbContext db, Query q, Authorization.ReadScope scope, string pattern, CancellationToken ct)
        {
            var readablePlans = Authorization.ReadScopes.Readable(db.Plans, scope, db);
            var provinces = scope.Provinces;
            var documents = db.Documents.AsNoTracking().Where(d => scope.Everything || d.ProvinceId == null || provinces.Contains(d.ProvinceId.Value)
                || readablePlans.Any(p => p.DocumentId == d.Id));
            documents = documents.Where(d =>
                EF.Functions.Like(PlanTrackerDbContext.Unaccent(d.Title.ToLower()), pattern)
                || (d.Number != null && EF.Functions.Like(PlanTrackerDbContext.Unaccent(d.Number.ToLower()), pattern)));
            var documentHits = await documents.OrderByDescending(d => d.IssuedOn).Take(q.Limit)
                .Select(d => new DocumentHit(d.Id, d.Number, d.Title, d.Issuer)).ToListAsync(ct);
            var documentIds = documentHits.Select(d => d.Id).ToList();

            var tasks = Authorization.ReadScopes.Readable(db.Tasks.AsNoTracking(), scope, db).Where(t => !t.IsGroup && (
                EF.Functions.Like(PlanTrackerDbContext.Unaccent(t.Title.ToLower()), pattern)
                || documentIds.Contains(t.Plan.DocumentId)
                || t.Plan.Document.Implements.Any(l => documentIds.Contains(l.ImplementedId))));
            // Counted and cut by the database; the id last keeps the order stable between pages.
            var tasksTotal = await tasks.CountAsync(ct);
            var taskHits = await tasks.OrderBy(t => t.PlanId).ThenBy(t => t.SortOrder).ThenBy(t => t.Id)
                .Skip((Math.Max(1, q.Page) - 1) * q.Limit).Take(q.Limit)
                .Project(clock.Today).AsSplitQuery().ToListAsync(ct);
            return new Result(documentHits, taskHits, tasksTotal);
        }
    }
}
