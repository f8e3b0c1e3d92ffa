namespace PlanTracker.Core.Domain;

/// <summary>A public holiday (day off); holidays move every year, so they are data.</summary>
public sealed class Holiday
{
    private Holiday() { }
    public Holiday(DateOnly date, string name) { Date = date; Name = name; }
    public DateOnly Date { get; private set; }
    public string Name { get; private set; } = "";
}

/// <summary>Counts ngày làm việc: Saturdays, Sundays and public holidays do not count.</summary>
public sealed class WorkingDayCalendar(IEnumerable<DateOnly> holidays)
{
    private readonly HashSet<DateOnly> _holidays = [.. holidays];

    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(day);

    /// <summary>The day on which the <paramref name="count"/>-th working day after <paramref name="from"/> ends.</summary>
    public DateOnly AddWorkingDays(DateOnly from, int count)
    {
        var day = from;
        for (var counted = 0; counted < count;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) counted++;
        }
        return day;
    }
}
