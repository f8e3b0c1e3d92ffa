using MediatR;
using PlanTracker.Core.Features.Escalations;
using PlanTracker.Core.Features.Digests;
using PlanTracker.Core.Features.Mail;
using PlanTracker.Core.Features.ReportingCycle;
using PlanTracker.Core.Features.Reminders;
using PlanTracker.Core.Features.Reports;

namespace PlanTracker.Core.Jobs;

/// <summary>A scheduled job: its name, its default schedule (Quartz cron, Asia/Ho_Chi_Minh) and the one command it sends.</summary>
public sealed record JobDefinition(string Name, string DefaultCron, Func<IMediator, DateOnly, CancellationToken, Task<string>> Run);

/// <summary>
/// Every schedule in one place. A job is thin: it sends one command with its as-of date and
/// reports the command's result; the work and its idempotency live in the handler.
/// </summary>
public static class JobCatalog
{
    public static readonly IReadOnlyList<JobDefinition> All =
    [
        new("outbox-dispatch", "0/10 * * * * ?", async (m, _, ct) => (await m.Send(new DispatchOutbox.Command(), ct)).ToString()),
        new(SendDeadlineReminders.Job, "0 0 7 * * ?", async (m, asOf, ct) => (await m.Send(new SendDeadlineReminders.Command(asOf), ct)).ToString()),
        new(EscalateOverdueTasks.Job, "0 15 7 * * ?", async (m, asOf, ct) => (await m.Send(new EscalateOverdueTasks.Command(asOf), ct)).ToString()),
        new(SendReportingCycleNotices.Job, "0 30 7 * * ?", async (m, asOf, ct) => (await m.Send(new SendReportingCycleNotices.Command(asOf), ct)).ToString()),
        // Hourly: each user's digest goes out at their own hour; the hour comes from the clock when the date is today.
        new(SendDigests.Job, "0 0 * * * ?", async (m, asOf, ct) => (await m.Send(new SendDigests.Command(asOf), ct)).ToString()),
        new(CompileQuarterlyReport.Job, "0 0 6 * * ?", async (m, asOf, ct) => (await m.Send(new CompileQuarterlyReport.Command(asOf), ct)).ToString()),
    ];

    public static JobDefinition? Find(string name) => All.SingleOrDefault(j => j.Name == name);
}
