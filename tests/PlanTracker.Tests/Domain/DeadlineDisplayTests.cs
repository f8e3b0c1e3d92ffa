using System.Globalization;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Localization;

namespace PlanTracker.Tests.Domain;

public sealed class DeadlineDisplayTests
{
    private static readonly CultureInfo Vi = new("vi-VN");
    private static readonly CultureInfo En = new("en-US");

    [Fact]
    public void Should_show_deadlines_the_Vietnamese_way()
    {
        var quarter = Deadline.InQuarter(2018, 3, "Quý III năm 2018");
        Assert.Equal("Quý III/2018", DeadlineDisplay.Format(quarter.Kind, quarter.StartOn, quarter.DueOn, Vi));
        Assert.Equal("Q3 2018", DeadlineDisplay.Format(quarter.Kind, quarter.StartOn, quarter.DueOn, En));
        Assert.Equal("31/12/2016", DeadlineDisplay.Format(DeadlineKind.Date, null, new DateOnly(2016, 12, 31), Vi));
        Assert.Equal("Thường xuyên", DeadlineDisplay.Format(DeadlineKind.Continuous, null, null, Vi));
    }

    [Fact]
    public void Should_humanize_the_distance_to_the_deadline_in_both_languages()
    {
        var today = new DateOnly(2026, 11, 22);
        Assert.Equal("quá hạn 7 năm", DeadlineDisplay.Distance(new DateOnly(2019, 9, 30), Timeliness.InProgressOverdue, today, Vi));
        Assert.Equal("còn 12 ngày", DeadlineDisplay.Distance(today.AddDays(12), Timeliness.InProgressWithinDeadline, today, Vi));
        Assert.Equal("đến hạn hôm nay", DeadlineDisplay.Distance(today, Timeliness.NotStarted, today, Vi));
        Assert.Equal("overdue by 7 years", DeadlineDisplay.Distance(new DateOnly(2019, 9, 30), Timeliness.InProgressOverdue, today, En));
        Assert.Null(DeadlineDisplay.Distance(today, Timeliness.DoneOnTime, today, Vi));
    }
}
