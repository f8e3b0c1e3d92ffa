using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Progress;

/// <summary>
/// Progress reports in the approval step: for the head (or a deputy), the agency's reports waiting for a
/// decision; for an officer, their own reports, newest first, with the head's comment when returned.
/// A task filter narrows either to one task (the task's page).
/// </summary>
public static class ListProgressSubmissions
{
    public sealed record Query(long? TaskId = null, int Page = 1, int PageSize = 50) : IRequest<Result>;

    public sealed record Item(long Id, long TaskId, string Code, string Title, string SubmittedBy, DateTimeOffset SubmittedAt,
        PlanTaskStatus Status, int PercentComplete, string Note, DateOnly? CompletedOn, SubmissionState State, string? DecisionComment,
        int CurrentPercent, PlanTaskStatus CurrentStatus, int Version);

    /// <param name="Deciding">The list is the agency's reports waiting for the user's decision.</param>
    public sealed record Result(Paged<Item> Items, bool Deciding);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
            RuleFor(q => q.PageSize).InclusiveBetween(1, 200);
        }
    }

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, AgencyWorkAccess work) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query q, CancellationToken ct)
        {
            if (!access.IsAgencyStaff || await access.AgencyIdAsync(ct) is null)
                throw new ForbiddenException(Wording.Pick("Chỉ cán bộ và lãnh đạo cơ quan có báo cáo tiến độ chờ duyệt.", "Only agency officers and heads have progress reports to approve."));
            var me = access.UserId;
            var directed = await work.DirectedAgencyAsync(ct);
            var rows = directed is { } agencyId
                ? db.ProgressSubmissions.Where(s => s.AgencyId == agencyId && s.State == SubmissionState.Pending)
                : db.ProgressSubmissions.Where(s => s.SubmittedByUserId == me);
            if (q.TaskId is { } taskId) rows = rows.Where(s => s.TaskId == taskId);
            var page = await rows.AsNoTracking()
                .Join(db.Tasks, s => s.TaskId, t => t.Id, (s, t) => new { s, t })
                .OrderByDescending(x => x.s.SubmittedAt).ThenByDescending(x => x.s.Id)
                .Select(x => new Item(x.s.Id, x.t.Id, x.t.Code, x.t.Title, x.s.SubmittedByName, x.s.SubmittedAt, x.s.Status, x.s.PercentComplete,
                    x.s.Note, x.s.CompletedOn, x.s.State, x.s.DecisionComment, x.t.PercentComplete, x.t.Status, x.s.Version))
                .ToPagedAsync(q.Page, q.PageSize, ct);
            return new Result(page, directed is not null);
        }
    }
}
