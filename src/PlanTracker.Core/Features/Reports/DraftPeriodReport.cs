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
    /// <param name="Content">"Kết quả đạt được"; <paramref name="Sections"/> the template's other sections (null keeps them).</param>
    public sealed record Command(DateOnly Day, [MultiLine] string? Content = null, int? Version = null,
        ReportingRegime Regime = ReportingRegime.Quarterly, long? PeriodId = null, ReportSections? Sections = null) : IRequest<Result>, ITransactionalCommand;

    /// <summary>The report, its period (when it is due) and, once submitted, who submitted it and when.</summary>
    public sealed record Result(long ReportId, long PeriodId, PeriodReportState State, string Content, int Version,
        ReportSections? Sections = null, DateOnly? SubmissionDueOn = null, DateTimeOffset? SubmittedAt = null, string? SubmittedBy = null,
        string? ReviewComment = null);

    public sealed class Validator : AbstractValidator<Command>
    {
        public const int MaxSection = 20_000;

        public Validator()
        {
            RuleFor(c => c.Content).MaximumLength(100_000);
            RuleFor(c => c.Sections!.Shortcomings).MaximumLength(MaxSection).When(c => c.Sections is not null);
            RuleFor(c => c.Sections!.Causes).MaximumLength(MaxSection).When(c => c.Sections is not null);
            RuleFor(c => c.Sections!.Directions).MaximumLength(MaxSection).When(c => c.Sections is not null);
            RuleFor(c => c.Sections!.Proposals).MaximumLength(MaxSection).When(c => c.Sections is not null);
        }
    }

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, ReportingCalendar calendar, TimeProvider time)
        : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command c, CancellationToken ct)
        {
            if (!access.IsAgencyStaff) throw new ForbiddenException(Wording.Pick("Chỉ cán bộ và thủ trưởng của cơ quan được soạn báo cáo của cơ quan.", "Only an agency's officers and head write its report."));
            var (agencyId, agencyName) = await access.AgencyAsync(ct) ?? throw new ForbiddenException(Wording.Pick("Tài khoản của bạn không thuộc cơ quan nào.", "Your account belongs to no agency."));
            var period = c.PeriodId is { } periodId
                ? await db.ReportingPeriods.SingleOrDefaultAsync(p => p.Id == periodId, ct) ?? throw new RuleViolationException("periodId", Wording.Pick($"Không có kỳ báo cáo {periodId}.", $"Period {periodId} does not exist."))
                : await calendar.PeriodOfAsync(c.Regime, c.Day, ct);
            if (!period.Obliges(await access.ProvinceIdAsync(ct)))
                throw new ForbiddenException(Wording.Pick($"Kỳ báo cáo {period.Id} là báo cáo đột xuất của tỉnh khác.", $"Period {period.Id} is another province's ad hoc report."));
            if (period.Id == 0) await db.SaveChangesAsync(ct);
            var report = await db.PeriodReports.SingleOrDefaultAsync(r => r.ReportingPeriodId == period.Id && r.AgencyId == agencyId, ct);
            var before = report is null ? null : new { report.Content, report.Sections, report.Version };
            if (report is null)
            {
                report = new PeriodReport(period.Id, agencyId, agencyName, c.Content ?? await Draft(agencyId, period, ct));
                if (c.Sections is not null) report.Edit(report.Content, c.Sections);
                db.PeriodReports.Add(report);
            }
            else if (c.Content is not null || c.Sections is not null)
            {
                await db.EnsureVersionAsync(report, c.Version ?? -1, ct);
                report.Edit(c.Content ?? report.Content, c.Sections);
            }
            await db.SaveChangesAsync(ct);
            if (c.Content is not null || c.Sections is not null || before is null)
            {
                db.Record(time.GetUtcNow(), access.UserId, before is null ? "report.drafted" : "report.edited", nameof(PeriodReport), report.Id,
                    before, new { report.Content, report.Sections, report.Version });
                await db.SaveChangesAsync(ct);
            }
            var submittedBy = report.SubmittedByUserId is { } by
                ? await db.Users.Where(u => u.Id == by).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) : null;
            return new Result(report.Id, period.Id, report.State, report.Content, report.Version, report.Sections,
                period.SubmissionDueOn, report.SubmittedAt, submittedBy, report.ReviewComment);
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
