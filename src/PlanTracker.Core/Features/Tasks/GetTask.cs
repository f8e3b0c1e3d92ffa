using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Tasks;

public static class GetTask
{
    public sealed record Query(long Id) : IRequest<Result?>;

    public sealed record SourceDocument(long Id, string? Number, DocumentKind Kind, string Issuer, DateOnly? IssuedOn, string Title);

    public sealed record Result(TaskView Task, string? Description, string? ExpectedOutput, string PlanTitle,
        SourceDocument Document, string? ParentCode, string? ParentTitle);

    public sealed class Handler(PlanTrackerDbContext db, ProvinceClock clock, AccessContext access) : IRequestHandler<Query, Result?>
    {
        public async Task<Result?> Handle(Query q, CancellationToken ct)
        {
            await access.DemandReadTaskAsync(db, q.Id, ct);
            var task = await db.Tasks.AsNoTracking().Where(t => t.Id == q.Id).Project(clock.Today).AsSingleQuery().SingleOrDefaultAsync(ct);
            if (task is null) return null;
            var context = await db.Tasks.AsNoTracking().Where(t => t.Id == q.Id)
                .Select(t => new
                {
                    t.Description, t.ExpectedOutput, PlanTitle = t.Plan.Title,
                    Document = new SourceDocument(t.Plan.Document.Id, t.Plan.Document.Number, t.Plan.Document.Kind,
                        t.Plan.Document.Issuer, t.Plan.Document.IssuedOn, t.Plan.Document.Title),
                    ParentCode = t.Parent == null ? null : t.Parent.Code,
                    ParentTitle = t.Parent == null ? null : t.Parent.Title,
                })
                .SingleAsync(ct);
            return new Result(task, context.Description, context.ExpectedOutput, context.PlanTitle, context.Document,
                context.ParentCode, context.ParentTitle);
        }
    }
}
