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
            var today = clock.Today;
            // A draft plan's tasks are nobody's yet (decision 0021).
            var tasks = Mine(q.Involvement, agencyId).AsNoTracking().Where(t => !t.IsGroup && t.Plan.Status == PlanStatus.Published);
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

        /// <summary>
        /// The tasks the agency (or a group it belongs to) leads or coordinates. The groups are an
        /// init-plan array inside the statement, not a query of their own (issue 17: one round trip
        /// fewer, the gap to plain SQL being round trips): "= ANY(ARRAY(...))" keeps the
        /// lead-agency and coordinating-agency indexes usable, where an IN (subquery) under an OR
        /// or a Contains() on the nullable column would not (QueryPlanTests).
        /// </summary>
        private IQueryable<PlanTask> Mine(Involvement involvement, long agencyId) => involvement == Involvement.Lead
            ? db.Tasks.FromSql($"""
                SELECT t.* FROM plan_tasks t
                WHERE t.lead_agency_id = ANY(ARRAY(SELECT m.group_id FROM agency_group_members m WHERE m.member_id = {agencyId}) || {agencyId}::bigint)
                """)
            : db.Tasks.FromSql($"""
                SELECT t.* FROM plan_tasks t
                WHERE EXISTS (SELECT 1 FROM task_coordinating_agencies c WHERE c.task_id = t.id
                  AND c.agency_id = ANY(ARRAY(SELECT m.group_id FROM agency_group_members m WHERE m.member_id = {agencyId}) || {agencyId}::bigint))
                """);
    }
}
