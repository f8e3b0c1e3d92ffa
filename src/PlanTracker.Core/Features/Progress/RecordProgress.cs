using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Audit;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;
using PlanTracker.Core.Reporting;

namespace PlanTracker.Core.Features.Progress;

/// <summary>The lead agency (or the secretariat) reports status, percent, what was done and target actuals.</summary>
public static class RecordProgress
{
    public sealed record TargetActualInput(long TargetId, decimal Value, [MultiLine] string? Note);

    public sealed record Command(long TaskId, int Version, PlanTaskStatus Status, int PercentComplete, [MultiLine] string Note,
        DateOnly? CompletedOn = null, IReadOnlyList<TargetActualInput>? TargetActuals = null) : IRequest<Result>, ITransactionalCommand;

    /// <param name="SubmissionId">Set when the report waits for the head's approval (decision 0028); the task is then unchanged.</param>
    public sealed record Result(long TaskId, int Version, Timeliness Timeliness, long ProgressUpdateId, long? SubmissionId = null);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Status).IsInEnum();
            RuleFor(c => c.PercentComplete).InclusiveBetween(0, 100);
            RuleFor(c => c.Note).NotEmpty().MaximumLength(4000);
            RuleForEach(c => c.TargetActuals).ChildRules(a => a.RuleFor(x => x.Note).MaximumLength(1000));
        }
    }

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, ProvinceClock clock, TimeProvider time,
        ReportingCalendar reporting, AgencyWorkAccess work) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command c, CancellationToken ct)
        {
            // The task, who may report on it and the name progress is kept under, in one statement (issue 17);
            // the version is checked on the row read, and again by the UPDATE's WHERE when saved.
            var manages = await access.ManagesRuleAsync(ct);
            var leads = await access.LeadRuleAsync(ct);
            var asksApproval = await work.AgencyAsksApprovalRuleAsync(ct);
            var found = await db.Tasks.Where(t => t.Id == c.TaskId)
                .Select(t => new
                {
                    Task = t,
                    BySecretariat = db.Tasks.Where(manages).Any(x => x.Id == t.Id),
                    Leads = db.Tasks.Where(leads).Any(x => x.Id == t.Id),
                    AgencyAsksApproval = db.Tasks.Where(asksApproval).Any(x => x.Id == t.Id),
                    LeadName = t.LeadAgency == null ? null : t.LeadAgency.ShortName ?? t.LeadAgency.Name,
                })
                .SingleOrDefaultAsync(ct)
                ?? throw new NotFoundException(Wording.Pick($"Không có nhiệm vụ {c.TaskId}.", $"Task {c.TaskId} does not exist."));
            var task = found.Task;
            var bySecretariat = found.BySecretariat;
            if (!bySecretariat && !found.Leads)
                throw new ForbiddenException(Wording.Pick($"Chỉ cơ quan chủ trì nhiệm vụ '{task.Code}' hoặc thường trực được cập nhật tiến độ.", $"Only the lead agency of task '{task.Code}' or the secretariat may record its progress."));
            await db.EnsureVersionAsync(task, c.Version, ct);
            var actuals = c.TargetActuals ?? [];
            if (actuals.Count > 0) await db.Entry(task).Collection(t => t.Targets).LoadAsync(ct); // only these need the targets
            foreach (var (input, i) in actuals.Select((x, i) => (x, i)))
                if (task.Targets.All(t => t.Id != input.TargetId))
                    throw new RuleViolationException($"targetActuals[{i}].targetId", Wording.Pick($"Chỉ tiêu {input.TargetId} không phải chỉ tiêu của nhiệm vụ '{task.Code}'.", $"Target {input.TargetId} is not a target of task '{task.Code}'."));

            if (!bySecretariat && await ProgressApproval.HoldAsync(db, access, work, time, task, c, clock.Today, found.AgencyAsksApproval, ct) is { } held) return held;

            // Transactional: the quarter may have to be saved first, and nothing may be half-written.
            var before = Snapshot(task);
            var today = clock.Today;
            task.RecordProgress(c.Status, c.PercentComplete, c.CompletedOn, today, bySecretariat);
            var now = time.GetUtcNow();
            var agency = await access.AgencyAsync(ct) ?? (task.LeadAgencyId!.Value, found.LeadName!);
            var update = new ProgressUpdate(task.Id, agency.Id, agency.Name, access.UserId,
                isContribution: false, c.Status, task.PercentComplete, c.Note, now);
            db.ProgressUpdates.Add(update);
            db.Record(now, access.UserId, "task.progress", nameof(PlanTask), task.Id, before, Snapshot(task));
            await RecordActuals(actuals, today, now, ct);
            await db.SaveChangesAsync(ct); // a simultaneous save of the same version is refused by the context (409, who saved first)
            return new Result(task.Id, task.Version, task.TimelinessOn(today), update.Id);
        }

        private async Task RecordActuals(IReadOnlyList<TargetActualInput> inputs, DateOnly today, DateTimeOffset now, CancellationToken ct)
        {
            if (inputs.Count == 0) return;
            var period = await reporting.QuarterOfAsync(today, ct);
            if (period.Id == 0) await db.SaveChangesAsync(ct); // the period needs its id; the command's transaction is still open
            foreach (var input in inputs)
            {
                var existing = await db.TargetActuals.SingleOrDefaultAsync(a => a.TargetId == input.TargetId && a.ReportingPeriodId == period.Id, ct);
                if (existing is not null) db.TargetActuals.Remove(existing);
                db.TargetActuals.Add(new TargetActual(input.TargetId, period.Id, input.Value, input.Note, access.UserId, now));
            }
        }

        private static object Snapshot(PlanTask t) => new { t.Status, t.PercentComplete, t.CompletedOn, t.Version };
    }
}
