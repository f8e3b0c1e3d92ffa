namespace PlanTracker.Tests.Drafting;

/// <summary>
/// drafting-accuracy.txt, which ./test.sh prints after the run: each accuracy test writes its own section
/// and the report is rebuilt from the sections present, seeds first, so the order of tests does not matter.
/// </summary>
public static class AccuracyReport
{
    public const string File = "drafting-accuracy.txt";
    private static readonly string[] Order = ["seeds", "corpus", "heldout", "unseen", "unseen3", "unseen4", "unseen5", "formats", "layouts"];
    private static readonly Lock Gate = new();

    public static void Write(string section, string text)
    {
        lock (Gate)
        {
            var folder = AppContext.BaseDirectory;
            System.IO.File.WriteAllText(Path.Combine(folder, $"drafting-accuracy.{section}.txt"), text + Environment.NewLine);
            var parts = Order.Select(s => Path.Combine(folder, $"drafting-accuracy.{s}.txt")).Where(System.IO.File.Exists).Select(System.IO.File.ReadAllText);
            System.IO.File.WriteAllText(Path.Combine(folder, File), string.Join(Environment.NewLine, parts));
        }
    }

    /// <summary>
    /// Writes a scored section (its heading, the per-document table and the pooled row) and, beside the report,
    /// every difference in drafting-accuracy.{section}-differences.txt for whoever improves the reader; returns the table.
    /// </summary>
    public static string WriteScored(string section, string heading, IReadOnlyList<DocumentScore> scores)
    {
        var table = heading + Environment.NewLine + DraftAccuracy.TableWithPool(scores);
        Write(section, table);
        WriteLeadSources(section, scores);
        System.IO.File.WriteAllLines(Path.Combine(AppContext.BaseDirectory, $"drafting-accuracy.{section}-differences.txt"), DraftAccuracy.DifferenceLines(scores));
        return table;
    }

    public const string LeadSourcesFile = "drafting-accuracy.lead-sources.txt";

    /// <summary>
    /// drafting-accuracy.lead-sources.txt: each lead source's precision and count (over the matched actionable tasks; "none"
    /// is a task left without a lead), per set and pooled over every set present, so a rule is judged by the source it feeds.
    /// Each set keeps its rows in drafting-accuracy.{section}.lead-sources.tsv and the file is rebuilt from those present.
    /// </summary>
    public static void WriteLeadSources(string section, IReadOnlyList<DocumentScore> scores)
    {
        lock (Gate)
        {
            var folder = AppContext.BaseDirectory;
            var pooled = DraftAccuracy.PoolSources(scores.Select(s => s.LeadSources));
            System.IO.File.WriteAllLines(Path.Combine(folder, $"drafting-accuracy.{section}.lead-sources.tsv"),
                pooled.Select(p => $"{p.Key}\t{p.Value.Proposed}\t{p.Value.Correct}"));
            var sets = Order.Select(s => (Set: s, Path: Path.Combine(folder, $"drafting-accuracy.{s}.lead-sources.tsv"))).Where(s => System.IO.File.Exists(s.Path))
                .Select(s => (s.Set, Sources: (IReadOnlyDictionary<string, (int, int)>)System.IO.File.ReadAllLines(s.Path).Select(l => l.Split('\t'))
                    .ToDictionary(f => f[0], f => (int.Parse(f[1]), int.Parse(f[2]))))).ToList();
            var lines = new List<string> { $"{"set",-10} {"source",-18} {"precision",9}  correct/proposed" };
            lines.AddRange(DraftAccuracy.SourceRows("POOLED", DraftAccuracy.PoolSources(sets.Select(s => s.Sources))));
            foreach (var (set, sources) in sets) lines.AddRange(DraftAccuracy.SourceRows(set, sources));
            System.IO.File.WriteAllLines(Path.Combine(folder, LeadSourcesFile), lines);
        }
    }
}
