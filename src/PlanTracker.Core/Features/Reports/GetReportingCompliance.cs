using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;
using PlanTracker.Core.Reporting;

namespace PlanTracker.Core.Features.Reports;

public enum Compliance { OnTime, Late, Missing }

/// <summary>
/// For one period (a quarter by default): which agencies of the province submitted on time, late, or not at all
/// ("14/150 đơn vị không gửi báo cáo"). The agencies expected to report are those leading a task
/// of a published plan of the province.
/// </summary>
public static class GetReportingCompliance
{
    public sealed record Query(int Year, int Number, ReportingRegime Regime = ReportingRegime.Quarterly) : IRequest<Result>;

    public sealed record Row(long AgencyId, string Agency, Compliance Compliance, DateTimeOffset? SubmittedAt, PeriodReportState? State);

    public sealed record Result(DateOnly SubmissionDueOn, IReadOnlyList<Row> Agencies, int Missing, int Total);

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, Reporting.ReportingCalendar calendar)
        : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query q, CancellationToken ct)
        {
            var provinceId = await access.SecretariatProvinceAsync(db, ct);
            var period = await calendar.PeriodNumberAsync(q.Regime, q.Year, q.Number, ct, provinceId);
            var expected = await db.AgenciesExpectedToReport().AsNoTracking()
                .Where(a => a.ProvinceId == provinceId)
                .Select(a => new { a.Id, Name = a.ShortName ?? a.Name })
                .ToListAsync(ct);
            // On time or late is decided in SQL by the one rule the dashboard's heatmap uses too.
            var reports = period.Id == 0 ? [] : await db.Submissions().AsNoTracking()
                .Where(r => r.PeriodId == period.Id).ToListAsync(ct);
            var deadline = period.SubmissionDueOn;
            var rows = expected.Select(a =>
            {
                var r = reports.SingleOrDefault(x => x.AgencyId == a.Id);
                var compliance = r is null ? Compliance.Missing : r.OnTime ? Compliance.OnTime : Compliance.Late;
                return new Row(a.Id, a.Name, compliance, r?.SubmittedAt, r?.State);
            }).OrderBy(r => r.Compliance).ThenBy(r => r.Agency).ToList();
            return new Result(deadline, rows, rows.Count(r => r.Compliance == Compliance.Missing), rows.Count);
        }
    }
}
