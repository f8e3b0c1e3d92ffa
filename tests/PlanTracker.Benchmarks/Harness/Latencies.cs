using System.Collections.Concurrent;
using System.Globalization;

namespace PlanTracker.Benchmarks.Harness;

/// <summary>Per-request times of many concurrent clients, by kind of request, with their percentiles.</summary>
public sealed class Latencies
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> _byKind = new();

    public void Add(string kind, double milliseconds) => _byKind.GetOrAdd(kind, _ => []).Add(milliseconds);

    public IEnumerable<string> Kinds => _byKind.Keys.Order(StringComparer.Ordinal);
    public int Count(string kind) => _byKind.TryGetValue(kind, out var bag) ? bag.Count : 0;
    public int Total => _byKind.Values.Sum(b => b.Count);

    public double Percentile(string kind, double p) => Percentile(_byKind[kind], p);
    public double Percentile(double p) => Percentile(_byKind.Values.SelectMany(b => b), p);

    /// <summary>Nearest rank: the smallest value that at least p% of the samples do not exceed.</summary>
    public static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) throw new InvalidOperationException("No samples.");
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    /// <summary>"p50 4.1 ms, p95 9.8 ms, p99 15 ms": how every latency is printed, the tail beside the median.</summary>
    public static string Summary(IEnumerable<double> values)
    {
        var all = values as IReadOnlyCollection<double> ?? values.ToList();
        return $"p50 {Figure.Ms(Percentile(all, 50))}, p95 {Figure.Ms(Percentile(all, 95))}, p99 {Figure.Ms(Percentile(all, 99))}";
    }

    /// <summary>"p50 4.1 ms, p95 9.8 ms, p99 15 ms" for one kind.</summary>
    public string Describe(string kind, params double[] percentiles) =>
        string.Join(", ", percentiles.Select(p => $"p{p.ToString(CultureInfo.InvariantCulture)} {Figure.Ms(Percentile(kind, p))}"));
}

/// <summary>N pieces of work spread over C concurrent clients, each client taking the next piece when it is free.</summary>
public static class Concurrently
{
    public static async Task RunAsync(int count, int clients, Func<int, int, Task> work, CancellationToken ct = default)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count && !ct.IsCancellationRequested) await work(client, i);
        }, ct)));
    }
}
