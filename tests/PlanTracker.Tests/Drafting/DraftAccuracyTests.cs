using System.Globalization;
using Xunit.Abstractions;

namespace PlanTracker.Tests.Drafting;

/// <summary>
/// Reading each seed document and each corpus document (issue 15) as pasted text and scoring the proposal
/// against its hand-made decomposition. The seed bars are the issue's: F1 at least 0.9 for tasks, lead
/// agencies and deadlines, 0.8 for targets, on every document. The corpus is held to a floor just under
/// its pooled F1 as measured when its gold was written, so that a regression fails; raise it as the
/// reader improves. Both tables go to drafting-accuracy.txt, which ./test.sh prints.
/// </summary>
public sealed class DraftAccuracyTests(ITestOutputHelper output)
{
    private const double TaskBar = 0.9, LeadBar = 0.9, DeadlineBar = 0.9, TargetBar = 0.8;
    public const string ReportFile = AccuracyReport.File;

    /// <summary>
    /// Pooled corpus F1 floors: measured on 2026-12-07 when the gold was written (tasks 0.681, leads 0.446,
    /// deadlines 0.343, targets 0.000), then after the reader's issue-15 rules (tasks 0.937, leads 0.671,
    /// deadlines 0.692, targets 0.820; docs/decisions/0009-drafting.md), then after round 3's leads and deadlines
    /// rules (tasks 0.974, leads 0.965, deadlines 0.943, targets 0.955), minus 0.02; round 5 lifted targets to 0.980
    /// (leads 0.967), so the targets floor is 0.96; round 6's time from headings lifted deadlines to 0.951 (floor 0.93). Raise them as the reader
    /// improves; the bar is 0.9 for tasks, leads and deadlines and 0.8 for targets.
    /// </summary>
    public static readonly (double Tasks, double Leads, double Deadlines, double Targets) CorpusFloor = (0.95, 0.94, 0.93, 0.96);

    [Fact]
    public void Should_reach_the_F1_bars_for_tasks_leads_deadlines_and_targets_on_every_seed_document()
    {
        var scores = SeedDocuments.All.Select(c => DraftAccuracy.Measure(c.Name, SeedDocuments.Parse(c), c.Gold)).ToList();

        var table = "Drafting accuracy against the seed decompositions (F1 bars: tasks, leads, deadlines 0.9; targets 0.8)"
            + Environment.NewLine + DraftAccuracy.TableWithPool(scores);
        output.WriteLine(table);
        Console.WriteLine(table); // shown by `dotnet test --logger "console;verbosity=normal"`
        // dotnet test's default logger hides a passing test's output; ./test.sh prints this file after the run.
        AccuracyReport.Write("seeds", table);
        AccuracyReport.WriteLeadSources("seeds", scores);
        File.WriteAllLines(Path.Combine(AppContext.BaseDirectory, "drafting-accuracy.seeds-differences.txt"), DraftAccuracy.DifferenceLines(scores));
        foreach (var s in scores)
        {
            output.WriteLine($"--- {s.Document}: {s.Differences.Count} differences");
            foreach (var d in s.Differences) output.WriteLine("  " + d);
        }

        var below = scores.SelectMany(s => new[]
            {
                ("tasks", s.Tasks, TaskBar), ("leads", s.Leads, LeadBar), ("deadlines", s.Deadlines, DeadlineBar), ("targets", s.Targets, TargetBar),
            }
            .Where(x => x.Item2.F1 < x.Item3)
            .Select(x => $"{s.Document} {x.Item1}: {x.Item2} below {x.Item3}"))
            .ToList();
        Assert.Empty(below);
        Assert.Equal(5, scores.Count);
    }

    [Fact]
    public void Should_not_fall_below_the_measured_pooled_F1_on_the_development_corpus()
    {
        var scores = CorpusDocuments.All.Select(c => DraftAccuracy.Measure(c.Name, SeedDocuments.Parse(c), c.Gold)).ToList();

        output.WriteLine(AccuracyReport.WriteScored("corpus", string.Create(CultureInfo.InvariantCulture,
            $"Drafting accuracy on the development corpus (issue 15; pooled F1 floors: tasks {CorpusFloor.Tasks:0.00}, leads {CorpusFloor.Leads:0.00}, deadlines {CorpusFloor.Deadlines:0.00}, targets {CorpusFloor.Targets:0.00})"), scores));

        Assert.Equal(16, scores.Count);
        Assert.Empty(DraftAccuracy.BelowFloor(DraftAccuracy.Pool("POOLED", scores), CorpusFloor));
    }

    [Fact]
    public void Should_score_a_proposal_that_finds_nothing_as_zero_so_the_bar_can_fail()
    {
        var c = SeedDocuments.Named("dak-lak-168");
        var empty = new PlanTracker.Core.Drafting.Proposal();

        var score = DraftAccuracy.Measure(c.Name, empty, c.Gold);

        Assert.Equal(0, score.Tasks.F1);
        Assert.Equal(0, score.Leads.F1);
        Assert.Equal(0, score.Targets.F1);
    }

    [Fact]
    public void Should_pool_documents_by_adding_their_counts()
    {
        var a = new DocumentScore("a", new Score(10, 10, 10), new Score(1, 1, 1), new Score(1, 1, 1), new Score(0, 0, 0), []);
        var b = new DocumentScore("b", new Score(90, 10, 0), new Score(1, 1, 0), new Score(1, 1, 1), new Score(4, 2, 2), []);

        var pooled = DraftAccuracy.Pool("p", [a, b]);

        Assert.Equal(new Score(100, 20, 10), pooled.Tasks);
        Assert.Equal(0.5, pooled.Tasks.Precision, 3);
        Assert.Equal(0.1, pooled.Tasks.Recall, 3);
        Assert.Equal(new Score(4, 2, 2), pooled.Targets);
    }
}
