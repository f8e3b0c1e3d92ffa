using System.Globalization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;
using PlanTracker.Core.Reports;

namespace PlanTracker.Core.Features.Reports;

/// <summary>One stored file of a compiled quarterly report, as lists and the API show it.</summary>
public sealed record QuarterlyReportFile(long Id, string Province, int Year, int Quarter, string Label, int Version, ReportFileKind Kind,
    string FileName, long SizeBytes, string Sha256, DateOnly DataAsOf, DateTimeOffset CreatedAt, string CreatedBy);

/// <summary>
/// Every compiled quarterly report (all versions) of the provinces the user reads (docs/decisions/0013-read-rules.md),
/// newest quarter and version first.
/// </summary>
public static class ListQuarterlyReports
{
    public sealed record Query(int? Year = null, int? Quarter = null) : IRequest<IReadOnlyList<QuarterlyReportFile>>;

    public sealed class Handler(PlanTrackerDbContext db, Authorization.AccessContext access) : IRequestHandler<Query, IReadOnlyList<QuarterlyReportFile>>
    {
        public async Task<IReadOnlyList<QuarterlyReportFile>> Handle(Query q, CancellationToken ct)
        {
            var scope = await Authorization.ReadScopes.ReadScopeAsync(access, db, ct);
            var provinces = scope.Provinces;
            var ids = db.QuarterlyReports.AsNoTracking()
                .Where(r => scope.Everything || provinces.Contains(r.ProvinceId))
                .Where(r => db.ReportingPeriods.Any(p => p.Id == r.ReportingPeriodId
                    && (q.Year == null || p.Year == q.Year) && (q.Quarter == null || p.Number == q.Quarter)))
                .Select(r => r.Id);
            return await Files(db, ids, ct);
        }
    }

    /// <summary>The listed shape of the given files, newest quarter and version first.</summary>
    internal static async Task<IReadOnlyList<QuarterlyReportFile>> Files(PlanTrackerDbContext db, IQueryable<long> ids, CancellationToken ct)
    {
        var rows = await (from r in db.QuarterlyReports.AsNoTracking()
                          where ids.Contains(r.Id)
                          join p in db.ReportingPeriods on r.ReportingPeriodId equals p.Id
                          join province in db.Provinces on r.ProvinceId equals province.Id
                          orderby p.Year descending, p.Number descending, province.Name, r.Version descending, r.Kind
                          select new
                          {
                              r.Id, Province = province.Name, p.Year, p.Number, r.Version, r.Kind, r.FileName, r.SizeBytes, r.Sha256, r.DataAsOf,
                              r.CreatedAt, r.CreatedByJob, User = db.Users.Where(u => u.Id == r.CreatedByUserId).Select(u => u.DisplayName).FirstOrDefault(),
                          }).ToListAsync(ct);
        var vietnamese = CultureInfo.GetCultureInfo("vi-VN");
        return rows.Select(r => new QuarterlyReportFile(r.Id, r.Province, r.Year, r.Number, QuarterlyReportScope.Name(r.Year, r.Number, vietnamese),
            r.Version, r.Kind, r.FileName, r.SizeBytes, r.Sha256, r.DataAsOf, r.CreatedAt, r.User ?? r.CreatedByJob ?? "")).ToList();
    }
}
