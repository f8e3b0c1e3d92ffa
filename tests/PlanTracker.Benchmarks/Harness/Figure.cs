using System.Globalization;

namespace PlanTracker.Benchmarks.Harness;

/// <summary>One measured figure beside its baseline, as it goes into docs/PERFORMANCE.md.</summary>
public sealed record Figure(string Benchmark, string Candidate, string CandidateValue, string Baseline, string BaselineValue,
    string Ratio, string Target, bool? Met, string Notes = "", bool Pending = false)
{
    /// <summary>Why this figure gets no verdict (others took the machine, or a smoke run's toy size); null: it gets one.</summary>
    public string? Refusal { get; init; }

    /// <summary>Met or not; "reference" for a figure that explains another and has no target of its own.</summary>
    public string Verdict => Refusal is { } why ? $"no verdict: {why}"
        : Pending ? "pending" : Met switch { true => "met", false => "NOT met", null => "reference" };

    /// <summary>Counts against the run's exit code: a target missed on a machine that was the benchmark's own.</summary>
    public bool Failed => Refusal is null && !Pending && Met == false;

    public static string Ms(double ms) => ms.ToString(ms < 100 ? "N1" : "N0", CultureInfo.InvariantCulture) + " ms";

    public static void PrintTable(IEnumerable<Figure> figures, TextWriter output)
    {
        output.WriteLine("| benchmark | candidate (median) | baseline (median) | ratio | target | verdict | notes |");
        output.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var f in figures)
            output.WriteLine($"| {f.Benchmark} | {f.Candidate}: {f.CandidateValue} | {f.Baseline}: {f.BaselineValue} | {f.Ratio} | {f.Target} | {f.Verdict} | {f.Notes} |");
    }
}
