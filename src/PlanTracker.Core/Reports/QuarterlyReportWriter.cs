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
/// var scope = await QuarterlyReportScope.ForAsync(db, provinceId, 2026, 3);
/// await using var file = File.Create("bao-cao.docx");
/// await QuarterlyReportWriter.WriteDocxAsync(db, scope, file, ct);
/// </code>
/// </example>
public static class QuarterlyReportWriter
{
    public static Task WriteDocxAsync(PlanTrackerDbContext db, QuarterlyReportScope scope, Stream output, CancellationToken ct = default) =>
        QuarterlyReportDocx.WriteAsync(db, scope, output, ct);

    public static Task WriteXlsxAsync(PlanTrackerDbContext db, QuarterlyReportScope scope, Stream output, CancellationToken ct = default) =>
        QuarterlyReportXlsx.WriteAsync(db, scope, output, ct);

    public static Task WriteAsync(ReportFileKind kind, PlanTrackerDbContext db, QuarterlyReportScope scope, Stream output, CancellationToken ct = default) =>
        kind == ReportFileKind.Docx ? WriteDocxAsync(db, scope, output, ct) : WriteXlsxAsync(db, scope, output, ct);
}
