using System.Globalization;
using PlanTracker.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PlanTracker.Tests.Drafting;

/// <summary>
/// The reader on documents nobody tuned it for (issue 15's "real documents that no one on the team has
/// seen"), five sets laid out as the corpus and measured by this one test: HeldOut/ (the first set, sources in
/// HeldOut/Documents/SOURCES.md), Unseen/, Unseen3/, Unseen4/ and Unseen5/ (the second to fifth, each chosen and annotated by
/// someone who does not write the reader's rules, sources in their Documents/SOURCES.md); each set's gold was committed before the reader was run
/// on it (docs/decisions/0023-held-out-documents.md). Scored with the corpus's scorer, each set reported as its own
/// section of drafting-accuracy.txt, and held to a floor just under the pooled F1 measured when the set was added,
/// so that a rule tuned to the corpus that breaks unseen documents fails here. The issue aims at 0.85 for tasks,
/// leads and deadlines and 0.8 for targets; raise a floor as the reader gets there, never change the gold to meet it.
/// </summary>
public sealed class HeldOutAccuracyTests(ITestOutputHelper output)
{
    public static string Folder => Path.Combine(RepoPaths.Root, "tests", "PlanTracker.Tests", "Drafting", "HeldOut");
    public static string UnseenFolder => Path.Combine(RepoPaths.Root, "tests", "PlanTracker.Tests", "Drafting", "Unseen");
    public static string Unseen3Folder => Path.Combine(RepoPaths.Root, "tests", "PlanTracker.Tests", "Drafting", "Unseen3");
    public static string Unseen4Folder => Path.Combine(RepoPaths.Root, "tests", "PlanTracker.Tests", "Drafting", "Unseen4");
    public static string Unseen5Folder => Path.Combine(RepoPaths.Root, "tests", "PlanTracker.Tests", "Drafting", "Unseen5");

    /// <summary>
    /// Pooled F1 measured on 2026-12-07 over the nine documents with the reader of main at fe3db2a (tasks 1.000,
    /// leads 0.916, deadlines 0.933, targets 0.769 on 7 targets), minus 0.02 (docs/decisions/0023-held-out-documents.md).
    /// That reader's round-4 rules were written from these documents' differences: the set now guards them, the unseen
    /// set below measures the reader. Round 5 measured 1.000 / 0.978 / 0.972 / 0.933 (compound time fields; leads,
    /// targets; decision 0009, "Round 5"): the floors are those minus 0.02.
    /// </summary>
    public static readonly (double Tasks, double Leads, double Deadlines, double Targets) Floor = (0.98, 0.95, 0.95, 0.91);

    /// <summary>
    /// Pooled F1 over the five unseen documents: with the reader of main at e328eb9, before any rule of the round, tasks
    /// 0.828, leads 0.462, deadlines 0.583, targets 0.923 (7 targets); at the end of the round (main at the merge of
    /// h-blocks) 0.973 / 0.811 / 0.708 / 0.923. The floor is the latter minus 0.02. The numbered field blocks and lettered
    /// parts were written while reading u01's differences (docs/decisions/0023-held-out-documents.md, "The second set").
    /// Round 5 (compound time fields, written from u01's and u05's differences; leads, targets, u01's committee office;
    /// decision 0009, "Round 5") measured 0.995 / 0.993 / 0.888 / 1.000: the floor is that minus 0.02. Round 6 (time from
    /// headings, the mid-sentence manner words) lifted deadlines to 0.902: floor 0.88.
    /// </summary>
    public static readonly (double Tasks, double Leads, double Deadlines, double Targets) UnseenFloor = (0.97, 0.97, 0.88, 0.98);

    /// <summary>
    /// Pooled F1 over the four documents of the third unseen set (Unseen3/, sources in Unseen3/Documents/SOURCES.md), chosen
    /// and annotated by someone who writes none of the reader's rules and committed at 78e104b before the reader was run on
    /// them: with the reader of main at 907f7eb, tasks 0.756, leads 0.436, deadlines 0.384, targets 0.353 (18 targets); with
    /// round 5's structure rules (h-s3rules, written from this set's differences) 0.904 / 0.803 / 0.564 / 0.353; round 6 alone:
    /// time from headings (h-headtime) deadlines 0.855, lead sources (h-leads4) leads 0.872, rebuilt tables (h-tables)
    /// 0.998 / 0.924 / 0.699 / 0.944; all of round 6 together 0.998 / 0.969 / 0.969 / 0.944. The floor is that minus 0.02, truncated
    /// (docs/decisions/0023-held-out-documents.md, "The third set").
    /// </summary>
    public static readonly (double Tasks, double Leads, double Deadlines, double Targets) Unseen3Floor = (0.97, 0.94, 0.94, 0.92);

    /// <summary>
    /// Pooled F1 over the eight documents of the fourth unseen set (Unseen4/, sources in Unseen4/Documents/SOURCES.md),
    /// chosen and annotated by someone who writes none of the reader's rules and committed at 22770a8 before the reader was
    /// run on them: with the reader of main at b00c49b, tasks 0.809, leads 0.532, deadlines 0.432, targets 0.000 (11 targets,
    /// one proposed). The floor is that minus 0.02, truncated to two decimals, and not below zero
    /// (docs/decisions/0023-held-out-documents.md, "The fourth set"). Round 6's rules, none written from it, left it
    /// unchanged count for count; reading "ƣ" as "ư" gave one lead (0.547) ("The honest figure of round 6"). Round 7 wrote
    /// rules from its forms (decision 0009, "Round 7"): 0.988, 0.963, 0.978, 1.000, so it measures how well we copy its gold
    /// now, and the floor is that minus 0.02.
    /// </summary>
    public static readonly (double Tasks, double Leads, double Deadlines, double Targets) Unseen4Floor = (0.96, 0.94, 0.95, 0.98);

    /// <summary>
    /// Pooled F1 over the four documents of the fifth unseen set (Unseen5/, sources in Unseen5/Documents/SOURCES.md),
    /// chosen and annotated by someone who writes none of the reader's rules and committed at 1a07bef before the reader was
    /// run on them: with the reader of main at 82331b0, tasks 0.695, leads 0.372, deadlines 0.083, targets 0.182 (9 targets).
    /// Round 7's rules not written from it left it at 0.696, 0.373, 0.084, 0.182; with the Gazette tables (written from other
    /// Gazette documents, blind to it) 0.706, 0.467, 0.205, 0.167; with the title's period (written from its forms) 0.713,
    /// 0.472, 0.663, 0.167 ("The honest figure of round 7"). The floor is the last minus 0.02, truncated to two decimals.
    /// </summary>
    public static readonly (double Tasks, double Leads, double Deadlines, double Targets) Unseen5Floor = (0.69, 0.45, 0.64, 0.14);

    /// <summary>A set: its report section, folder, name in the heading, number of documents and floor.</summary>
    private sealed record Set(string Section, string Folder, string Name, int Documents, (double Tasks, double Leads, double Deadlines, double Targets) Floor);

    private static readonly Dictionary<string, Set> Sets = new()
    {
        ["heldout"] = new("heldout", Folder, "the held-out documents", 9, Floor),
        ["unseen"] = new("unseen", UnseenFolder, "the unseen documents (second held-out set)", 5, UnseenFloor),
        ["unseen3"] = new("unseen3", Unseen3Folder, "the third unseen set", 4, Unseen3Floor),
        ["unseen4"] = new("unseen4", Unseen4Folder, "the fourth unseen set", 8, Unseen4Floor),
        ["unseen5"] = new("unseen5", Unseen5Folder, "the fifth unseen set", 4, Unseen5Floor),
    };

    public static TheoryData<string> SetNames
    {
        get
        {
            var names = new TheoryData<string>();
            foreach (var name in Sets.Keys) names.Add(name);
            return names;
        }
    }

    [Theory]
    [MemberData(nameof(SetNames))]
    public void Should_not_fall_below_the_measured_pooled_F1_on_documents_nobody_tuned_for(string name)
    {
        var set = Sets[name];
        var scores = CorpusDocuments.Load(set.Folder).Select(c => DraftAccuracy.Measure(c.Name, SeedDocuments.Parse(c), c.Gold)).ToList();

        output.WriteLine(AccuracyReport.WriteScored(set.Section, string.Create(CultureInfo.InvariantCulture,
            $"Drafting accuracy on {set.Name} (issue 15; aim 0.85 tasks, leads, deadlines, 0.80 targets; pooled F1 floors: tasks {set.Floor.Tasks:0.00}, leads {set.Floor.Leads:0.00}, deadlines {set.Floor.Deadlines:0.00}, targets {set.Floor.Targets:0.00})"), scores));

        Assert.Equal(set.Documents, scores.Count);
        Assert.Empty(DraftAccuracy.BelowFloor(DraftAccuracy.Pool("POOLED", scores), set.Floor));
    }

    [Fact]
    public void Should_name_each_field_whose_pooled_F1_is_under_its_floor_so_the_floor_can_fail()
    {
        var pooled = new DocumentScore("p", new Score(10, 10, 10), new Score(10, 10, 5), new Score(10, 10, 10), new Score(0, 0, 0), []);

        var below = DraftAccuracy.BelowFloor(pooled, (0.9, 0.9, 0.9, 0.9));

        Assert.Single(below);
        Assert.StartsWith("leads ", below[0]);
        Assert.Empty(DraftAccuracy.BelowFloor(pooled, (0.9, 0.5, 0.9, 0.9)));
    }
}
