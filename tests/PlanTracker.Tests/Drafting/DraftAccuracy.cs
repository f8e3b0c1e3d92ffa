using System.Globalization;
using PlanTracker.Core.Drafting;
using PlanTracker.Core.Seeding;

namespace PlanTracker.Tests.Drafting;

/// <summary>Precision, recall and F1 of one field: <see cref="Correct"/> of <see cref="Predicted"/> against <see cref="Gold"/>.</summary>
public sealed record Score(int Gold, int Predicted, int Correct)
{
    public double Precision => Predicted == 0 ? (Gold == 0 ? 1 : 0) : (double)Correct / Predicted;
    public double Recall => Gold == 0 ? (Predicted == 0 ? 1 : 0) : (double)Correct / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"P {Precision:0.000} R {Recall:0.000} F1 {F1:0.000} ({Correct}/{Predicted} of {Gold})");
}

public sealed record DocumentScore(string Document, Score Tasks, Score Leads, Score Deadlines, Score Targets, IReadOnlyList<string> Differences)
{
    /// <summary>Per lead source (the proposed lead's basis, or "none"): correct of proposed over the matched actionable tasks.</summary>
    public IReadOnlyDictionary<string, (int Proposed, int Correct)> LeadSources { get; init; } = new Dictionary<string, (int, int)>();
}

/// <summary>
/// Scores a proposal against a hand-made seed plan (the gold annotation). The matching rules, also in
/// docs/decisions/0009-drafting.md:
/// <list type="bullet">
/// <item>Tasks: every gold task (groups included) against every proposed item. A pair matches when the
/// codes are equal; the items left over are paired when their folded titles share at least 60% of their
/// words (Jaccard; the proposed title or description, whichever is closer). One to one.</item>
/// <item>Lead agencies: over actionable tasks (gold <c>isGroup: false</c>; proposed items that are not
/// groups). Correct when the matched pair has the same lead agency key.</item>
/// <item>Deadlines: over the same tasks. Correct when kind, start and due date are equal (the words are not compared).</item>
/// <item>Targets: all targets of all tasks. A proposed target is correct when the matched gold task has a
/// target with the same value, unit and comparison not already matched (the indicator's words are not compared).</item>
/// </list>
/// </summary>
public static class DraftAccuracy
{
    public const double TitleSimilarity = 0.6;

    public static DocumentScore Measure(string name, Proposal proposal, PlanFile gold)
    {
        var goldTasks = Flatten(gold.Tasks).ToList();
        var items = proposal.Items;
        var pairs = Match(goldTasks, items);
        var differences = new List<string>();

        var tasks = new Score(goldTasks.Count, items.Count, pairs.Count);
        foreach (var g in goldTasks.Where(g => !pairs.ContainsKey(g))) differences.Add($"missing task {g.Code} {Short(g.Title)}");
        foreach (var i in items.Where(i => !pairs.ContainsValue(i))) differences.Add($"extra item {i.Code} {Short(i.Title)}");

        var goldLeaves = goldTasks.Where(g => !g.IsGroup).ToList();
        var itemLeaves = items.Where(i => !i.IsGroup).ToList();
        var leadsCorrect = 0;
        var deadlinesCorrect = 0;
        var sources = new Dictionary<string, (int Proposed, int Correct)>();
        foreach (var g in goldLeaves)
        {
            if (!pairs.TryGetValue(g, out var i) || i.IsGroup) continue;
            var source = i.Lead?.Basis.ToString() ?? "none";
            var (p, c) = sources.GetValueOrDefault(source);
            sources[source] = (p + 1, c + (i.Lead is not null && i.Lead.AgencyKey == g.Lead ? 1 : 0));
            if (i.Lead?.AgencyKey == g.Lead) leadsCorrect++;
            else differences.Add($"lead {g.Code}: gold {g.Lead}, proposed {i.Lead?.AgencyKey ?? i.Lead?.Name} ({i.Lead?.Basis})");
            var d = i.Deadline;
            if (d is not null && g.Deadline is { } gd && d.Kind == gd.Kind && d.StartOn == gd.StartOn && d.DueOn == gd.DueOn) deadlinesCorrect++;
            else differences.Add($"deadline {g.Code}: gold {g.Deadline?.Kind} {g.Deadline?.StartOn} {g.Deadline?.DueOn} \"{g.Deadline?.Text}\", proposed {d?.Kind} {d?.StartOn} {d?.DueOn} \"{d?.Text}\"");
        }
        var leads = new Score(goldLeaves.Count, itemLeaves.Count(i => i.Lead is not null), leadsCorrect);
        var deadlines = new Score(goldLeaves.Count, itemLeaves.Count(i => i.Deadline is not null), deadlinesCorrect);

        var targetsCorrect = 0;
        foreach (var (g, i) in pairs)
        {
            var open = (g.Targets ?? []).ToList();
            foreach (var t in i.Targets)
            {
                var hit = open.FirstOrDefault(o => o.Value == t.Value && o.Unit == t.Unit && o.Comparison == t.Comparison);
                if (hit is null)
                {
                    differences.Add($"extra target {i.Code}: {t.Comparison} {t.Value} {t.Unit} \"{Short(t.Text ?? "")}\"");
                    continue;
                }
                open.Remove(hit);
                targetsCorrect++;
            }
            differences.AddRange(open.Select(o => $"missing target {g.Code}: {o.Comparison} {o.Value} {o.Unit} \"{Short(o.Text ?? "")}\""));
        }
        foreach (var g in goldTasks.Where(g => !pairs.ContainsKey(g)))
            differences.AddRange((g.Targets ?? []).Select(o => $"missing target {g.Code} (task missing): {o.Value} {o.Unit}"));
        var targets = new Score(goldTasks.Sum(g => g.Targets?.Count ?? 0), items.Sum(i => i.Targets.Count), targetsCorrect);

        return new DocumentScore(name, tasks, leads, deadlines, targets, differences) { LeadSources = sources };
    }

    private static Dictionary<TaskSeed, ProposedItem> Match(List<TaskSeed> gold, List<ProposedItem> items)
    {
        var pairs = new Dictionary<TaskSeed, ProposedItem>();
        var byCode = items.GroupBy(i => i.Code).ToDictionary(g => g.Key, g => g.First());
        foreach (var g in gold)
            if (byCode.TryGetValue(g.Code, out var i) && !pairs.ContainsValue(i)) pairs[g] = i;
        var candidates = (
            from g in gold where !pairs.ContainsKey(g)
            from i in items where !pairs.ContainsValue(i)
            let s = Math.Max(Jaccard(g.Title, i.Title), Jaccard(g.Title, i.Description ?? ""))
            where s >= TitleSimilarity
            orderby s descending
            select (g, i)).ToList();
        foreach (var (g, i) in candidates)
            if (!pairs.ContainsKey(g) && !pairs.ContainsValue(i)) pairs[g] = i;
        return pairs;
    }

    public static double Jaccard(string a, string b)
    {
        var (x, y) = (Words(a), Words(b));
        return x.Count + y.Count == 0 ? 0 : (double)x.Intersect(y).Count() / x.Union(y).Count();
    }

    private static HashSet<string> Words(string s) => Tokens.Of(s).Select(t => t.Key).ToHashSet();

    private static IEnumerable<TaskSeed> Flatten(IEnumerable<TaskSeed> tasks) => tasks.SelectMany(t => Flatten(t.Children ?? []).Prepend(t));

    private static string Short(string s) => s.Length <= 70 ? s : s[..70] + "…";

    /// <summary>All documents' counts added up: the pooled precision, recall and F1 (a large document weighs more).</summary>
    public static DocumentScore Pool(string name, IReadOnlyList<DocumentScore> scores)
    {
        static Score Sum(IEnumerable<Score> s) => s.Aggregate(new Score(0, 0, 0), (a, b) => new Score(a.Gold + b.Gold, a.Predicted + b.Predicted, a.Correct + b.Correct));
        return new DocumentScore(name, Sum(scores.Select(s => s.Tasks)), Sum(scores.Select(s => s.Leads)),
            Sum(scores.Select(s => s.Deadlines)), Sum(scores.Select(s => s.Targets)), []);
    }

    /// <summary>The fields of a pooled score whose F1 is under its floor, one message each (empty when none is).</summary>
    public static IReadOnlyList<string> BelowFloor(DocumentScore pooled, (double Tasks, double Leads, double Deadlines, double Targets) floor) =>
        new[] { ("tasks", pooled.Tasks, floor.Tasks), ("leads", pooled.Leads, floor.Leads), ("deadlines", pooled.Deadlines, floor.Deadlines), ("targets", pooled.Targets, floor.Targets) }
            .Where(x => x.Item2.F1 < x.Item3)
            .Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.Item1} {x.Item2} below {x.Item3:0.00}"))
            .ToList();

    /// <summary>Every difference of every document, headed by the document, for the differences file beside the report.</summary>
    public static IEnumerable<string> DifferenceLines(IEnumerable<DocumentScore> scores) =>
        scores.SelectMany(s => s.Differences.Select(d => "  " + d).Prepend($"--- {s.Document}: {s.Differences.Count} differences"));

    /// <summary>Lead sources added up over documents (or sets).</summary>
    public static Dictionary<string, (int Proposed, int Correct)> PoolSources(IEnumerable<IReadOnlyDictionary<string, (int Proposed, int Correct)>> all)
    {
        var pooled = new Dictionary<string, (int Proposed, int Correct)>();
        foreach (var (source, (p, c)) in all.SelectMany(d => d))
        {
            var (p0, c0) = pooled.GetValueOrDefault(source);
            pooled[source] = (p0 + p, c0 + c);
        }
        return pooled;
    }

    /// <summary>One row per lead source: how many matched tasks it gave a lead and its precision, most used first.</summary>
    public static IEnumerable<string> SourceRows(string set, IReadOnlyDictionary<string, (int Proposed, int Correct)> sources) =>
        sources.OrderByDescending(s => s.Value.Proposed).Select(s => string.Create(CultureInfo.InvariantCulture,
            $"{set,-10} {s.Key,-18} {(s.Value.Proposed == 0 ? 0 : (double)s.Value.Correct / s.Value.Proposed),9:0.000}  {s.Value.Correct}/{s.Value.Proposed}"));

    /// <summary>The per-document table followed by the pooled row.</summary>
    public static string TableWithPool(IReadOnlyList<DocumentScore> scores) => Table([.. scores, Pool("POOLED", scores)]);

    public static string Table(IEnumerable<DocumentScore> scores)
    {
        var lines = new List<string> { $"{"document",-48} {"field",-10} {"precision",9} {"recall",7} {"F1",6}  correct/proposed/gold" };
        foreach (var s in scores)
            foreach (var (field, score) in new[] { ("tasks", s.Tasks), ("leads", s.Leads), ("deadlines", s.Deadlines), ("targets", s.Targets) })
                lines.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{s.Document,-48} {field,-10} {score.Precision,9:0.000} {score.Recall,7:0.000} {score.F1,6:0.000}  {score.Correct}/{score.Predicted}/{score.Gold}"));
        return string.Join(Environment.NewLine, lines);
    }
}
