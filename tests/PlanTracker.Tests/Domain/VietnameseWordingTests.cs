using System.Globalization;
using Humanizer;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Localization;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Domain;

/// <summary>
/// Every phrase the product shows through Humanizer (Humanizer.Core.vi 3.0.10) or its small
/// wrappers, in Vietnamese and in English, and the library's known flaws the wrappers work around.
/// </summary>
public sealed class VietnameseWordingTests
{
    private static readonly CultureInfo Vi = new("vi-VN");
    private static readonly CultureInfo En = new("en-US");
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 3, 0, 0, TimeSpan.Zero); // the tests' app.Clock

    [Theory]
    [InlineData(-2555, "quá hạn 6 năm", "overdue by 6 years")]
    [InlineData(-75, "quá hạn 2 tháng", "overdue by 2 months")]
    [InlineData(-12, "quá hạn 12 ngày", "overdue by 12 days")]
    [InlineData(-1, "quá hạn 1 ngày", "overdue by 1 day")]
    [InlineData(0, "đến hạn hôm nay", "due today")]
    [InlineData(5, "còn 5 ngày", "5 days left")]
    [InlineData(29, "còn 29 ngày", "29 days left")]
    [InlineData(400, "còn 1 năm", "1 year left")]
    public void Should_say_the_distance_to_a_deadline(int days, string vietnamese, string english)
    {
        var due = Today.AddDays(days);
        var state = days < 0 ? Timeliness.InProgressOverdue : Timeliness.InProgressWithinDeadline;
        Assert.Equal(vietnamese, DeadlineDisplay.Distance(due, state, Today, Vi));
        Assert.Equal(english, DeadlineDisplay.Distance(due, state, Today, En));
    }

    [Theory]
    [InlineData(-120, "cách đây 2 tiếng", "2 hours ago")]
    [InlineData(-60, "cách đây một tiếng", "an hour ago")]
    [InlineData(-30, "cách đây 30 phút", "30 minutes ago")]
    [InlineData(-1440, "hôm qua", "yesterday")]
    [InlineData(-3 * 1440, "cách đây 3 ngày", "3 days ago")]
    [InlineData(5 * 1440, "5 ngày nữa", "5 days from now")]
    public void Should_say_when_a_change_happened_against_the_clock_passed_in(int minutes, string vietnamese, string english)
    {
        // The digest passes the end of its window (the app clock): Humanizer's own "now" is the
        // machine's and a day off for future dates ("4 ngày nữa" five days ahead).
        Assert.Equal(vietnamese, Now.AddMinutes(minutes).Humanize(Now, Vi));
        Assert.Equal(english, Now.AddMinutes(minutes).Humanize(Now, En));
    }

    [Theory]
    [InlineData(0L, "0 B", "0 B")]
    [InlineData(512L, "512 B", "512 B")]
    [InlineData(1023L, "1023 B", "1023 B")]
    [InlineData(1536L, "1,5 KB", "1.5 KB")]
    [InlineData(20L * 1024 * 1024, "20 MB", "20 MB")]
    [InlineData(2_500_000L, "2,4 MB", "2.4 MB")]
    public void Should_show_file_sizes_under_one_kilobyte_in_bytes(long bytes, string vietnamese, string english)
    {
        Assert.Equal(vietnamese, FileSizeDisplay.Format(bytes, Vi));
        Assert.Equal(english, FileSizeDisplay.Format(bytes, En));
    }

    [Fact]
    public void Should_put_the_value_inside_the_Vietnamese_comparison()
    {
        Assert.Equal("từ 100% trở lên", TargetDisplay.Goal(TargetComparison.AtLeast, 100, TargetUnit.Percent, null, Vi));
        Assert.Equal("at least 100%", TargetDisplay.Goal(TargetComparison.AtLeast, 100, TargetUnit.Percent, null, En));
        Assert.Equal("tối đa 2,5%/năm", TargetDisplay.Goal(TargetComparison.AtMost, 2.5m, TargetUnit.PercentPerYear, null, Vi));
        Assert.Equal("trên 50/100 dân", TargetDisplay.Goal(TargetComparison.MoreThan, 50, TargetUnit.PerHundredInhabitants, null, Vi));
        Assert.Equal("dưới 3 hồ sơ", TargetDisplay.Goal(TargetComparison.LessThan, 3, TargetUnit.Other, "hồ sơ", Vi));
        Assert.Equal("bằng 1 lần/ngày", TargetDisplay.Goal(TargetComparison.Exactly, 1, TargetUnit.TimesPerDay, null, Vi));
    }

    /// <summary>
    /// Known flaws of Humanizer.Core.vi 3.0.10, pinned so that an upgrade which fixes them is
    /// noticed: the wrappers above (and the rule not to use ToQuantity) can then go.
    /// </summary>
    [Fact]
    public void Humanizer_still_has_the_flaws_the_product_works_around()
    {
        Assert.Equal("3 nhiệm vụs", "nhiệm vụ".ToQuantity(3)); // Vietnamese has no plural: never ToQuantity
        Assert.Equal("0 b", 0L.Bytes().Humanize("0.#", Vi)); // bits, not bytes: FileSizeDisplay
        Assert.Equal("512 bytes", 512L.Bytes().ToFullWords("0.#", Vi)); // English words: not used
    }

    [Fact]
    public void Should_not_use_ToQuantity_anywhere()
    {
        var src = Path.Combine(RepoPaths.Root, "src");
        var offenders = Directory.EnumerateFiles(src, "*.cs*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Where(f => File.ReadAllText(f).Contains(".ToQuantity(", StringComparison.Ordinal)).ToList();
        Assert.Empty(offenders);
    }
}
