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

    public sealed class Handler(PlanTrackerDbContext db, QuarterlyReportStore store, Authorization.AccessContext access) : IRequestHandler<Query, Result?>
    {
        public async Task<Result?> Handle(Query q, CancellationToken ct)
        {
            var report = await db.QuarterlyReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == q.Id, ct);
            if (report is null) return null;
            if (!(await Authorization.ReadScopes.ReadScopeAsync(access, db, ct)).Covers(report.ProvinceId))
                throw new Common.ForbiddenException("This report is another province's.");
            return new Result(report.FileName, report.ContentType, () => store.Open(report.StorageKey));
        }
    }
}
