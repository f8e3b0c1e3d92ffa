using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;
using W = PlanTracker.Core.Reports.ReportWording;

namespace PlanTracker.Core.Reports;

/// <summary>The quarterly report as a workbook, one sheet per section, with numbers and dates as real cells.</summary>
internal static class QuarterlyReportXlsx
{
    public static readonly IReadOnlyList<string> Sheets =
        ["Tổng hợp", "Theo kế hoạch", "Theo cơ quan", "Chỉ tiêu", "Quá hạn", "Chưa báo cáo", "Đến hạn quý sau"];

    private static readonly string[] TaskHeader = ["STT", "Mã nhiệm vụ", "Nhiệm vụ", "Văn bản giao", "Cơ quan chủ trì", "Thời hạn", "Hạn"];

    public static async Task WriteAsync(PlanTrackerDbContext db, QuarterlyReportScope scope, Stream output, CancellationToken ct)
    {
        var data = new QuarterlyReportData(db, scope);
        var totals = await data.TotalsAsync(ct);
        var (missing, expected) = await data.ReportingAsync(ct);
        using var book = new XlsxWriter(output, Sheets);

        using (var sheet = book.NextSheet(42, 16))
        {
            sheet.Title(W.Issuer(scope));
            sheet.Title("BÁO CÁO " + W.Title(scope));
            sheet.Row("Số liệu tính đến ngày", scope.AsOf);
            sheet.Row("Ngày lập báo cáo", scope.IssuedOn);
            sheet.Blank();
            sheet.Header("Tình trạng", "Số nhiệm vụ");
            foreach (var state in W.States) sheet.Row(W.State(state), totals[state]);
            sheet.Total("Tổng số", totals.Total);
            sheet.Blank();
            sheet.Row("Hạn gửi báo cáo " + scope.Label, scope.SubmissionDueOn);
            sheet.Row("Số đơn vị phải báo cáo", expected);
            sheet.Row("Số đơn vị chưa gửi báo cáo", missing);
        }
        await CountSheet(book, scope, "Kế hoạch", data.ByPlan(), ct);
        await CountSheet(book, scope, "Cơ quan chủ trì", data.ByAgency(), ct);

        using (var sheet = book.NextSheet(6, 14, 50, 16, 14, 14, 16))
        {
            sheet.Title($"Kết quả thực hiện các chỉ tiêu - {scope.Label} - tỉnh {scope.ProvinceName}");
            sheet.Header("STT", "Mã nhiệm vụ", "Chỉ tiêu", "Mục tiêu", "Giá trị mục tiêu", "Thực hiện", "Đánh giá");
            await foreach (var t in data.Targets().WithCancellation(ct))
                sheet.Row(sheet.DataRows + 1, t.TaskCode, t.Text is { Length: > 0 } text ? $"{t.Indicator} ({text})" : t.Indicator,
                    W.Goal(t), t.Value, t.Actual, W.Result(t.Result));
        }

        using (var sheet = book.NextSheet(6, 14, 60, 30, 24, 18, 12, 18, 12))
        {
            sheet.Title($"Các nhiệm vụ quá hạn đến ngày {W.Day(scope.AsOf)} - tỉnh {scope.ProvinceName}");
            sheet.Header([.. TaskHeader, "Thời gian quá hạn", "Số ngày quá hạn"]);
            await foreach (var t in data.Overdue().WithCancellation(ct))
                sheet.Row([.. TaskCells(sheet, t), W.Delay(t, scope.AsOf), scope.AsOf.DayNumber - t.EffectiveDueOn!.Value.DayNumber]);
        }

        using (var sheet = book.NextSheet(6, 60))
        {
            sheet.Title($"Các đơn vị chưa gửi báo cáo {scope.Label} (hạn gửi ngày {W.Day(scope.SubmissionDueOn)}): {missing}/{expected}");
            sheet.Header("STT", "Cơ quan, đơn vị");
            await foreach (var name in data.MissingAgencies().WithCancellation(ct)) sheet.Row(sheet.DataRows + 1, name);
        }

        using (var sheet = book.NextSheet(6, 14, 60, 30, 24, 18, 12, 22))
        {
            sheet.Title($"Các nhiệm vụ đến hạn trong {scope.NextLabel} - tỉnh {scope.ProvinceName}");
            sheet.Header([.. TaskHeader, "Tình trạng"]);
            await foreach (var t in data.DueNextQuarter().WithCancellation(ct)) sheet.Row([.. TaskCells(sheet, t), W.Progress(t)]);
        }
        book.Finish();
    }

    private static object?[] TaskCells(XlsxSheet sheet, TaskRow t) =>
        [sheet.DataRows + 1, t.Code, t.Title, W.Document(t), t.Lead, W.Deadline(t), t.EffectiveDueOn];

    private static async Task CountSheet(XlsxWriter book, QuarterlyReportScope scope, string first, IAsyncEnumerable<CountRow> rows, CancellationToken ct)
    {
        using var sheet = book.NextSheet([50, 10, .. W.States.Select(_ => 14.0)]);
        sheet.Title($"Tình hình thực hiện nhiệm vụ theo {first.ToLower(W.Culture)} - {scope.Label} - tỉnh {scope.ProvinceName}");
        sheet.Header([first, "Tổng số", .. W.States.Select(W.State)]);
        var sum = new TimelinessCounts();
        await foreach (var row in rows.WithCancellation(ct))
        {
            sheet.Row([row.Name, row.Counts.Total, .. W.States.Select(s => (object?)row.Counts[s])]);
            sum.Add(row.Counts);
        }
        sheet.Total(["Tổng cộng", sum.Total, .. W.States.Select(s => (object?)sum[s])]);
    }
}
