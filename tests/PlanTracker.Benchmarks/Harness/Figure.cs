using System.Globalization;

namespace PlanTracker.Benchmarks.Harness;

/// <summary>One measured figure beside its baseline, as it goes into docs/PERFORMANCE.md.</summary>
public sealed record Figure(string Benchmark, string Candidate, string CandidateValue, string Baseline, string BaselineValue,
    string Ratio, string Target, bool? Met, string Notes = "", bool Pending = false)
{
    /// <summary>Met or not; "reference" for a figure that explains another and has no target of its own.</summary>
    public string Verdict => Pending ? "pending" : Met switch { true => "met", false => "NOT met", null => "reference" };

    public static string Ms(double ms) => ms.ToString(ms < 100 ? "N1" : "N0", CultureInfo.InvariantCulture) + " ms";

    public static void PrintTable(IEnumerable<Figure> figures, TextWriter output)
    {
        output.WriteLine("| benchmark | candidate (median) | baseline (median) | ratio | target | verdict | notes |");
        output.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var f in figures)
            output.WriteLine($"| {f.Benchmark} | {f.Candidate}: {f.CandidateValue} | {f.Baseline}: {f.BaselineValue} | {f.Ratio} | {f.Target} | {f.Verdict} | {f.Notes} |");
    }
}
