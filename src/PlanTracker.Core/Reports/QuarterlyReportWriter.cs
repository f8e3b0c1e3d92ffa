using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Reports;

/// <summary>
/// The quarterly report compiler's entry points. Each reads the database with streaming queries
/// and writes the file to <c>output</c> as it goes: memory stays flat whatever the number of
/// tasks. Nothing is stored; the caller owns the stream (and any transaction).
/// </summary>
/// <example>
/// <code>
/// await using var file = File.Create("bao-cao.docx");
/// await QuarterlyReportWriter.WriteDocxAsync(db, provinceId, 2026, 3, file, ct);
/// </code>
/// </example>
public static class QuarterlyReportWriter
{
    public static Task WriteDocxAsync(PlanTrackerDbContext db, QuarterlyReportScope scope, Stream output, CancellationToken ct = default) =>
        QuarterlyReportDocx.WriteAsync(db, scope, output, ct);

    public static Task WriteXlsxAsync(PlanTrackerDbContext db, QuarterlyReportScope scope, Stream output, CancellationToken ct = default) =>
        QuarterlyReportXlsx.WriteAsync(db, scope, output, ct);

    /// <summary>A quarter of a province as it stood at the quarter's end, without storing anything.</summary>
    public static async Task WriteDocxAsync(PlanTrackerDbContext db, long provinceId, int year, int quarter, Stream output, CancellationToken ct = default) =>
        await WriteDocxAsync(db, await QuarterlyReportScope.ForAsync(db, provinceId, year, quarter, ct), output, ct);

    public static async Task WriteXlsxAsync(PlanTrackerDbContext db, long provinceId, int year, int quarter, Stream output, CancellationToken ct = default) =>
        await WriteXlsxAsync(db, await QuarterlyReportScope.ForAsync(db, provinceId, year, quarter, ct), output, ct);

    public static Task WriteAsync(ReportFileKind kind, PlanTrackerDbContext db, QuarterlyReportScope scope, Stream output, CancellationToken ct = default) =>
        kind == ReportFileKind.Docx ? WriteDocxAsync(db, scope, output, ct) : WriteXlsxAsync(db, scope, output, ct);
}
