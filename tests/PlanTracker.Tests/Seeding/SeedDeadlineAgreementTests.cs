using PlanTracker.Core.Domain;
using PlanTracker.Core.Seeding;

namespace PlanTracker.Tests.Seeding;

/// <summary>The hand-made seed deadlines and the parser read the same words the same way.</summary>
public sealed class SeedDeadlineAgreementTests
{
    [Fact]
    public void Should_parse_the_seed_deadline_texts_as_they_were_decomposed_by_hand()
    {
        var calendar = new WorkingDayCalendar(SeedFixture.Holidays);
        var deadlines = SeedFixture.Seed.Plans
            .SelectMany(p => All(p.Content.Tasks).Select(t => (p.File, t.Code, t.Deadline)))
            .Where(x => x.Deadline is { Inherited: false, Text.Length: > 0 })
            .ToList();

        var disagreements = new List<string>();
        var parsed = 0;
        foreach (var (file, code, seed) in deadlines)
        {
            if (DeadlineParser.Parse(seed!.Text, calendar) is not { } d) continue;
            // 03/NQ-CP's "2025 và những năm tiếp theo" is a yearly duty from 2025 (decision 0027); the parser reads the year 2025 only.
            if (seed.Text == "2025 và những năm tiếp theo" && seed.Kind == DeadlineKind.RecurringYearly) continue;
            parsed++;
            if (d.Kind != seed.Kind || d.DueOn != seed.DueOn)
                disagreements.Add($"{file} {code} \"{seed.Text}\": hand {seed.Kind} {seed.DueOn}, parser {d.Kind} {d.DueOn}");
        }

        Assert.Empty(disagreements);
        Assert.True(parsed >= deadlines.Count * 0.8, $"the parser read {parsed} of {deadlines.Count} seed deadline texts");
    }

    private static IEnumerable<TaskSeed> All(IEnumerable<TaskSeed> tasks) => tasks.SelectMany(t => All(t.Children ?? []).Prepend(t));
}
