using Npgsql;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Reporting;

namespace PlanTracker.Benchmarks.Generator;

public sealed record ReportCounts(int Periods, int ExpectedAgencies, int OnTime, int Late, int Missing, int Drafts)
{
    public int Reports => OnTime + Late + Drafts;
}

/// <summary>The quarterly reporting periods written, by (year, quarter), for the parts that record per quarter (target actuals).</summary>
public sealed class QuarterDirectory(Dictionary<(int Year, int Quarter), (long Id, ReportingPeriod Period)> quarters)
{
    public long IdOf(DateOnly day) => quarters[(day.Year, (day.Month - 1) / 3 + 1)].Id;
    public bool Covers(DateOnly day) => quarters.ContainsKey((day.Year, (day.Month - 1) / 3 + 1));
}

/// <summary>
/// The reporting calendar and the agencies' quarterly reports. Quarterly periods exist from the
/// first documents' year to the end of today's year (the app creates them as progress is recorded;
/// each built by <see cref="ReportingCalendar.NewPeriod"/> with the default cut-off and due days).
/// From <see cref="DatasetSpec.FirstReportYear"/> on, every agency expected to report (the app's
/// rule, <see cref="ReportingObligations"/>: it leads a task of a published plan, itself or
/// through a group) has, for each quarter whose report was due before today, a report submitted on
/// time, late, or none (missing, sometimes a draft left unsubmitted). Agencies differ: most are
/// reliable, some habitually late, a few often miss; all improve a little year by year. Submitted
/// reports are mostly accepted by the province's secretariat (some returned, the latest quarter
/// partly unreviewed); a central body's reports have no provincial secretariat and stay submitted.
/// The quarter still open today has some drafts.
/// </summary>
public static class ReportGenerator
{
    private static readonly DateTimeOffset Epoch = DateTimeOffset.UnixEpoch;

    public static async Task<(QuarterDirectory Quarters, ReportCounts Counts)> WriteAsync(NpgsqlConnection connection, DatasetSpec spec, StaffDirectory staff)
    {
        var days = new RegimeDays();
        var quarters = new Dictionary<(int, int), (long, ReportingPeriod)>();
        await using (var p = await CopyWriter.StartAsync(connection, "reporting_periods",
            "id", "regime", "year", "number", "start_on", "end_on", "data_cut_off_on", "submission_due_on"))
        {
            for (var year = spec.FirstIssued.Year; year <= spec.Today.Year; year++)
                for (var q = 1; q <= 4; q++)
                {
                    var period = ReportingCalendar.NewPeriod(ReportingRegime.Quarterly, year, q, days);
                    var id = quarters.Count + 1L;
                    quarters[(year, q)] = (id, period);
                    p.Row().Long(id).Enum(period.Regime).Int(period.Year).Int(period.Number).Date(period.StartOn).Date(period.EndOn)
                        .Date(period.DataCutOffOn).Date(period.SubmissionDueOn);
                }
            await p.CompleteAsync();
        }

        var expected = new List<long>();
        await using (var cmd = new NpgsqlCommand("""
            WITH leads AS (SELECT DISTINCT t.lead_agency_id AS id FROM plan_tasks t JOIN plans p ON p.id = t.plan_id
                           WHERE p.status = 'Published' AND t.lead_agency_id IS NOT NULL)
            SELECT a.id FROM agencies a
            WHERE a.kind <> 'Group' AND (a.id IN (SELECT id FROM leads)
                  OR a.id IN (SELECT m.member_id FROM agency_group_members m JOIN leads l ON l.id = m.group_id))
            ORDER BY a.id
            """, connection))
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) expected.Add(reader.GetInt64(0));

        var r = new StableRandom(spec.Seed, "reports");
        var (onTime, late, missing, drafts) = (0, 0, 0, 0);
        long nextId = 1;
        await using (var w = await CopyWriter.StartAsync(connection, "period_reports",
            "id", "reporting_period_id", "agency_id", "agency_name", "state", "content", "submitted_at", "submitted_by_user_id",
            "reviewed_at", "reviewed_by_user_id", "review_comment", "version"))
        {
            foreach (var agency in expected)
            {
                // The agency's habit: (on time, late) shares before the yearly improvement; the rest is missing.
                var (onTimeShare, lateShare) = r.Weighted<(double, double)>([((0.90, 0.08), 55), ((0.65, 0.22), 30), ((0.35, 0.30), 15)]);
                var writers = staff.StaffOf(agency);
                var reviewers = staff.SecretariatFor(agency);
                foreach (var ((year, q), (periodId, period)) in quarters.OrderBy(x => x.Key))
                {
                    if (year < spec.FirstReportYear) continue;
                    var name = staff.Name(agency);
                    var content = $"Báo cáo tình hình thực hiện nhiệm vụ quý {VietnameseNames.Roman(q)}/{year} của {name}: " +
                        $"{r.Pick(Summaries)} Kiến nghị: {r.Pick(Proposals)}";
                    long? writer = writers.Length > 0 ? r.Pick(writers) : null;
                    if (period.SubmissionDueOn >= spec.Today)
                    {
                        // The open quarter: some agencies have started writing, none has submitted before the cut-off.
                        if (period.StartOn <= spec.Today && r.Chance(0.25))
                        {
                            Row(w, nextId++, periodId, agency, name, PeriodReportState.Draft, content, null, null, null, null, null, 1);
                            drafts++;
                        }
                        continue;
                    }
                    var better = 0.03 * (year - spec.FirstReportYear);
                    var x = r.NextDouble();
                    DateOnly submittedOn;
                    if (x < Math.Min(0.98, onTimeShare + better))
                    {
                        submittedOn = period.DataCutOffOn.AddDays(r.Between(1, period.SubmissionDueOn.DayNumber - period.DataCutOffOn.DayNumber));
                        onTime++;
                    }
                    else if (x < Math.Min(0.99, onTimeShare + better + lateShare))
                    {
                        submittedOn = Min(period.SubmissionDueOn.AddDays(r.Skewed(45, 2.0) + 1), spec.Today.AddDays(-1));
                        late++;
                    }
                    else
                    {
                        missing++;
                        if (r.Chance(0.4))
                        {
                            Row(w, nextId++, periodId, agency, name, PeriodReportState.Draft, content, null, null, null, null, null, 1);
                            drafts++;
                        }
                        continue;
                    }
                    var submittedAt = At(submittedOn, r);
                    // Reviewed within a few weeks; the latest quarter's reports partly still wait.
                    var reviewedOn = submittedOn.AddDays(r.Between(1, 25));
                    if (reviewers.Length == 0 || writer is null || reviewedOn >= spec.Today)
                    {
                        Row(w, nextId++, periodId, agency, name, PeriodReportState.Submitted, content, submittedAt, writer, null, null, null, 2);
                        continue;
                    }
                    var accepted = r.Chance(0.95);
                    Row(w, nextId++, periodId, agency, name, accepted ? PeriodReportState.Accepted : PeriodReportState.Returned, content,
                        submittedAt, writer, At(reviewedOn, r), r.Pick(reviewers), accepted ? null : r.Pick(ReturnReasons), 3);
                }
            }
            await w.CompleteAsync();
        }
        return (new QuarterDirectory(quarters), new ReportCounts(quarters.Count, expected.Count, onTime, late, missing, drafts));
    }

    private static void Row(CopyWriter w, long id, long periodId, long agency, string name, PeriodReportState state, string content,
        DateTimeOffset? submittedAt, long? submittedBy, DateTimeOffset? reviewedAt, long? reviewedBy, string? comment, int version) =>
        w.Row().Long(id).Long(periodId).Long(agency).Text(name).Enum(state).Text(content).Timestamp(submittedAt).Long(submittedBy)
            .Timestamp(reviewedAt).Long(reviewedBy).Text(comment).Int(version);

    /// <summary>An instant in office hours (08:00-17:00 in Hà Nội, UTC+7) of the day.</summary>
    public static DateTimeOffset At(DateOnly day, StableRandom r) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddHours(1).AddMinutes(r.Next(9 * 60));

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static readonly string[] Summaries =
    [
        "Các nhiệm vụ được giao cơ bản hoàn thành đúng tiến độ.",
        "Một số nhiệm vụ chậm tiến độ do thiếu kinh phí và nhân lực.",
        "Đã triển khai các hệ thống thông tin theo kế hoạch; tỷ lệ hồ sơ trực tuyến tăng so với quý trước.",
        "Đang hoàn thiện hồ sơ, thủ tục để triển khai các dự án chuyển đổi số.",
        "Đã tổ chức tập huấn kỹ năng số cho cán bộ, công chức.",
    ];

    private static readonly string[] Proposals =
    [
        "đề nghị bố trí kinh phí thực hiện.", "đề nghị gia hạn một số nhiệm vụ.", "không có.", "đề nghị hướng dẫn kết nối, chia sẻ dữ liệu.",
    ];

    private static readonly string[] ReturnReasons =
    [
        "Bổ sung số liệu chỉ tiêu của quý.", "Báo cáo thiếu phần kiến nghị, đề xuất.", "Số liệu chưa khớp với phần mềm, đề nghị rà soát.",
    ];
}
