using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Audit;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;
using PlanTracker.Core.Reporting;
using PlanTracker.Core.Reports;

namespace PlanTracker.Core.Features.Reports;

/// <summary>
/// The secretariat (or an administrator, naming the province) compiles a quarter's provincial
/// report now. Each compile is a new version; nothing is mailed (the quarterly-report job mails
/// the steering committee once the quarter's submission deadline has passed).
/// </summary>
public static class CompileQuarterlyReportNow
{
    public sealed record Command(int Year, int Quarter, string? Province = null) : IRequest<Result>;

    public sealed record Result(int Version, DateOnly DataAsOf, IReadOnlyList<QuarterlyReportFile> Files);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Year).InclusiveBetween(2000, 2100).WithMessage("'year' must be between 2000 and 2100.");
            RuleFor(c => c.Quarter).InclusiveBetween(1, 4).WithMessage("'quarter' must be 1, 2, 3 or 4.");
        }
    }

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, ReportingCalendar calendar, QuarterlyReportCompiler compiler,
        ProvinceClock clock, TimeProvider time) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command c, CancellationToken ct)
        {
            var provinceId = await ProvinceAsync(c, ct);
            var today = clock.Today;
            var period = await calendar.PeriodNumberAsync(ReportingRegime.Quarterly, c.Year, c.Quarter, ct);
            if (period.StartOn > today)
                throw new RuleViolationException("quarter", Wording.Pick($"Quý {c.Quarter}/{c.Year} chưa bắt đầu.", $"Quarter {c.Quarter} of {c.Year} has not begun yet."));
            var asOf = QuarterlyReportScope.DataDay(c.Year, c.Quarter, today);
            var files = await compiler.ExclusiveAsync(provinceId, period, async () =>
            {
                var compiled = await compiler.CompileAsync(provinceId, period, asOf, access.UserId, null, ct);
                db.Record(time.GetUtcNow(), access.UserId, "quarterly-report.compiled", nameof(QuarterlyReport), compiled[0].Id, null,
                    new { c.Year, c.Quarter, compiled[0].Version, DataAsOf = asOf });
                await db.SaveChangesAsync(ct);
                return compiled;
            }, ct);
            var ids = files.Select(f => f.Id).ToList();
            return new Result(files[0].Version, asOf, await ListQuarterlyReports.Files(db, db.QuarterlyReports.Where(r => ids.Contains(r.Id)).Select(r => r.Id), ct));
        }

        /// <summary>The secretariat's own province; an administrator names one.</summary>
        private async Task<long> ProvinceAsync(Command c, CancellationToken ct)
        {
            if (access.IsSecretariat)
            {
                var own = await access.SecretariatProvinceAsync(db, ct);
                if (c.Province is { Length: > 0 } key && !await db.Provinces.AnyAsync(p => p.Id == own && p.Key == key, ct))
                    throw new ForbiddenException(Wording.Pick("Thường trực chỉ tổng hợp báo cáo của tỉnh mình.", "The secretariat compiles its own province's report only."));
                return own;
            }
            if (!access.IsAdmin) throw new ForbiddenException(Wording.Pick("Chỉ thường trực và quản trị viên được tổng hợp báo cáo quý.", "Only the secretariat and administrators compile the quarterly report."));
            if (c.Province is not { Length: > 0 } province)
                throw new RuleViolationException("province", Wording.Pick("Hãy ghi tỉnh cần tổng hợp báo cáo (theo mã, ví dụ 'vinh-phuc').", "Name the province whose report to compile (its key, e.g. 'vinh-phuc')."));
            return await db.Provinces.Where(p => p.Key == province).Select(p => (long?)p.Id).SingleOrDefaultAsync(ct)
                ?? throw new RuleViolationException("province", Wording.Pick($"Không có tỉnh '{province}'.", $"There is no province '{province}'."));
        }
    }
}
