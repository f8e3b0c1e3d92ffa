using MediatR;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Jobs;

namespace PlanTracker.Core.Features.Jobs;

/// <summary>
/// Runs a scheduled job now, as of a chosen date (admins and the secretariat), through the same
/// runner as the schedule; the run is recorded as manual, with who asked for it.
/// </summary>
public static class RunJob
{
    public sealed record Command(string Name, DateOnly? AsOf) : IRequest<Result>;

    public sealed record Result(string Job, DateOnly AsOf, string Outcome, long? RunId, long DurationMs);

    public sealed class Handler(JobRunner runner, AccessContext access, ProvinceClock clock) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command c, CancellationToken ct)
        {
            if (!access.IsAdmin && !access.IsSecretariat) throw new ForbiddenException("Only administrators and the secretariat run jobs.");
            var job = JobCatalog.Find(c.Name) ?? throw new NotFoundException(
                $"There is no job '{c.Name}'. Jobs: {string.Join(", ", JobCatalog.All.Select(j => j.Name))}.");
            var asOf = c.AsOf ?? clock.Today;
            if (!JobCatalog.AcceptsAsOf(asOf)) throw new RuleViolationException("asOf", JobCatalog.AsOfRange);
            var run = await runner.RunAsync(job, asOf, JobTrigger.Manual, userId: access.UserId, ct: ct);
            return new Result(job.Name, asOf, run.Outcome, run.RunId, (long)run.Duration.TotalMilliseconds);
        }
    }
}
