using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Features.Tasks;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Plans;

/// <summary>A plan with its whole task tree in the document's order.</summary>
public static class GetPlan
{
    public sealed record Query(long Id) : IRequest<Result?>;

    public sealed record DocumentRef(long Id, string Key, string? Number, string Title);

    public sealed record Result(long Id, string Key, string Title, PlanStatus Status, long? ProvinceId, DocumentInfo Document, IReadOnlyList<TaskNode> Tasks, int Version = 0);

    public sealed record DocumentInfo(long Id, string? Number, DocumentKind Kind, string Issuer, DateOnly? IssuedOn,
        string? Signer, string Title, IReadOnlyList<DocumentRef> Implements);

    public sealed record TaskNode(TaskView Task, IReadOnlyList<TaskNode> Children);

    public sealed class Handler(PlanTrackerDbContext db, ProvinceClock clock, AccessContext access) : IRequestHandler<Query, Result?>
    {
        public async Task<Result?> Handle(Query q, CancellationToken ct)
        {
            await access.DemandReadPlanAsync(db, q.Id, ct);
            var plan = await db.Plans.AsNoTracking().Where(p => p.Id == q.Id)
                .Select(p => new
                {
                    p.Id, p.Key, p.Title, p.Status, p.ProvinceId, p.Version,
                    Document = new DocumentInfo(p.Document.Id, p.Document.Number, p.Document.Kind, p.Document.Issuer,
                        p.Document.IssuedOn, p.Document.Signer, p.Document.Title,
                        p.Document.Implements.Select(l => new DocumentRef(l.Implemented.Id, l.Implemented.Key, l.Implemented.Number, l.Implemented.Title)).ToList()),
                })
                .SingleOrDefaultAsync(ct);
            if (plan is null) return null;
            var tasks = await db.Tasks.AsNoTracking().Where(t => t.PlanId == q.Id).OrderBy(t => t.SortOrder)
                .Project(clock.Today).AsSplitQuery().ToListAsync(ct);
            return new Result(plan.Id, plan.Key, plan.Title, plan.Status, plan.ProvinceId, plan.Document, BuildTree(tasks), plan.Version);
        }

        private static List<TaskNode> BuildTree(List<TaskView> tasks)
        {
            var children = tasks.Where(t => t.ParentId is not null).ToLookup(t => t.ParentId!.Value);
            TaskNode Node(TaskView t) => new(t, children[t.Id].Select(Node).ToList());
            return tasks.Where(t => t.ParentId is null).Select(Node).ToList();
        }
    }
}
