using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Audit;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Progress;

/// <summary>A coordinating agency says what it contributed; status and percent stay the lead's to set.</summary>
public static class AddContribution
{
    public sealed record Command(long TaskId, [MultiLine] string Note) : IRequest<long>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Note).NotEmpty().MaximumLength(4000);
    }

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, TimeProvider time) : IRequestHandler<Command, long>
    {
        public async Task<long> Handle(Command c, CancellationToken ct)
        {
            var task = await db.Tasks.AsNoTracking().Where(t => t.Id == c.TaskId).Select(t => new { t.Id, t.Code, t.Status })
                .SingleOrDefaultAsync(ct) ?? throw new NotFoundException(Wording.Pick($"Không có nhiệm vụ {c.TaskId}.", $"Task {c.TaskId} does not exist."));
            if (!await access.CoordinatesAsync(task.Id, ct))
                throw new ForbiddenException(Wording.Pick($"Chỉ cơ quan phối hợp của nhiệm vụ '{task.Code}' được thêm phần đóng góp.", $"Only a coordinating agency of task '{task.Code}' adds contributions to it."));
            if (task.Status == PlanTaskStatus.Cancelled)
                throw new RuleViolationException("taskId", Wording.Pick($"Nhiệm vụ '{task.Code}' đã bị hủy theo quyết định.", $"Task '{task.Code}' was cancelled by decision."));
            var now = time.GetUtcNow();
            var agency = (await access.AgencyAsync(ct))!.Value;
            var update = new ProgressUpdate(task.Id, agency.Id, agency.Name, access.UserId,
                isContribution: true, status: null, percentComplete: null, c.Note, now);
            db.ProgressUpdates.Add(update);
            db.Record(now, access.UserId, "task.contribution", nameof(PlanTask), task.Id, null, new { c.Note });
            await db.SaveChangesAsync(ct);
            return update.Id;
        }
    }
}
