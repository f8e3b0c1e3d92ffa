using System.Linq.Expressions;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Tasks;

public enum Involvement { Lead, Coordinating }

/// <summary>
/// "My agency's tasks": the tasks the user's agency leads, or coordinates, shown apart. Groups the
/// agency belongs to count as the agency. Shaped for the indexes on lead agency and on
/// coordinating agency, so that it stays an index scan at a million tasks.
/// </summary>
public static class ListMyAgencyTasks
{
    public sealed record Query(Involvement Involvement, long? PlanId = null, Timeliness? Timeliness = null,
        DateOnly? DueBefore = null, DateOnly? DueAfter = null, int Page = 1, int PageSize = 50) : IRequest<Paged<TaskView>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Involvement).IsInEnum();
            RuleFor(q => q.Timeliness).IsInEnum();
            RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
            RuleFor(q => q.PageSize).InclusiveBetween(1, 200);
        }
    }

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, ProvinceClock clock) : IRequestHandler<Query, Paged<TaskView>>
    {
        public async Task<Paged<TaskView>> Handle(Query q, CancellationToken ct)
        {
            var agencyId = await access.AgencyIdAsync(ct) ?? throw new ForbiddenException(Wording.Pick("Tài khoản của bạn không thuộc cơ quan nào.", "Your account belongs to no agency."));
            // The groups come with the account (AccessContext's one read per request), not from a query of their own.
            List<long> assignees = [.. await access.AgencyGroupsAsync(ct), agencyId];

            var today = clock.Today;
            // A draft plan's tasks are nobody's yet (decision 0021). Projected to TaskView, nothing is tracked.
            var tasks = db.Tasks.Where(t => !t.IsGroup && t.Plan.Status == PlanStatus.Published);
            tasks = q.Involvement == Involvement.Lead
                ? tasks.Where(LedByAny(assignees))
                : tasks.Where(t => db.Set<TaskCoordinatingAgency>().Any(c => c.TaskId == t.Id && assignees.Contains(c.AgencyId)));
            if (q.PlanId is { } planId) tasks = tasks.Where(t => t.PlanId == planId);
            if (q.Timeliness is { } timeliness) tasks = tasks.WithTimeliness(timeliness, today);
            if (q.DueBefore is { } before) tasks = tasks.Where(t => (t.ExtendedDueOn ?? t.Deadline.DueOn) <= before);
            if (q.DueAfter is { } after) tasks = tasks.Where(t => (t.ExtendedDueOn ?? t.Deadline.DueOn) >= after);

            var rows = await tasks
                .OrderBy(t => t.ExtendedDueOn ?? t.Deadline.DueOn).ThenBy(t => t.Id)
                .Skip((q.Page - 1) * q.PageSize).Take(q.PageSize)
                .Select(WithTotal(tasks, today)).AsSingleQuery()
                .ToListAsync(ct);
            // A page past the end has no row to carry the total: only then is it counted on its own.
            var total = rows.Count > 0 ? rows[0].Total : q.Page == 1 ? 0 : await tasks.CountAsync(ct);
            return new Paged<TaskView>(rows.ConvertAll(r => r.Task), q.Page, q.PageSize, total);
        }

        private sealed record Row(int Total, TaskView Task);

        // The page and its total in one statement (issue 17: the count was a round trip of its own): the total
        // rides on every row as an uncorrelated subquery, which PostgreSQL computes once (an InitPlan).
        private static Expression<Func<PlanTask, Row>> WithTotal(IQueryable<PlanTask> tasks, DateOnly today)
        {
            var shape = TaskViews.Shape(today);
            var total = Expression.Call(typeof(Queryable), nameof(Queryable.Count), [typeof(PlanTask)], tasks.Expression);
            return Expression.Lambda<Func<PlanTask, Row>>(Expression.New(typeof(Row).GetConstructors()[0], total, shape.Body), shape.Parameters);
        }

        // lead_agency_id = a OR lead_agency_id = b ...: a plain OR of equalities keeps the lead-agency
        // index usable, where Contains() on a nullable column adds a NULL test that defeats it.
        private static Expression<Func<PlanTask, bool>> LedByAny(IEnumerable<long> agencyIds)
        {
            var task = Expression.Parameter(typeof(PlanTask), "t");
            var lead = Expression.Property(task, nameof(PlanTask.LeadAgencyId));
            var body = agencyIds
                .Select(id => (Expression)Expression.Equal(lead, Expression.Constant((long?)id, typeof(long?))))
                .Aggregate(Expression.OrElse);
            return Expression.Lambda<Func<PlanTask, bool>>(body, task);
        }
    }
}
