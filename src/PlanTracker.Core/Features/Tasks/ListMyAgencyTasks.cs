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
            var assignees = await db.Set<AgencyGroupMember>().Where(m => m.MemberId == agencyId).Select(m => m.GroupId).ToListAsync(ct);
            assignees.Add(agencyId);

            var today = clock.Today;
            // A draft plan's tasks are nobody's yet (decision 0021).
            var tasks = db.Tasks.AsNoTracking().Where(t => !t.IsGroup && t.Plan.Status == PlanStatus.Published);
            tasks = q.Involvement == Involvement.Lead
                ? tasks.Where(LedByAny(assignees))
                : tasks.Where(t => db.Set<TaskCoordinatingAgency>().Any(c => c.TaskId == t.Id && assignees.Contains(c.AgencyId)));
            if (q.PlanId is { } planId) tasks = tasks.Where(t => t.PlanId == planId);
            if (q.Timeliness is { } timeliness) tasks = tasks.WithTimeliness(timeliness, today);
            if (q.DueBefore is { } before) tasks = tasks.Where(t => (t.ExtendedDueOn ?? t.Deadline.DueOn) <= before);
            if (q.DueAfter is { } after) tasks = tasks.Where(t => (t.ExtendedDueOn ?? t.Deadline.DueOn) >= after);

            var total = await tasks.CountAsync(ct);
            var items = await tasks
                .OrderBy(t => t.ExtendedDueOn ?? t.Deadline.DueOn).ThenBy(t => t.Id)
                .Skip((q.Page - 1) * q.PageSize).Take(q.PageSize)
                .Project(today).AsSingleQuery()
                .ToListAsync(ct);
            return new Paged<TaskView>(items, q.Page, q.PageSize, total);
        }

        // lead_agency_id = a OR lead_agency_id = b ...: a plain OR of equalities keeps the lead-agency
        // index usable, where Contains() on a nullable column adds a NULL test that defeats it.
        private static System.Linq.Expressions.Expression<Func<PlanTask, bool>> LedByAny(IEnumerable<long> agencyIds)
        {
            var task = System.Linq.Expressions.Expression.Parameter(typeof(PlanTask), "t");
            var lead = System.Linq.Expressions.Expression.Property(task, nameof(PlanTask.LeadAgencyId));
            var body = agencyIds
                .Select(id => (System.Linq.Expressions.Expression)System.Linq.Expressions.Expression.Equal(lead,
                    System.Linq.Expressions.Expression.Constant((long?)id, typeof(long?))))
                .Aggregate(System.Linq.Expressions.Expression.OrElse);
            return System.Linq.Expressions.Expression.Lambda<Func<PlanTask, bool>>(body, task);
        }
    }
}
