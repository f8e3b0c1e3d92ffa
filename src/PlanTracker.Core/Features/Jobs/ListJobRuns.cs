using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Jobs;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Jobs;

/// <summary>The recorded runs, newest first, of one job or of all, a page at a time (keyset on the id).</summary>
public static class ListJobRuns
{
    /// <param name="Before">The id of the last run of the previous page; null for the first page.</param>
    public sealed record Query(string? Job, long? Before, int PageSize = 20) : IRequest<Result>;

    /// <param name="NextBefore">What to pass as <c>Before</c> for the next page; null on the last one.</param>
    public sealed record Result(IReadOnlyList<JobRunView> Items, long? NextBefore);

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query q, CancellationToken ct)
        {
            JobAccess.Demand(access);
            if (q.Job is not null && JobCatalog.Find(q.Job) is null) throw new NotFoundException(Wording.Pick($"Không có tác vụ '{q.Job}'.", $"There is no job '{q.Job}'."));
            if (q.PageSize is < 1 or > 200) throw new RuleViolationException("pageSize", Wording.Pick("Số dòng mỗi trang từ 1 đến 200.", "The page size is between 1 and 200."));
            var runs = db.JobRuns.AsNoTracking();
            if (q.Job is not null) runs = runs.Where(r => r.Job == q.Job);
            if (q.Before is { } before) runs = runs.Where(r => r.Id < before);
            var items = await runs.OrderByDescending(r => r.Id).Take(q.PageSize + 1).Select(JobRunView.From(db)).ToListAsync(ct);
            return items.Count > q.PageSize ? new Result(items[..q.PageSize], items[q.PageSize - 1].Id) : new Result(items, null);
        }
    }
}
