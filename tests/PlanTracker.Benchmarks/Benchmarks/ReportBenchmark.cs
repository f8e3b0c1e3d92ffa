using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PlanTracker.Benchmarks.Benchmarks.Report;
using PlanTracker.Benchmarks.Generator;
using PlanTracker.Benchmarks.Harness;
using PlanTracker.Benchmarks.Infrastructure;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;
using PlanTracker.Core.Reports;

namespace PlanTracker.Benchmarks.Benchmarks;

/// <summary>
/// Issue 4: "the quarterly report for 100,000 tasks streams: the process's peak memory grows by
/// less than 200 MB while compiling it". The report only counts the actionable tasks of the
/// province's published plans, so the dataset is the M shape narrowed to one province, no
/// central plans, every plan published, and enough rows (headings included) that about 100,000
/// actionable tasks fall in the report. Candidates: <see cref="QuarterlyReportWriter.WriteDocxAsync(PlanTrackerDbContext, long, int, int, Stream, CancellationToken)"/>
/// and its xlsx twin, written to a <see cref="CountingStream"/> (nothing kept), each with a fresh
/// DI scope and DbContext. Their peak memory growth is measured cold (the first run in the
/// process, EF model and JIT included: the worst case) and again warm, after the timing rounds.
/// Baseline: the plain SQL of the report's sections (totals, by plan, by lead agency, the overdue
/// list, the list due next quarter) read with Npgsql and written as tab-separated text to the same
/// kind of sink, timed alternately with both writers for the ratio.
/// </summary>
public sealed class ReportBenchmark : IBenchmark
{
    public const long TargetBytes = 200L * 1024 * 1024;

    /// <summary>Rows in plan_tasks: about one in twelve is a heading, so at least 100,000 actionable tasks (100,0xx with the default seed).</summary>
    public const int DefaultRows = 112_000;

    public const int Year = 2026;
    public const int Quarter = 3;

    public string Name => "report";
    public string Description => "quarterly report (docx, xlsx) peak memory growth over ~100,000 tasks of one province, beside the plain SQL of its sections";

    public static DatasetSpec SpecFor(BenchOptions options)
    {
        var spec = options.Spec("M");
        return spec with
        {
            Name = $"{spec.Name}-1-province",
            Provinces = 1,
            CentralAgencies = 0,
            PublishedShare = 1.0,
            Tasks = options.Tasks ?? options.Smaller(DefaultRows, 400),
        };
    }

    public async Task<IReadOnlyList<Figure>> RunAsync(BenchContext context)
    {
        var (database, options, log) = context;
        var spec = SpecFor(options);
        await DataGenerator.EnsureAsync(database, spec, log);
        await using var services = database.Services();

        var (provinceId, covered) = await ProvinceAsync(database);
        log.WriteLine($"Quarterly report Q{Quarter}/{Year}, province {provinceId}: {covered:N0} actionable tasks of published plans");

        async Task<long> Write(bool docx)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
            await using var sink = new CountingStream();
            if (docx) await QuarterlyReportWriter.WriteDocxAsync(db, provinceId, Year, Quarter, sink);
            else await QuarterlyReportWriter.WriteXlsxAsync(db, provinceId, Year, Quarter, sink);
            return sink.Length;
        }

        async Task<long> Baseline()
        {
            await using var sink = new CountingStream();
            await WriteBaselineAsync(database, provinceId, sink);
            return sink.Length;
        }

        // Cold: the first report of the process, as a server compiles it after a restart.
        var (docxBytes, docxCold) = await MemoryProbe.MeasureAsync(() => Write(docx: true));
        log.WriteLine($"  docx cold: {docxBytes:N0} bytes; {docxCold}");
        var (xlsxBytes, xlsxCold) = await MemoryProbe.MeasureAsync(() => Write(docx: false));
        log.WriteLine($"  xlsx cold: {xlsxBytes:N0} bytes; {xlsxCold}");
        var (sqlBytes, sqlCold) = await MemoryProbe.MeasureAsync(Baseline);
        log.WriteLine($"  plain SQL cold: {sqlBytes:N0} bytes; {sqlCold}");

        var baseline = new Side("plain SQL of the sections", Baseline);
        var docxSide = new Side("docx writer", () => Write(docx: true));
        var xlsxSide = new Side("xlsx writer", () => Write(docx: false));
        var result = await Comparison.RunAsync("quarterly report", baseline, docxSide, options.Warmup, options.Iterations, log, xlsxSide);

        var (_, docxWarm) = await MemoryProbe.MeasureAsync(() => Write(docx: true));
        log.WriteLine($"  docx warm: {docxWarm}");
        var (_, xlsxWarm) = await MemoryProbe.MeasureAsync(() => Write(docx: false));
        log.WriteLine($"  xlsx warm: {xlsxWarm}");
        var (_, sqlWarm) = await MemoryProbe.MeasureAsync(Baseline);
        log.WriteLine($"  plain SQL warm: {sqlWarm}");

        var sqlMs = result.BaselineMedianMs;
        var fair = await FairBaselineAsync(database, services, provinceId, options, log);
        Figure MemoryFigure(string kind, long bytes, MemoryUsage cold, MemoryUsage warm, double ms)
        {
            var worst = Math.Max(cold.PeakGrowth, warm.PeakGrowth);
            return new Figure($"quarterly report Q{Quarter}/{Year} ({kind}), {covered:N0} tasks, peak memory growth",
                $"QuarterlyReportWriter.Write{kind}Async", $"+{Mb(cold.PeakGrowth)} MB cold, +{Mb(warm.PeakGrowth)} MB warm",
                "plain SQL of the same sections", $"+{Mb(sqlCold.PeakGrowth)} MB cold, +{Mb(sqlWarm.PeakGrowth)} MB warm",
                $"time {ms / sqlMs:N2}", "< 200 MB peak growth", worst < TargetBytes,
                $"{bytes / 1024.0:N0} KB file; median {Figure.Ms(ms)} vs SQL {Figure.Ms(sqlMs)} ({sqlBytes / 1024.0:N0} KB text); " +
                $"{Mb(warm.AllocatedBytes)} MB allocated warm; {options.Iterations} rounds after {options.Warmup} warm-up" +
                (cold.PeakReset ? "" : "; peak could not be reset (lifetime peak)"));
        }

        var figures = new[]
        {
            MemoryFigure("Docx", docxBytes, docxCold, docxWarm, result.CandidateMedianMs),
            MemoryFigure("Xlsx", xlsxBytes, xlsxCold, xlsxWarm, result.MedianMs(xlsxSide)),
        };
        foreach (var f in figures) log.WriteLine($"{f.Benchmark}: {f.CandidateValue} (target < 200 MB): {f.Verdict}");
        return [.. figures, .. fair];
    }

    public const double FairTarget = 1.5;

    /// <summary>
    /// Issue 17: each writer beside <see cref="PlainReportWriter"/> (the same file written with
    /// OpenXmlWriter straight from a data reader), alternately, on one scope computed beforehand for
    /// both; plus, as a stage of the app's time, the plain SQL read to the end and thrown away (what
    /// the database and the reader cost before any XML).
    /// </summary>
    private static async Task<IReadOnlyList<Figure>> FairBaselineAsync(BenchDatabase database, ServiceProvider services, long provinceId,
        BenchOptions options, TextWriter log)
    {
        QuarterlyReportScope scope;
        await using (var first = services.CreateAsyncScope())
            scope = await QuarterlyReportScope.ForAsync(first.ServiceProvider.GetRequiredService<PlanTrackerDbContext>(), provinceId, Year, Quarter);
        var figures = new List<Figure>();
        foreach (var docx in new[] { true, false })
        {
            var kind = docx ? "docx" : "xlsx";
            async Task<long> App()
            {
                await using var di = services.CreateAsyncScope();
                var db = di.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
                await using var sink = new CountingStream();
                await QuarterlyReportWriter.WriteAsync(docx ? ReportFileKind.Docx : ReportFileKind.Xlsx, db, scope, sink);
                return sink.Length;
            }
            async Task<long> Plain()
            {
                await using var connection = await database.OpenConnectionAsync();
                await using var sink = new CountingStream();
                if (docx) await PlainReportWriter.WriteDocxAsync(connection, scope, sink);
                else await PlainReportWriter.WriteXlsxAsync(connection, scope, sink);
                return sink.Length;
            }
            async Task<long> ReadOnly()
            {
                await using var connection = await database.OpenConnectionAsync();
                return await PlainReportWriter.ReadOnlyAsync(connection, scope);
            }
            var (_, plainMemory) = await MemoryProbe.MeasureAsync(Plain);
            var (_, appMemory) = await MemoryProbe.MeasureAsync(App);
            var plainSide = new Side($"OpenXmlWriter from a data reader ({kind})", Plain);
            var stage = new Side("stage: the plain SQL read, no XML", ReadOnly);
            var result = await Comparison.RunAsync($"quarterly report {kind}, fair baseline", plainSide, new Side($"QuarterlyReportWriter ({kind})", App),
                options.Warmup, options.Iterations, log, stage);
            var readMs = result.MedianMs(stage);
            var met = result.Ratio <= FairTarget;
            log.WriteLine($"Quarterly report {kind}: app median {Figure.Ms(result.CandidateMedianMs)}, OpenXmlWriter baseline {Figure.Ms(result.BaselineMedianMs)}, " +
                $"ratio {result.Ratio:N2} (target ≤ {FairTarget}): {(met ? "met" : "NOT met")}; SQL read alone {Figure.Ms(readMs)}; " +
                $"peak growth app +{Mb(appMemory.PeakGrowth)} MB, baseline +{Mb(plainMemory.PeakGrowth)} MB; allocated app {Mb(appMemory.AllocatedBytes)} MB, baseline {Mb(plainMemory.AllocatedBytes)} MB");
            figures.Add(new Figure($"quarterly report Q{Quarter}/{Year} ({kind}) beside a fair baseline", $"QuarterlyReportWriter ({kind})",
                Figure.Ms(result.CandidateMedianMs), "OpenXmlWriter straight from NpgsqlDataReader", Figure.Ms(result.BaselineMedianMs),
                $"{result.Ratio:N2}", $"≤ {FairTarget}", met,
                $"SQL read alone {Figure.Ms(readMs)}; peak growth +{Mb(appMemory.PeakGrowth)} vs +{Mb(plainMemory.PeakGrowth)} MB; " +
                $"allocated {Mb(appMemory.AllocatedBytes)} vs {Mb(plainMemory.AllocatedBytes)} MB; {options.Iterations} rounds after {options.Warmup} warm-up"));
        }
        return figures;
    }

    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("N1", CultureInfo.InvariantCulture);

    /// <summary>The province whose published plans hold the most actionable tasks, and that count.</summary>
    private static async Task<(long ProvinceId, long Tasks)> ProvinceAsync(BenchDatabase database)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand("""
            SELECT p.province_id, count(*) FROM plan_tasks t JOIN plans p ON p.id = t.plan_id
            WHERE NOT t.is_group AND p.status = 'Published' AND p.province_id IS NOT NULL
            GROUP BY p.province_id ORDER BY count(*) DESC, p.province_id LIMIT 1
            """, connection);
        await using var reader = await cmd.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) throw new InvalidOperationException("No province has published plans with tasks.");
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private const string Scope = """
        FROM plan_tasks t JOIN plans p ON p.id = t.plan_id
        WHERE NOT t.is_group AND p.province_id = $1 AND p.status = 'Published'
        """;

    private const string Timeliness = "task_timeliness(t.status, t.completed_on, t.deadline_kind, coalesce(t.extended_due_on, t.deadline_due_on), $2)";

    private const string TaskColumns = """
        SELECT t.code, t.title, d.number, d.issued_on, p.title, coalesce(a.short_name, a.name), t.deadline_kind,
               t.deadline_start_on, t.deadline_due_on, t.extended_due_on, t.status, t.percent_complete
        FROM plan_tasks t JOIN plans p ON p.id = t.plan_id JOIN documents d ON d.id = p.document_id
             LEFT JOIN agencies a ON a.id = t.lead_agency_id
        WHERE NOT t.is_group AND p.province_id = $1 AND p.status = 'Published'
        """;

    /// <summary>
    /// The report's sections, the plainest way: one query each, rows written as text as they are
    /// read. As of the quarter's last day, like <see cref="QuarterlyReportScope.ForAsync(PlanTrackerDbContext, long, int, int, CancellationToken)"/>.
    /// </summary>
    private static async Task WriteBaselineAsync(BenchDatabase database, long provinceId, Stream sink)
    {
        var asOf = new DateOnly(Year, Quarter * 3, 1).AddMonths(1).AddDays(-1);
        var (nextFrom, nextTo) = (asOf.AddDays(1), asOf.AddDays(1).AddMonths(3).AddDays(-1));
        var ongoing = string.Join(", ", Deadline.OngoingKinds.Select(k => $"'{k}'"));
        (string Sql, object[] Parameters)[] queries =
        [
            ($"SELECT {Timeliness}, count(*) {Scope} GROUP BY 1 ORDER BY 1", [provinceId, asOf]),
            ($"SELECT p.id, p.title, {Timeliness}, count(*) {Scope} GROUP BY 1, 2, 3 ORDER BY 2, 1, 3", [provinceId, asOf]),
            ($"""
             SELECT coalesce(t.lead_agency_id, 0), coalesce(a.short_name, a.name, ''), {Timeliness}, count(*)
             FROM plan_tasks t JOIN plans p ON p.id = t.plan_id LEFT JOIN agencies a ON a.id = t.lead_agency_id
             WHERE NOT t.is_group AND p.province_id = $1 AND p.status = 'Published' GROUP BY 1, 2, 3 ORDER BY 2, 1, 3
             """, [provinceId, asOf]),
            ($"""
             {TaskColumns} AND {Timeliness} = 'InProgressOverdue'
             ORDER BY coalesce(t.extended_due_on, t.deadline_due_on), p.title, t.sort_order
             """, [provinceId, asOf]),
            ($"""
             {TaskColumns} AND t.status IN ('NotStarted', 'InProgress') AND t.deadline_kind NOT IN ({ongoing})
               AND coalesce(t.extended_due_on, t.deadline_due_on) BETWEEN $2 AND $3
             ORDER BY coalesce(t.extended_due_on, t.deadline_due_on), p.title, t.sort_order
             """, [provinceId, nextFrom, nextTo]),
        ];
        await using var connection = await database.OpenConnectionAsync();
        await using var text = new StreamWriter(sink, new UTF8Encoding(false), 64 * 1024, leaveOpen: true);
        foreach (var (sql, parameters) in queries)
        {
            await using var cmd = new NpgsqlCommand(sql, connection);
            foreach (var parameter in parameters) cmd.Parameters.AddWithValue(parameter);
            await using var reader = await cmd.ExecuteReaderAsync();
            var values = new object[reader.FieldCount];
            while (await reader.ReadAsync())
            {
                reader.GetValues(values);
                await text.WriteLineAsync(string.Join('\t', values));
            }
            await text.WriteLineAsync();
        }
    }
}
