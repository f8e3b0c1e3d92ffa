using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Audit;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Reports;

/// <summary>The secretariat accepts a submitted report or returns it with comments.</summary>
public static class ReviewPeriodReport
{
    public sealed record Command(long ReportId, bool Accept, [MultiLine] string? Comment) : IRequest<PeriodReportState>;

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, TimeProvider time) : IRequestHandler<Command, PeriodReportState>
    {
        public async Task<PeriodReportState> Handle(Command c, CancellationToken ct)
        {
            var report = await db.PeriodReports.SingleOrDefaultAsync(r => r.Id == c.ReportId, ct)
                ?? throw new NotFoundException(Wording.Pick($"Không có báo cáo {c.ReportId}.", $"Report {c.ReportId} does not exist."));
            var provinceId = await access.SecretariatProvinceAsync(db, ct);
            if (!await db.Agencies.AnyAsync(a => a.Id == report.AgencyId && a.ProvinceId == provinceId, ct))
                throw new ForbiddenException(Wording.Pick("Bạn chỉ được xem xét báo cáo của tỉnh mình.", "You review only your own province's reports."));
            var now = time.GetUtcNow();
            report.Review(c.Accept, c.Comment, access.UserId, now);
            db.Record(now, access.UserId, c.Accept ? "report.accepted" : "report.returned", nameof(PeriodReport), report.Id, null,
                new { report.State, c.Comment });
            await db.SaveChangesAsync(ct);
            return report.State;
        }
    }
}
