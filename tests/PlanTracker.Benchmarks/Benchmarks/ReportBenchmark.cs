using PlanTracker.Benchmarks.Harness;

namespace PlanTracker.Benchmarks.Benchmarks;

/// <summary>
/// PENDING. Issue 4: "the quarterly report for 100,000 tasks streams: the process's peak memory
/// grows by less than 200 MB while compiling it". The report compiler is being written in another
/// branch; this benchmark is filled in when it lands. What it will do, with the parts already here:
/// <code>
/// var spec = options.Spec("M");                                   // 100,000 tasks
/// await DataGenerator.EnsureAsync(database, spec, log);           // (add targets/actuals/reports steps to the generator if the report needs them)
/// await using var services = database.Services();
/// await using var scope = services.CreateAsyncScope();
/// var db = scope.ServiceProvider.GetRequiredService&lt;PlanTrackerDbContext&gt;();
/// var (bytes, memory) = await MemoryProbe.MeasureAsync(async () =>
/// {
///     await using var sink = new CountingStream();                // or a temp FileStream if the writer needs to seek
///     await QuarterlyReportWriter.WriteDocxAsync(db, quarter, sink, ct);
///     return sink.Length;
/// });
/// // Figure: memory.PeakGrowth &lt; 200 MB (target), beside the baseline: the plain SQL of the same
/// // sections streamed to the same sink, timed with Comparison.RunAsync for the ratio.
/// </code>
/// </summary>
public sealed class ReportBenchmark : IBenchmark
{
    public string Name => "report";
    public string Description => "PENDING: quarterly report peak memory growth (needs QuarterlyReportWriter from the report branch)";

    public Task<IReadOnlyList<Figure>> RunAsync(BenchContext context)
    {
        context.Log.WriteLine("report: pending — the quarterly report compiler (QuarterlyReportWriter) is not in this branch yet; nothing measured.");
        return Task.FromResult<IReadOnlyList<Figure>>(
        [
            new Figure("quarterly report, 100,000 tasks, peak memory growth", "QuarterlyReportWriter.WriteDocxAsync", "not measured",
                "plain SQL of the same sections", "not measured", "-", "< 200 MB peak growth", null,
                "pending: the report compiler is not merged yet", Pending: true),
        ]);
    }
}
