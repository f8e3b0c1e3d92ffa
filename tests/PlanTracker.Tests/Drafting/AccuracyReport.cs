namespace PlanTracker.Tests.Drafting;

/// <summary>
/// drafting-accuracy.txt, which ./test.sh prints after the run: each accuracy test writes its own section
/// and the report is rebuilt from the sections present, seeds first, so the order of tests does not matter.
/// </summary>
public static class AccuracyReport
{
    public const string File = "drafting-accuracy.txt";
    private static readonly string[] Order = ["seeds", "corpus", "heldout", "unseen", "unseen3", "unseen4", "formats", "layouts"];
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
        System.IO.File.WriteAllLines(Path.Combine(AppContext.BaseDirectory, $"drafting-accuracy.{section}-differences.txt"), DraftAccuracy.DifferenceLines(scores));
        return table;
    }
}
