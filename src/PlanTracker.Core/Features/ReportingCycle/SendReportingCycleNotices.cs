using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Email;
using PlanTracker.Core.Localization;
using PlanTracker.Core.Notifications;
using PlanTracker.Core.Persistence;
using PlanTracker.Core.Reporting;

namespace PlanTracker.Core.Features.ReportingCycle;

public sealed class ReportingCycleOptions
{
    /// <summary>Days before a period report is due on which agencies that have not submitted are reminded.</summary>
    public int[] DaysBefore { get; set; } = [7, 3, 1];
}

/// <summary>
/// The reporting cycle's mail. Before a period's submission deadline, the officers and heads of every
/// agency expected to report that has not submitted are reminded; the day after the deadline, each
/// province's secretariat gets the list of agencies still missing, with a Word draft of an urging
/// letter (công văn đôn đốc) per agency, ready to number and sign.
/// </summary>
public static class SendReportingCycleNotices
{
    public const string Job = "reporting-cycle";

    public sealed record Command(DateOnly AsOf) : IRequest<MailRunResult>, ITransactionalCommand;

    private static readonly System.Globalization.CultureInfo Vietnamese = new("vi-VN");

    private sealed record Missing(ReportingPeriod Period, long AgencyId, string Agency, long? ProvinceId);

    public sealed class Handler(PlanTrackerDbContext db, ReportingCalendar calendar, Recipients recipients, ReportingCycleOptions options,
        TimeProvider time, MailOptions links) : IRequestHandler<Command, MailRunResult>
    {
        public async Task<MailRunResult> Handle(Command c, CancellationToken ct)
        {
            // The quarter's period row is created on first use; make sure today's exists before looking for deadlines.
            await calendar.QuarterOfAsync(c.AsOf, ct);
            await db.SaveChangesAsync(ct);
            var mailer = await JobMailer.OpenAsync(db, Job, c.AsOf, time, ct);

            var reminderDates = options.DaysBefore.Select(n => c.AsOf.AddDays(n)).ToList();
            await RemindAgencies(mailer, await MissingAsync(p => reminderDates.Contains(p.SubmissionDueOn), ct), ct);
            var yesterday = c.AsOf.AddDays(-1);
            await TellSecretariat(mailer, await MissingAsync(p => p.SubmissionDueOn == yesterday, ct), ct);
            await db.SaveChangesAsync(ct);
            return mailer.Result;
        }

        /// <summary>Agencies expected to report for the matching periods that have not submitted.</summary>
        private async Task<List<Missing>> MissingAsync(System.Linq.Expressions.Expression<Func<ReportingPeriod, bool>> periods, CancellationToken ct)
        {
            var due = await db.ReportingPeriods.Where(periods).ToListAsync(ct);
            var missing = new List<Missing>();
            foreach (var period in due)
                missing.AddRange((await db.AgenciesMissingReport(period.Id).AsNoTracking()
                        .OrderBy(a => a.Name)
                        .Select(a => new { a.Id, a.Name, a.ProvinceId }).ToListAsync(ct))
                    .Select(a => new Missing(period, a.Id, a.Name, a.ProvinceId)));
            return missing;
        }

        private async Task RemindAgencies(JobMailer mailer, List<Missing> missing, CancellationToken ct)
        {
            if (missing.Count == 0) return;
            var agencyIds = missing.Select(m => m.AgencyId).ToList();
            var people = (await recipients.InRoleAsync(Roles.AgencyOfficer, agencyIds, ct)).Concat(await recipients.InRoleAsync(Roles.AgencyHead, agencyIds, ct));
            foreach (var to in people)
            {
                var fresh = mailer.Fresh(to, missing.Where(m => m.AgencyId == to.AgencyId), m => $"period:{m.Period.Id}");
                if (fresh.Count == 0) continue;
                mailer.Queue(to, fresh.Select(m => $"period:{m.Period.Id}").ToList(), mail =>
                {
                    foreach (var m in fresh)
                        mail.Paragraph(mail.Pick(
                            $"{m.Agency} chưa gửi báo cáo {PeriodLabel(m.Period, mail)}. Hạn gửi: {DeadlineDisplay.Day(m.Period.SubmissionDueOn)} "
                                + $"({DeadlineDisplay.Distance(m.Period.SubmissionDueOn, Timeliness.InProgressWithinDeadline, mailer.AsOf, mail.Culture)}).",
                            $"{m.Agency} has not sent its report for {PeriodLabel(m.Period, mail)}. Due: {DeadlineDisplay.Day(m.Period.SubmissionDueOn)} "
                                + $"({DeadlineDisplay.Distance(m.Period.SubmissionDueOn, Timeliness.InProgressWithinDeadline, mailer.AsOf, mail.Culture)})."));
                    mail.Link(mail.Pick("Đề nghị hoàn thiện và gửi báo cáo trên PlanTracker:", "Please complete and submit it in PlanTracker:"),
                        ReportsLink(fresh[0].Period));
                    return mail.Pick($"Nhắc gửi báo cáo {PeriodLabel(fresh[0].Period, mail)}", $"Reminder: report for {PeriodLabel(fresh[0].Period, mail)}");
                });
            }
        }

        private async Task TellSecretariat(JobMailer mailer, List<Missing> missing, CancellationToken ct)
        {
            if (missing.Count == 0) return;
            var secretariat = await recipients.SecretariatAsync(ct);
            var provinceIds = secretariat.Select(s => s.ProvinceId).Distinct().ToList();
            var agencyIds = secretariat.Select(s => s.User.AgencyId).Distinct().ToList();
            var provinces = await db.Set<Province>().AsNoTracking().Where(p => provinceIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
            var agencies = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
            // Everyone at one secretariat gets the same letters: each is written once.
            var letters = new Dictionary<(long Secretariat, long Period, long Agency), (string Name, byte[] Content)>();
            foreach (var (provinceId, to) in secretariat)
            {
                var fresh = mailer.Fresh(to, missing.Where(m => m.ProvinceId == provinceId), Key);
                if (fresh.Count == 0) continue;
                mailer.Queue(to, fresh.Select(Key).ToList(), mail =>
                {
                    var period = PeriodLabel(fresh[0].Period, mail);
                    mail.Paragraph(mail.Pick(
                            $"Hết hạn gửi báo cáo {period} ({DeadlineDisplay.Day(fresh[0].Period.SubmissionDueOn)}), {fresh.Count} cơ quan chưa gửi. "
                                + "Kèm theo là dự thảo công văn đôn đốc gửi từng cơ quan.",
                            $"The deadline for the {period} report ({DeadlineDisplay.Day(fresh[0].Period.SubmissionDueOn)}) has passed and {fresh.Count} agencies "
                                + "have not reported. A draft urging letter (công văn đôn đốc) for each is attached."))
                        .Table([mail.Pick("STT", "No."), mail.Pick("Cơ quan", "Agency")],
                            fresh.Select((m, i) => (IReadOnlyList<string>)[(i + 1).ToString(mail.Culture), m.Agency]))
                        .Link(mail.Pick("Xem tình hình gửi báo cáo trên PlanTracker:", "See who has reported in PlanTracker:"), ReportsLink(fresh[0].Period));
                    foreach (var m in fresh)
                    {
                        if (!letters.TryGetValue((to.AgencyId, m.Period.Id, m.AgencyId), out var letter))
                        {
                            var facts = new UrgingLetterFacts(provinces[provinceId], agencies[to.AgencyId], m.Agency,
                                PeriodDisplay.Label(m.Period, Vietnamese), m.Period.SubmissionDueOn, mailer.AsOf);
                            letters[(to.AgencyId, m.Period.Id, m.AgencyId)] = letter = (UrgingLetter.FileName(facts), UrgingLetter.Build(facts));
                        }
                        mail.Attach(letter.Name, UrgingLetter.ContentType, letter.Content);
                    }
                    return mail.Pick($"Danh sách cơ quan chưa gửi báo cáo {period}: {fresh.Count}", $"Agencies missing the {period} report: {fresh.Count}");
                });
            }
        }

        /// <summary>The Reports page opened on the period the mail is about (a quarter), or on the current one.</summary>
        private string ReportsLink(ReportingPeriod p) =>
            links.Link(p.Regime == ReportingRegime.Quarterly ? $"/Reports?year={p.Year}&quarter={p.Number}" : "/Reports");

        private static string Key(Missing m) => $"missing:period:{m.Period.Id}:agency:{m.AgencyId}";

        private static string PeriodLabel(ReportingPeriod p, MailComposer mail) => PeriodDisplay.Label(p, mail.Culture);
    }
}
