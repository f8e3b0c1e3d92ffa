using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Domain;

public sealed class TimelinessTests
{
    private static readonly DateOnly Due = new(2026, 11, 22);

    [Fact]
    public void Should_not_be_overdue_on_the_due_date() =>
        Assert.Equal(Timeliness.InProgressWithinDeadline, TimelinessRules.Compute(PlanTaskStatus.InProgress, null, Due, false, Due));

    [Fact]
    public void Should_be_overdue_the_day_after_the_due_date()
    {
        Assert.Equal(Timeliness.InProgressOverdue, TimelinessRules.Compute(PlanTaskStatus.InProgress, null, Due, false, Due.AddDays(1)));
        Assert.Equal(Timeliness.InProgressOverdue, TimelinessRules.Compute(PlanTaskStatus.NotStarted, null, Due, false, Due.AddDays(1)));
    }

    [Fact]
    public void Should_be_not_started_before_the_due_date_when_nothing_was_done() =>
        Assert.Equal(Timeliness.NotStarted, TimelinessRules.Compute(PlanTaskStatus.NotStarted, null, Due, false, Due.AddDays(-1)));

    [Theory]
    [InlineData(0, Timeliness.DoneOnTime)]
    [InlineData(1, Timeliness.DoneLate)]
    [InlineData(-30, Timeliness.DoneOnTime)]
    public void Should_judge_done_tasks_by_the_completion_date(int daysAfterDue, Timeliness expected) =>
        Assert.Equal(expected, TimelinessRules.Compute(PlanTaskStatus.Done, Due.AddDays(daysAfterDue), Due, false, Due.AddDays(400)));

    [Fact]
    public void Should_count_ongoing_deadlines_as_continuous_and_decisions_before_dates()
    {
        Assert.Equal(Timeliness.Continuous, TimelinessRules.Compute(PlanTaskStatus.InProgress, null, null, true, Due));
        Assert.Equal(Timeliness.Paused, TimelinessRules.Compute(PlanTaskStatus.Paused, null, Due, false, Due.AddDays(9)));
        Assert.Equal(Timeliness.Cancelled, TimelinessRules.Compute(PlanTaskStatus.Cancelled, null, Due, false, Due.AddDays(9)));
    }

    [Fact]
    public void Should_take_today_from_the_province_time_zone_not_UTC()
    {
        // 17:00 UTC on 22/11 is already 00:00 on 23/11 in Hà Nội (UTC+7).
        var clock = new ProvinceClock(new FixedTimeProvider(new DateTimeOffset(2026, 11, 22, 17, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 11, 23), clock.Today);

        var justBefore = new ProvinceClock(new FixedTimeProvider(new DateTimeOffset(2026, 11, 22, 16, 59, 59, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 11, 22), justBefore.Today);
        Assert.Equal(Timeliness.InProgressWithinDeadline,
            TimelinessRules.Compute(PlanTaskStatus.InProgress, null, Due, false, justBefore.Today));
        Assert.Equal(Timeliness.InProgressOverdue,
            TimelinessRules.Compute(PlanTaskStatus.InProgress, null, Due, false, clock.Today));
    }
}
