using System.Diagnostics;

namespace PlanTracker.Benchmarks.Harness;

/// <summary>
/// One side of a comparison: untimed preparation (reset the data), the timed run, untimed
/// clean-up (roll back, truncate). The run returns a count of work done (mails, messages) so the
/// report can state what was measured and the sides can be checked to do the same work.
/// </summary>
public sealed record Side(string Name, Func<Task<long>> Run, Func<Task>? Prepare = null, Func<Task>? Cleanup = null);

public sealed record Sample(double Milliseconds, long Work);

public sealed record ComparisonResult(string Name, Side Baseline, Side Candidate, IReadOnlyDictionary<Side, IReadOnlyList<Sample>> Samples)
{
    public double MedianMs(Side side) => Stats.Median(Samples[side].Select(s => s.Milliseconds));
    public double BaselineMedianMs => MedianMs(Baseline);
    public double CandidateMedianMs => MedianMs(Candidate);
    /// <summary>Candidate time over baseline time: 1.0 is as fast, 2.0 twice as slow.</summary>
    public double Ratio => CandidateMedianMs / BaselineMedianMs;
}

/// <summary>
/// Runs a baseline and a candidate (and any reference sides) alternately on the same data in the
/// same process: warm-up rounds first (JIT, caches, connection pools), then N measured rounds.
/// The order reverses every round (B C, C B, …) so no side always runs on the caches another left.
/// </summary>
public static class Comparison
{
    public static async Task<ComparisonResult> RunAsync(string name, Side baseline, Side candidate, int warmup, int iterations, TextWriter log,
        params Side[] references)
    {
        Side[] sides = [baseline, candidate, .. references];
        var samples = sides.ToDictionary(s => s, _ => new List<Sample>());
        for (var round = 0; round < warmup + iterations; round++)
        {
            var measured = round >= warmup;
            var order = round % 2 == 0 ? sides : sides.Reverse().ToArray();
            foreach (var side in order)
            {
                var sample = await TimeAsync(side);
                if (measured) samples[side].Add(sample);
                log.WriteLine($"  {(measured ? $"round {round - warmup + 1}" : "warm-up")} {side.Name}: {sample.Milliseconds:N1} ms ({sample.Work:N0})");
            }
        }
        foreach (var side in sides)
            if (samples[side].Count > 0) log.WriteLine($"  {side.Name}: {Latencies.Summary(samples[side].Select(s => s.Milliseconds))} over {samples[side].Count} round(s)");
        return new ComparisonResult(name, baseline, candidate, samples.ToDictionary(p => p.Key, p => (IReadOnlyList<Sample>)p.Value));
    }

    public static async Task<Sample> TimeAsync(Side side)
    {
        if (side.Prepare is not null) await side.Prepare();
        try
        {
            var clock = Stopwatch.StartNew();
            var work = await side.Run();
            return new Sample(clock.Elapsed.TotalMilliseconds, work);
        }
        finally
        {
            if (side.Cleanup is not null) await side.Cleanup();
        }
    }
}

public static class Stats
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) throw new InvalidOperationException("No samples.");
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
