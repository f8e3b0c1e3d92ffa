using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Audit;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Reports;

/// <summary>The agency head submits the agency's report.</summary>
public static class SubmitPeriodReport
{
    public sealed record Command(long ReportId, int Version) : IRequest<PeriodReportState>;

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, TimeProvider time) : IRequestHandler<Command, PeriodReportState>
    {
        public async Task<PeriodReportState> Handle(Command c, CancellationToken ct)
        {
            var report = await db.PeriodReports.SingleOrDefaultAsync(r => r.Id == c.ReportId, ct)
                ?? throw new NotFoundException(Wording.Pick($"Không có báo cáo {c.ReportId}.", $"Report {c.ReportId} does not exist."));
            if (!access.IsAgencyHead || await access.AgencyIdAsync(ct) != report.AgencyId)
                throw new ForbiddenException(Wording.Pick("Chỉ thủ trưởng cơ quan báo cáo được gửi báo cáo.", "Only the head of the reporting agency submits its report."));
            await db.EnsureVersionAsync(report, c.Version, ct);
            var now = time.GetUtcNow();
            report.Submit(access.UserId, now);
            db.Record(now, access.UserId, "report.submitted", nameof(PeriodReport), report.Id, null, new { report.State });
            await db.SaveChangesAsync(ct);
            return report.State;
        }
    }
}
