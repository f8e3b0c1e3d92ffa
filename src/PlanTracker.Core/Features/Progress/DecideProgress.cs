using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Audit;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Features.AgencyWork;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Progress;

/// <summary>
/// The head (or a deputy) approves an officer's progress report, which then becomes the agency's progress
/// through <see cref="RecordProgress"/> itself (same rules, same audit, same target actuals), or returns
/// it with a comment. Approval applies on top of the task as it is now: the head sees both on the page.
/// </summary>
public static class DecideProgress
{
    public sealed record Command(long SubmissionId, bool Approve, [MultiLine] string? Comment, int? Version = null) : IRequest<Result>, ITransactionalCommand;

    public sealed record Result(SubmissionState State, long? ProgressUpdateId);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Comment).MaximumLength(2000);
    }

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, AgencyWorkAccess work, IMediator mediator, TimeProvider time)
        : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command c, CancellationToken ct)
        {
            var submission = await db.ProgressSubmissions.SingleOrDefaultAsync(s => s.Id == c.SubmissionId, ct)
                ?? throw new NotFoundException(Wording.Pick($"Không có báo cáo tiến độ {c.SubmissionId}.", $"Progress report {c.SubmissionId} does not exist."));
            var agencyId = await work.DemandDirectsAsync("duyệt báo cáo tiến độ", "decide on a progress report", ct);
            if (agencyId != submission.AgencyId)
                throw new ForbiddenException(Wording.Pick("Báo cáo tiến độ này thuộc cơ quan khác.", "This progress report belongs to another agency."));
            if (c.Version is { } version) await db.EnsureVersionAsync(submission, version, ct);
            var task = await db.Tasks.AsNoTracking().SingleAsync(t => t.Id == submission.TaskId, ct);

            long? updateId = null;
            if (c.Approve && submission.State == SubmissionState.Pending)
            {
                var recorded = await mediator.Send(new RecordProgress.Command(task.Id, task.Version, submission.Status, submission.PercentComplete,
                    submission.Note, submission.CompletedOn, ProgressApproval.Actuals(submission)), ct);
                updateId = recorded.ProgressUpdateId;
            }
            var now = time.GetUtcNow();
            var me = access.UserId;
            submission.Decide(c.Approve, c.Comment, me, now, updateId);
            db.Record(now, me, c.Approve ? "progress.approved" : "progress.returned", nameof(PlanTask), task.Id,
                new { SubmissionId = submission.Id, State = SubmissionState.Pending }, new { SubmissionId = submission.Id, submission.State, c.Comment });
            db.NotifyUsers([submission.SubmittedByUserId], me, c.Approve ? NotificationKind.ProgressApproved : NotificationKind.ProgressReturned,
                task, await db.NameOfAsync(me, ct), c.Comment, now);
            await db.SaveChangesAsync(ct);
            return new Result(submission.State, updateId);
        }
    }
}
