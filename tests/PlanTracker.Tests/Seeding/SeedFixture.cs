using PlanTracker.Core.Seeding;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Seeding;

/// <summary>The real seed-data/ folder, read once.</summary>
public static class SeedFixture
{
    private static readonly Lazy<SeedSet> Lazy = new(() => SeedReader.Read(RepoPaths.SeedData));
    public static SeedSet Seed => Lazy.Value;
    public static IEnumerable<DateOnly> Holidays => Seed.Holidays.Select(h => h.Date);
}
