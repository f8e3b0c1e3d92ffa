using PlanTracker.Benchmarks.Generator;
using PlanTracker.Benchmarks.Harness;
using PlanTracker.Benchmarks.Infrastructure;

namespace PlanTracker.Benchmarks.Benchmarks;

/// <summary>
/// A benchmark: measures one thing PlanTracker does beside a baseline that does the same work the
/// plainest way, in the same run, and returns the figures for docs/PERFORMANCE.md. To add one,
/// implement this and list it in <see cref="BenchmarkCatalog"/>.
/// </summary>
public interface IBenchmark
{
    string Name { get; }
    string Description { get; }
    Task<IReadOnlyList<Figure>> RunAsync(BenchContext context);
}

public sealed record BenchContext(BenchDatabase Database, BenchOptions Options, TextWriter Log);

public sealed record BenchOptions
{
    /// <summary>Dataset size; null: the benchmark's own default.</summary>
    public string? Size { get; init; }
    /// <summary>Overrides the size's task count.</summary>
    public int? Tasks { get; init; }
    public int? Seed { get; init; }
    public int Iterations { get; init; } = 5;
    public int Warmup { get; init; } = 1;
    public DateOnly? AsOf { get; init; }
    public int Messages { get; init; } = 2_000;
    public string? DataDirectory { get; init; }
    /// <summary>HTTP benchmarks: requests per round (progress-http) and concurrent clients; null: the benchmark's own.</summary>
    public int? Requests { get; init; }
    public int? Concurrency { get; init; }
    /// <summary>The load run's length (default 5 minutes).</summary>
    public TimeSpan? Duration { get; init; }
    /// <summary>
    /// The short form CI runs (--smoke): size XS, a few hundred rows, one round, every check the full
    /// run makes, and no verdict (a toy size says nothing about a target). Each benchmark shrinks its
    /// own request counts through <see cref="Smaller"/>.
    /// </summary>
    public bool Smoke { get; init; }

    /// <summary>A count the benchmark makes on its own (requests, updates): <paramref name="smoke"/> in a smoke run.</summary>
    public int Smaller(int full, int smoke) => Smoke ? smoke : full;

    /// <summary>What --smoke sets unless the command line says otherwise.</summary>
    public BenchOptions AsSmoke() => this with
    {
        Smoke = true, Size = Size ?? "XS", Iterations = 1, Warmup = 0, Messages = Math.Min(Messages, 40),
        Requests = Requests ?? 40, Duration = Duration ?? TimeSpan.FromSeconds(5), Concurrency = Concurrency ?? 8,
    };

    public DatasetSpec Spec(string defaultSize)
    {
        var spec = DatasetSpec.Sized(Size ?? defaultSize);
        if (Tasks is { } tasks) spec = spec with { Tasks = tasks, Name = $"{spec.Name}/{tasks}" };
        if (Seed is { } seed) spec = spec with { Seed = seed };
        return spec;
    }
}

public static class BenchmarkCatalog
{
    public static readonly IReadOnlyList<IBenchmark> All = [new RemindersBenchmark(), new DispatchBenchmark(), new ReportBenchmark(), new DashboardBenchmark(),
        new MyTasksBenchmark(), new OverdueBenchmark(), new ProgressHttpBenchmark(), new TaskHttpBenchmark(), new W1Benchmark(), new LoadBenchmark(),
        new CascadeBenchmark()];

    /// <summary>
    /// What "all" runs: the benchmarks that share one dataset. The report needs its own
    /// (one province, every plan published) and a database holds one dataset, so it runs alone;
    /// w1 builds its own workload and the load run takes minutes, so they run alone too; cascade adds
    /// a national plan and its links to the dataset, which the others' counts must not see.
    /// </summary>
    public static IEnumerable<IBenchmark> Runnable => All.Where(b => b is not ReportBenchmark and not W1Benchmark and not LoadBenchmark and not CascadeBenchmark);

    public static IBenchmark? Find(string name) => All.SingleOrDefault(b => b.Name == name);
}
