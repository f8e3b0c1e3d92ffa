using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Dashboard;

/// <summary>Overdue tasks in view, most overdue first or by lead agency, plan or document.</summary>
public static class ListOverdueTasks
{
    public sealed record Query(DashboardFilter Filter, TaskSort Sort = TaskSort.Delay, bool Descending = false,
        int Page = 1, int PageSize = 15) : IRequest<Paged<Row>>;

    public sealed record Row(long TaskId, string Code, string Title, long PlanId, string PlanTitle, string? DocumentNumber,
        long? LeadAgencyId, string? LeadAgency, DateOnly DueOn, int DaysOverdue, int PercentComplete);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
            RuleFor(q => q.PageSize).InclusiveBetween(1, 200);
        }
    }

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, ProvinceClock clock) : IRequestHandler<Query, Paged<Row>>
    {
        public async Task<Paged<Row>> Handle(Query q, CancellationToken ct)
        {
            return await ComputeAsync(db, q with { Filter = await DashboardAccess.ScopeAsync(access, db, q.Filter, ct) }, clock.Today, ct);
        }
    }

    /// <param name="knownTotal">The count when the caller has it already (the dashboard, from its timeliness counts).</param>
    public static async Task<Paged<Row>> ComputeAsync(PlanTrackerDbContext db, Query q, DateOnly today, CancellationToken ct, int? knownTotal = null)
    {
        var overdue = Overdue(q.Filter.Tasks(db), today).AsNoTracking();
        var total = knownTotal ?? (q.Filter.IsProvinceWide ? await DashboardAggregates.OverdueAsync(db, today, ct) : await overdue.CountAsync(ct));
        var rows = await overdue.Sort(q.Sort, q.Descending)
            .Skip((q.Page - 1) * q.PageSize).Take(q.PageSize)
            .Select(t => new
            {
                t.Id, t.Code, t.Title, t.PlanId, PlanTitle = t.Plan.Title, t.Plan.Document.Number, t.LeadAgencyId,
                Lead = t.LeadAgency == null ? null : t.LeadAgency.ShortName ?? t.LeadAgency.Name,
                Due = (t.ExtendedDueOn ?? t.Deadline.DueOn)!.Value, t.PercentComplete,
            })
            .ToListAsync(ct);
        return new Paged<Row>(rows.Select(r => new Row(r.Id, r.Code, r.Title, r.PlanId, r.PlanTitle, r.Number, r.LeadAgencyId, r.Lead,
            r.Due, today.DayNumber - r.Due.DayNumber, r.PercentComplete)).ToList(), q.Page, q.PageSize, total);
    }

    /// <summary>
    /// Timeliness "in progress, overdue", with the open-status and due-date conditions spelled out
    /// so that the partial index on open tasks by due date (migration 0001) serves the list. The rest of
    /// task_timeliness() is written as the kinds it excludes (ongoing ones are never overdue), as constants:
    /// the function call in the filter hid its selectivity, so the planner expected a few rows, sorted
    /// every overdue task for the first page and looped over plans for the count (issue 17, W1: 35 ms of
    /// PostgreSQL per request; docs/PERFORMANCE.md).
    /// </summary>
    public static IQueryable<PlanTask> Overdue(IQueryable<PlanTask> tasks, DateOnly today) =>
        tasks.Where(t => (t.Status == PlanTaskStatus.NotStarted || t.Status == PlanTaskStatus.InProgress)
            && (t.ExtendedDueOn ?? t.Deadline.DueOn) < today
            && !EF.Constant(Deadline.OngoingKinds).Contains(t.Deadline.Kind));
}
