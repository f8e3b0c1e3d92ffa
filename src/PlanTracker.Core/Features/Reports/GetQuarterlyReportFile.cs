using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Persistence;
using PlanTracker.Core.Reports;

namespace PlanTracker.Core.Features.Reports;

/// <summary>A compiled report's file for download; any signed-in user may read it.</summary>
public static class GetQuarterlyReportFile
{
    public sealed record Query(long Id) : IRequest<Result?>;

    public sealed record Result(string FileName, string ContentType, Func<Stream> Open);

    public sealed class Handler(PlanTrackerDbContext db, QuarterlyReportStore store) : IRequestHandler<Query, Result?>
    {
        public async Task<Result?> Handle(Query q, CancellationToken ct)
        {
            var report = await db.QuarterlyReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == q.Id, ct);
            return report is null ? null : new Result(report.FileName, report.ContentType, () => store.Open(report.StorageKey));
        }
    }
}
