using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Features.Dashboard;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Tasks;

/// <summary>
/// Actionable tasks, filtered; agencyId matches the lead or a coordinating agency. With a
/// <see cref="Dashboard.DrillDown"/>, the tasks behind a number of the dashboard (published plans only).
/// </summary>
public static class ListTasks
{
    public sealed record Query(long? PlanId, long? AgencyId, Timeliness? Timeliness, DateOnly? DueBefore, DateOnly? DueAfter,
        int Page = 1, int PageSize = 50, DrillDown? DrillDown = null, TaskSort Sort = TaskSort.Delay, bool Descending = false)
        : IRequest<Paged<TaskView>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
            RuleFor(q => q.PageSize).InclusiveBetween(1, 200);
            RuleFor(q => q.Timeliness).IsInEnum();
            RuleFor(q => q.Sort).IsInEnum();
            RuleFor(q => q.DueBefore).GreaterThanOrEqualTo(q => q.DueAfter)
                .When(q => q.DueBefore is not null && q.DueAfter is not null)
                .WithMessage("'dueBefore' must not be earlier than 'dueAfter'.");
        }
    }

    public sealed class Handler(PlanTrackerDbContext db, LaggingReads reads, ProvinceClock clock, DashboardOptions dashboard, AccessContext access)
        : IRequestHandler<Query, Paged<TaskView>>
    {
        public async Task<Paged<TaskView>> Handle(Query q, CancellationToken ct)
        {
            // The tasks behind a dashboard number are the dashboard's: read by those who see it, in their scope,
            // and, like its numbers, they may lag by seconds (the replica). The plain list is the user's own work: the primary.
            if (q.DrillDown is not { } drill) return await PageAsync(q, db.Tasks.AsNoTracking().Readable(await access.ReadScopeAsync(db, ct), db).Where(t => !t.IsGroup), ct);
            var scoped = drill with { Filter = await DashboardAccess.ScopeAsync(access, db, drill.Filter, ct) };
            return await reads.RunAsync(source => PageAsync(q, scoped.Tasks(source, clock.Today, dashboard.AtRiskMargin).AsNoTracking(), ct), ct);
        }

        private async Task<Paged<TaskView>> PageAsync(Query q, IQueryable<PlanTask> tasks, CancellationToken ct)
        {
            var today = clock.Today;
            if (q.PlanId is { } planId) tasks = tasks.Where(t => t.PlanId == planId);
            if (q.AgencyId is { } agencyId)
                tasks = tasks.Where(t => t.LeadAgencyId == agencyId || t.CoordinatingAgencies.Any(c => c.AgencyId == agencyId));
            if (q.Timeliness is { } timeliness) tasks = tasks.WithTimeliness(timeliness, today);
            if (q.DueBefore is { } before) tasks = tasks.Where(t => (t.ExtendedDueOn ?? t.Deadline.DueOn) <= before);
            if (q.DueAfter is { } after) tasks = tasks.Where(t => (t.ExtendedDueOn ?? t.Deadline.DueOn) >= after);

            var total = await tasks.CountAsync(ct);
            var items = await tasks.Sort(q.Sort, q.Descending)
                .Skip((q.Page - 1) * q.PageSize).Take(q.PageSize)
                .Project(today).AsSingleQuery()
                .ToListAsync(ct);
            return new Paged<TaskView>(items, q.Page, q.PageSize, total);
        }
    }
}
