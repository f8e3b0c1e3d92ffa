using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Reports;

/// <summary>The secretariat's inbox for one quarter: the reports its province's agencies submitted.</summary>
public static class ListSubmittedReports
{
    public sealed record Query(int Year, int Quarter) : IRequest<IReadOnlyList<Item>>;

    public sealed record Item(long Id, string Agency, PeriodReportState State, string Content, DateTimeOffset? SubmittedAt,
        ReportSections? Sections = null, string? SubmittedBy = null);

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access) : IRequestHandler<Query, IReadOnlyList<Item>>
    {
        public async Task<IReadOnlyList<Item>> Handle(Query q, CancellationToken ct)
        {
            var provinceId = await access.SecretariatProvinceAsync(db, ct);
            return await db.PeriodReports.AsNoTracking()
                .Where(r => r.SubmittedAt != null && db.Agencies.Any(a => a.Id == r.AgencyId && a.ProvinceId == provinceId)
                    && db.ReportingPeriods.Any(p => p.Id == r.ReportingPeriodId && p.Regime == ReportingRegime.Quarterly && p.Year == q.Year && p.Number == q.Quarter))
                .OrderBy(r => r.SubmittedAt)
                .Select(r => new Item(r.Id, r.AgencyName, r.State, r.Content, r.SubmittedAt,
                    new ReportSections(r.Shortcomings, r.Causes, r.Directions, r.Proposals),
                    db.Users.Where(u => u.Id == r.SubmittedByUserId).Select(u => u.DisplayName).FirstOrDefault()))
                .ToListAsync(ct);
        }
    }
}
