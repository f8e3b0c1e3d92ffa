using MediatR;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Jobs;

namespace PlanTracker.Core.Features.Jobs;

/// <summary>
/// Runs a scheduled job now, as of a chosen date (administrators only: every job mails or counts
/// for every province at once, so a secretariat's run would reach other provinces; see
/// docs/decisions/0013-read-rules.md), through the same runner as the schedule; the run is recorded
/// as manual, with who asked for it.
/// </summary>
public static class RunJob
{
    public sealed record Command(string Name, DateOnly? AsOf) : IRequest<Result>;

    public sealed record Result(string Job, DateOnly AsOf, string Outcome, long? RunId, long DurationMs);

    public sealed class Handler(JobRunner runner, AccessContext access, ProvinceClock clock) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command c, CancellationToken ct)
        {
            _ = access.UserId;
            if (!access.IsAdmin) throw new ForbiddenException(Wording.Pick("Chỉ quản trị viên chạy tác vụ bằng tay: mỗi lần chạy tác động đến mọi tỉnh.", "Only administrators run jobs by hand: a run reaches every province."));
            var job = JobCatalog.Find(c.Name) ?? throw new NotFoundException(
                $"There is no job '{c.Name}'. Jobs: {string.Join(", ", JobCatalog.All.Select(j => j.Name))}.");
            var asOf = c.AsOf ?? clock.Today;
            if (!JobCatalog.AcceptsAsOf(asOf)) throw new RuleViolationException("asOf", Wording.Pick("Ngày tính phải trong khoảng từ 01/01/2000 đến 31/12/2100.", JobCatalog.AsOfRange));
            var run = await runner.RunAsync(job, asOf, JobTrigger.Manual, userId: access.UserId, ct: ct);
            return new Result(job.Name, asOf, run.Outcome, run.RunId, (long)run.Duration.TotalMilliseconds);
        }
    }
}
