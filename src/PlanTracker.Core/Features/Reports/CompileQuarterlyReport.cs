using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Email;
using PlanTracker.Core.Localization;
using PlanTracker.Core.Notifications;
using PlanTracker.Core.Persistence;
using PlanTracker.Core.Reporting;
using PlanTracker.Core.Reports;

namespace PlanTracker.Core.Features.Reports;

/// <summary>
/// The daily quarterly-report job. Once the latest quarter's submission deadline has passed, each
/// province with a published plan gets its report compiled (unless a version compiled after the
/// deadline already exists) and every steering committee member of the province is mailed the
/// download links, once: the notification log keys the mail on the quarter, not on the run's day.
/// </summary>
public static class CompileQuarterlyReport
{
    public const string Job = "quarterly-report";

    public sealed record Command(DateOnly AsOf) : IRequest<Result>;

    public sealed record Result(string Quarter, int Compiled, int Mails)
    {
        public override string ToString() => $"{Quarter}: {Compiled} report(s) compiled, {Mails} mail(s)";
    }

    private sealed record Province(long Id, string Key, string Name);

    public sealed class Handler(PlanTrackerDbContext db, ReportingCalendar calendar, QuarterlyReportCompiler compiler, Recipients recipients,
        MailOptions mail, TimeProvider time) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command c, CancellationToken ct)
        {
            var period = await LatestDueAsync(c.AsOf, ct);
            await db.SaveChangesAsync(ct);
            var provinces = await db.Provinces.AsNoTracking()
                .Where(p => db.Plans.Any(plan => plan.ProvinceId == p.Id && plan.Status == PlanStatus.Published))
                .OrderBy(p => p.Id).Select(p => new Province(p.Id, p.Key, p.Name)).ToListAsync(ct);
            var (compiled, mails) = (0, 0);
            foreach (var province in provinces)
            {
                var (c1, m1) = await compiler.ExclusiveAsync(province.Id, period, () => CompileAndMail(province, period, c.AsOf, ct), ct);
                compiled += c1;
                mails += m1;
            }
            return new Result($"{period.Year}-Q{period.Number}", compiled, mails);
        }

        /// <summary>The latest quarter whose submission deadline is over on <paramref name="asOf"/>.</summary>
        private async Task<ReportingPeriod> LatestDueAsync(DateOnly asOf, CancellationToken ct)
        {
            var current = await calendar.QuarterOfAsync(asOf, ct);
            return asOf > current.SubmissionDueOn ? current : await calendar.QuarterOfAsync(current.StartOn.AddDays(-1), ct);
        }

        private async Task<(int Compiled, int Mails)> CompileAndMail(Province province, ReportingPeriod period, DateOnly asOf, CancellationToken ct)
        {
            var latest = await db.QuarterlyReports.AsNoTracking()
                .Where(r => r.ProvinceId == province.Id && r.ReportingPeriodId == period.Id)
                .OrderByDescending(r => r.Version).ThenBy(r => r.Kind).Take(2).ToListAsync(ct);
            var compiled = 0;
            // A version compiled before the deadline lacks the reports still coming in: compile again.
            if (latest.Count == 0 || latest[0].DataAsOf <= period.SubmissionDueOn)
            {
                latest = [.. await compiler.CompileAsync(province.Id, period, QuarterlyReportScope.DataDay(period.Year, period.Number, asOf), null, Job, ct)];
                compiled = 1;
            }

            var item = $"quarter:{period.Year}-Q{period.Number}/{province.Key}";
            var mailer = await JobMailer.OpenAsync(db, Job, period.EndOn, time, ct);
            var members = (await SteeringMembers(province.Id, ct)).Where(r => mailer.Fresh(r, [item], i => i).Count > 0).ToList();
            if (members.Count > 0)
            {
                var scope = await QuarterlyReportScope.ForAsync(db, province.Id, period, latest[0].DataAsOf, latest[0].DataAsOf, ct);
                var data = new QuarterlyReportData(db, scope);
                var totals = await data.TotalsAsync(ct);
                var (missing, expected) = await data.ReportingAsync(ct);
                foreach (var user in members)
                    mailer.Queue(user, [item], composer => Compose(composer, province, scope, latest, totals, missing, expected));
                await db.SaveChangesAsync(ct);
            }
            return (compiled, mailer.Mails);
        }

        /// <summary>Steering committee members working in the province or overseeing one of its agencies, once each.</summary>
        private async Task<List<Recipient>> SteeringMembers(long provinceId, CancellationToken ct)
        {
            var agencies = await db.Agencies.Where(a => a.ProvinceId == provinceId).Select(a => a.Id).ToListAsync(ct);
            return (await recipients.InRoleAsync(Roles.SteeringMember, agencies, ct)).Concat(await recipients.OverseersAsync(agencies, ct))
                .DistinctBy(r => r.Id).OrderBy(r => r.Id).ToList();
        }

        /// <returns>The subject; the body goes into <paramref name="composer"/>.</returns>
        private string Compose(MailComposer composer, Province province, QuarterlyReportScope scope, IReadOnlyList<QuarterlyReport> files,
            TimelinessCounts totals, int missing, int expected)
        {
            var quarter = QuarterlyReportScope.Name(scope.Year, scope.Quarter, composer.Culture);
            var day = DeadlineDisplay.Day(scope.AsOf);
            var overdue = totals[Timeliness.InProgressOverdue];
            composer.Paragraph(composer.Pick(
                    $"Báo cáo tổng hợp tình hình thực hiện các kế hoạch, nhiệm vụ {quarter} của tỉnh {province.Name} (số liệu tính đến ngày {day}) đã được lập: " +
                    $"{totals.Total} nhiệm vụ, trong đó {overdue} nhiệm vụ quá hạn; {missing}/{expected} đơn vị chưa gửi báo cáo.",
                    $"The {province.Name} progress report for {quarter} (data as of {day}) is ready: " +
                    $"{totals.Total} tasks, {overdue} of them overdue; {missing} of {expected} agencies have not reported."))
                .Table([composer.Pick("Tệp", "File"), composer.Pick("Dung lượng", "Size"), composer.Pick("Tải về", "Download")],
                    files.Select(f => (IReadOnlyList<string>)
                    [
                        f.Kind == ReportFileKind.Docx ? "Word (.docx)" : "Excel (.xlsx)",
                        FileSizeDisplay.Format(f.SizeBytes, composer.Culture),
                        mail.Link($"/reports/quarterly/{f.Id}/file"),
                    ]))
                .Paragraph(composer.Pick("Đăng nhập PlanTracker để tải báo cáo.", "Sign in to PlanTracker to download it."));
            return composer.Pick($"Báo cáo tình hình thực hiện {quarter} - tỉnh {province.Name}", $"Progress report for {quarter} - {province.Name}");
        }
    }
}
