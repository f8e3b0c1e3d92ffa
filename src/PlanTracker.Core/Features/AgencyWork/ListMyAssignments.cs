using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.AgencyWork;

/// <summary>"Việc được giao cho tôi": the tasks handed to the user, soonest due first, with directions.</summary>
public static class ListMyAssignments
{
    public sealed record Query(int Page = 1, int PageSize = 50) : IRequest<Paged<Item>>;

    public sealed record Item(long AssignmentId, long TaskId, string Code, string Title, string Plan, DateOnly DueOn, string Directions,
        string AssignedBy, DateTimeOffset AssignedAt, Timeliness TaskTimeliness, PlanTaskStatus Status, int PercentComplete,
        DateOnly? TaskDueOn, bool AwaitingApproval);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
            RuleFor(q => q.PageSize).InclusiveBetween(1, 200);
        }
    }

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, ProvinceClock clock) : IRequestHandler<Query, Paged<Item>>
    {
        public async Task<Paged<Item>> Handle(Query q, CancellationToken ct)
        {
            var me = access.UserId;
            var today = clock.Today;
            // Only what is handed to the user themself: an assignment names its officer, so no other scope applies.
            return await db.TaskAssignments.AsNoTracking().Where(a => a.AssigneeUserId == me)
                .Join(db.Tasks, a => a.TaskId, t => t.Id, (a, t) => new { a, t })
                .OrderBy(x => x.a.DueOn).ThenBy(x => x.a.Id)
                .Select(x => new Item(x.a.Id, x.t.Id, x.t.Code, x.t.Title, x.t.Plan.Title, x.a.DueOn, x.a.Directions, x.a.AssignedByName, x.a.AssignedAt,
                    Enum.Parse<Timeliness>(PlanTrackerDbContext.TaskTimeliness(x.t.Status, x.t.CompletedOn, x.t.Deadline.Kind, x.t.ExtendedDueOn ?? x.t.Deadline.DueOn, today)),
                    x.t.Status, x.t.PercentComplete, x.t.ExtendedDueOn ?? x.t.Deadline.DueOn,
                    db.ProgressSubmissions.Any(s => s.TaskId == x.t.Id && s.State == SubmissionState.Pending)))
                .ToPagedAsync(q.Page, q.PageSize, ct);
        }
    }
}
