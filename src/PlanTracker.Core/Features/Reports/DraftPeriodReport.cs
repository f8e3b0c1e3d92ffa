using System.Text;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Audit;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;
using PlanTracker.Core.Reporting;

namespace PlanTracker.Core.Features.Reports;

/// <summary>
/// Opens (or re-opens) the agency's report for the period of <c>Regime</c> containing <c>Day</c>
/// (or the ad hoc period <c>PeriodId</c>): without content
/// it is drafted from the progress the agency recorded in the period; with content it saves
/// the officer's edit (a stale version is refused).
/// </summary>
public static class DraftPeriodReport
{
    public sealed record Command(DateOnly Day, [MultiLine] string? Content = null, int? Version = null,
        ReportingRegime Regime = ReportingRegime.Quarterly, long? PeriodId = null) : IRequest<Result>, ITransactionalCommand;

    public sealed record Result(long ReportId, long PeriodId, PeriodReportState State, string Content, int Version);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Content).MaximumLength(100_000);
    }

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, ReportingCalendar calendar, TimeProvider time)
        : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command c, CancellationToken ct)
        {
            if (!access.IsAgencyStaff) throw new ForbiddenException("Only an agency's officers and head write its report.");
            var (agencyId, agencyName) = await access.AgencyAsync(ct) ?? throw new ForbiddenException("Your account belongs to no agency.");
            var period = c.PeriodId is { } periodId
                ? await db.ReportingPeriods.SingleOrDefaultAsync(p => p.Id == periodId, ct) ?? throw new RuleViolationException("periodId", $"Period {periodId} does not exist.")
                : await calendar.PeriodOfAsync(c.Regime, c.Day, ct);
            if (!period.Obliges(await access.ProvinceIdAsync(ct)))
                throw new ForbiddenException($"Period {period.Id} is another province's ad hoc report.");
            if (period.Id == 0) await db.SaveChangesAsync(ct);
            var report = await db.PeriodReports.SingleOrDefaultAsync(r => r.ReportingPeriodId == period.Id && r.AgencyId == agencyId, ct);
            var before = report is null ? null : new { report.Content, report.Version };
            if (report is null)
            {
                report = new PeriodReport(period.Id, agencyId, agencyName, c.Content ?? await Draft(agencyId, period, ct));
                db.PeriodReports.Add(report);
            }
            else if (c.Content is not null)
            {
                await db.EnsureVersionAsync(report, c.Version ?? -1, ct);
                report.Edit(c.Content);
            }
            await db.SaveChangesAsync(ct);
            if (c.Content is not null || before is null)
            {
                db.Record(time.GetUtcNow(), access.UserId, before is null ? "report.drafted" : "report.edited", nameof(PeriodReport), report.Id,
                    before, new { report.Content, report.Version });
                await db.SaveChangesAsync(ct);
            }
            return new Result(report.Id, period.Id, report.State, report.Content, report.Version);
        }

        private async Task<string> Draft(long agencyId, ReportingPeriod period, CancellationToken ct)
        {
            var from = ProvinceClock.StartOfDayUtc(period.StartOn);
            var to = ProvinceClock.StartOfDayUtc(period.EndOn.AddDays(1));
            var lines = await db.ProgressUpdates.AsNoTracking()
                .Where(p => p.AgencyId == agencyId && p.RecordedAt >= from && p.RecordedAt < to)
                .OrderBy(p => p.RecordedAt)
                .Select(p => new { Task = db.Tasks.Where(t => t.Id == p.TaskId).Select(t => t.Code + " " + t.Title).First(), p.PercentComplete, p.Note })
                .ToListAsync(ct);
            var name = period.Regime switch
            {
                ReportingRegime.Quarterly => $"quý {period.Number}/{period.Year}",
                ReportingRegime.HalfYearly => $"6 tháng {(period.Number == 1 ? "đầu" : "cuối")} năm {period.Year}",
                ReportingRegime.Yearly => $"năm {period.Year}",
                _ => $"đột xuất số {period.Number}/{period.Year}",
            };
            var text = new StringBuilder($"Báo cáo {name} (số liệu đến {period.DataCutOffOn:dd/MM/yyyy})\r\n\r\n");
            if (lines.Count == 0) text.Append("Trong kỳ chưa có cập nhật tiến độ.\r\n");
            foreach (var l in lines) text.Append($"- {l.Task}: {l.Note}{(l.PercentComplete is { } pc ? $" ({pc}%)" : "")}\r\n");
            return text.ToString();
        }
    }
}
