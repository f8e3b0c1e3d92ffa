using Humanizer;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Email;
using PlanTracker.Core.Localization;
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

    private sealed record Recipient(long Id, string Email, string Culture);

    public sealed class Handler(PlanTrackerDbContext db, ReportingCalendar calendar, QuarterlyReportCompiler compiler, MailOptions mail,
        TimeProvider time) : IRequestHandler<Command, Result>
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
            var told = await db.NotificationLog.Where(n => n.Job == Job && n.AsOf == period.EndOn && n.Item == item).Select(n => n.UserId).ToListAsync(ct);
            var recipients = (await SteeringMembers(province.Id, ct)).Where(r => !told.Contains(r.Id)).ToList();
            if (recipients.Count > 0)
            {
                var scope = await QuarterlyReportScope.ForAsync(db, province.Id, period, latest[0].DataAsOf, latest[0].DataAsOf, ct);
                var data = new QuarterlyReportData(db, scope);
                var totals = await data.TotalsAsync(ct);
                var (missing, expected) = await data.ReportingAsync(ct);
                var now = time.GetUtcNow();
                foreach (var user in recipients)
                {
                    var message = Compose(user, province, scope, latest, totals, missing, expected, now);
                    db.OutboxMessages.Add(message);
                    var log = new NotificationLog(Job, period.EndOn, user.Id, item);
                    log.SentIn(message);
                    db.NotificationLog.Add(log);
                }
                await db.SaveChangesAsync(ct);
            }
            return (compiled, recipients.Count);
        }

        /// <summary>Steering committee members working in the province or overseeing one of its agencies.</summary>
        private async Task<List<Recipient>> SteeringMembers(long provinceId, CancellationToken ct)
        {
            var now = time.GetUtcNow();
            return await db.Users.AsNoTracking()
                .Where(u => u.Email != null && (u.LockoutEnd == null || u.LockoutEnd < now)
                    && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.SteeringMember))
                    && ((u.Agency != null && u.Agency.ProvinceId == provinceId)
                        || db.SteeringAssignments.Any(s => s.UserId == u.Id && db.Agencies.Any(a => a.Id == s.AgencyId && a.ProvinceId == provinceId))))
                .OrderBy(u => u.Id)
                .Select(u => new Recipient(u.Id, u.Email!, u.PreferredCulture))
                .ToListAsync(ct);
        }

        private OutboxMessage Compose(Recipient user, Province province, QuarterlyReportScope scope, IReadOnlyList<QuarterlyReport> files,
            TimelinessCounts totals, int missing, int expected, DateTimeOffset now)
        {
            var composer = new MailComposer(user.Culture);
            var quarter = QuarterlyReportScope.Name(scope.Year, scope.Quarter, composer.Culture);
            var day = DeadlineDisplay.Day(scope.AsOf);
            var overdue = totals[Timeliness.InProgressOverdue];
            var subject = composer.Pick($"Báo cáo tình hình thực hiện {quarter} - tỉnh {province.Name}",
                $"Progress report for {quarter} - {province.Name}");
            composer.Paragraph(composer.Pick(
                    $"Báo cáo tổng hợp tình hình thực hiện các kế hoạch, nhiệm vụ {quarter} của tỉnh {province.Name} (số liệu tính đến ngày {day}) đã được lập: " +
                    $"{totals.Total} nhiệm vụ, trong đó {overdue} nhiệm vụ quá hạn; {missing}/{expected} đơn vị chưa gửi báo cáo.",
                    $"The {province.Name} progress report for {quarter} (data as of {day}) is ready: " +
                    $"{totals.Total} tasks, {overdue} of them overdue; {missing} of {expected} agencies have not reported."))
                .Table([composer.Pick("Tệp", "File"), composer.Pick("Dung lượng", "Size"), composer.Pick("Tải về", "Download")],
                    files.Select(f => (IReadOnlyList<string>)
                    [
                        f.Kind == ReportFileKind.Docx ? "Word (.docx)" : "Excel (.xlsx)",
                        f.SizeBytes.Bytes().Humanize("0.#", composer.Culture),
                        mail.Link($"/reports/quarterly/{f.Id}/file"),
                    ]))
                .Paragraph(composer.Pick("Đăng nhập PlanTracker để tải báo cáo.", "Sign in to PlanTracker to download it."));
            var (text, html) = composer.Build();
            return new OutboxMessage(Job, user.Email, user.Id, subject, text, html, now);
        }
    }
}
