namespace PlanTracker.Core.Domain;

public enum DeadlineKind
{
    Unspecified, Date, Month, Quarter, HalfYear, Year, Period,
    RecurringMonthly, RecurringQuarterly, RecurringHalfYearly, RecurringYearly,
    Continuous, AdHoc, WorkingDays,
}

/// <summary>
/// A deadline as the document states it (<see cref="Text"/>, verbatim) and what it means.
/// Recurring, continuous and ad hoc deadlines have no single due date: such tasks are
/// reported every period instead of becoming overdue.
/// </summary>
public sealed record Deadline
{
    private Deadline(DeadlineKind kind, string text, DateOnly? startOn, DateOnly? dueOn, int? workingDays, bool inherited)
    {
        Kind = kind;
        Text = text;
        StartOn = startOn;
        DueOn = dueOn;
        WorkingDays = workingDays;
        Inherited = inherited;
    }

    public DeadlineKind Kind { get; private init; }
    public string Text { get; private init; }
    public DateOnly? StartOn { get; private init; }
    public DateOnly? DueOn { get; private init; }
    public int? WorkingDays { get; private init; }
    /// <summary>Taken from the section heading or the document's general provisions.</summary>
    public bool Inherited { get; private init; }

    public bool HasDueDate => DueOn is not null && !IsOngoing;

    /// <summary>Recurring, continuous and ad hoc deadlines never make a task overdue.</summary>
    public bool IsOngoing => IsOngoingKind(Kind);

    public static readonly IReadOnlyList<DeadlineKind> OngoingKinds =
    [
        DeadlineKind.Continuous, DeadlineKind.AdHoc, DeadlineKind.RecurringMonthly, DeadlineKind.RecurringQuarterly,
        DeadlineKind.RecurringHalfYearly, DeadlineKind.RecurringYearly,
    ];

    public static bool IsOngoingKind(DeadlineKind kind) => OngoingKinds.Contains(kind);

    public static Deadline Unspecified(string text = "") => new(DeadlineKind.Unspecified, text, null, null, null, false);
    public static Deadline OnDate(DateOnly dueOn, string text) => new(DeadlineKind.Date, text, null, dueOn, null, false);
    public static Deadline Continuous(string text) => new(DeadlineKind.Continuous, text, null, null, null, false);
    public static Deadline AdHoc(string text) => new(DeadlineKind.AdHoc, text, null, null, null, false);

    public static Deadline InMonth(int year, int month, string text)
    {
        var start = new DateOnly(year, month, 1);
        return new(DeadlineKind.Month, text, start, start.AddMonths(1).AddDays(-1), null, false);
    }

    public static Deadline InQuarter(int year, int quarter, string text)
    {
        if (quarter is < 1 or > 4) throw new ArgumentOutOfRangeException(nameof(quarter), quarter, "A quarter is 1 to 4.");
        var start = new DateOnly(year, (quarter - 1) * 3 + 1, 1);
        return new(DeadlineKind.Quarter, text, start, start.AddMonths(3).AddDays(-1), null, false);
    }

    public static Deadline InHalfYear(int year, int half, string text)
    {
        if (half is < 1 or > 2) throw new ArgumentOutOfRangeException(nameof(half), half, "A half year is 1 or 2.");
        var start = new DateOnly(year, half == 1 ? 1 : 7, 1);
        return new(DeadlineKind.HalfYear, text, start, start.AddMonths(6).AddDays(-1), null, false);
    }

    public static Deadline InYear(int year, string text) =>
        new(DeadlineKind.Year, text, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), null, false);

    public static Deadline ForPeriod(int firstYear, int lastYear, string text)
    {
        if (lastYear < firstYear) throw new ArgumentException($"A period cannot end ({lastYear}) before it starts ({firstYear}).");
        return new(DeadlineKind.Period, text, new DateOnly(firstYear, 1, 1), new DateOnly(lastYear, 12, 31), null, false);
    }

    public static Deadline Recurring(DeadlineKind kind, string text, DateOnly? from = null, DateOnly? until = null)
    {
        if (kind is not (DeadlineKind.RecurringMonthly or DeadlineKind.RecurringQuarterly
            or DeadlineKind.RecurringHalfYearly or DeadlineKind.RecurringYearly))
            throw new ArgumentException($"{kind} is not a recurring kind.", nameof(kind));
        return new(kind, text, from, until, null, false);
    }

    public static Deadline InWorkingDays(int workingDays, DateOnly from, WorkingDayCalendar calendar, string text)
    {
        if (workingDays <= 0) throw new ArgumentOutOfRangeException(nameof(workingDays), workingDays, "Working days must be positive.");
        return new(DeadlineKind.WorkingDays, text, from, calendar.AddWorkingDays(from, workingDays), workingDays, false);
    }

    /// <summary>Rebuilds a deadline from stored columns, checking that they fit the kind.</summary>
    public static Deadline Restore(DeadlineKind kind, string text, DateOnly? startOn, DateOnly? dueOn, int? workingDays, bool inherited)
    {
        var problem = Check(kind, startOn, dueOn, workingDays);
        if (problem is not null) throw new ArgumentException(problem);
        return new(kind, text, startOn, dueOn, workingDays, inherited);
    }

    public Deadline AsInherited() => this with { Inherited = true };

    /// <summary>Null when the dates fit the kind, otherwise what is wrong.</summary>
    public static string? Check(DeadlineKind kind, DateOnly? startOn, DateOnly? dueOn, int? workingDays)
    {
        if (startOn is { } s && dueOn is { } d && d < s) return $"dueOn {d:yyyy-MM-dd} is before startOn {s:yyyy-MM-dd}";
        if (startOn is { } start && !Common.InputRules.IsInRange(start)) return $"startOn {start:yyyy-MM-dd} is outside {Common.InputRules.MinDate:yyyy-MM-dd}..{Common.InputRules.MaxDate:yyyy-MM-dd}";
        if (dueOn is { } due && !Common.InputRules.IsInRange(due)) return $"dueOn {due:yyyy-MM-dd} is outside {Common.InputRules.MinDate:yyyy-MM-dd}..{Common.InputRules.MaxDate:yyyy-MM-dd}";
        return kind switch
        {
            DeadlineKind.Date when dueOn is null => "a Date deadline needs dueOn",
            DeadlineKind.Month when !IsWhole(startOn, dueOn, 1) => "a Month deadline needs startOn on the 1st and dueOn on the last day of that month",
            DeadlineKind.Quarter when !IsWhole(startOn, dueOn, 3) || (startOn!.Value.Month - 1) % 3 != 0 => "a Quarter deadline needs startOn and dueOn on the first and last day of one quarter",
            DeadlineKind.HalfYear when !IsWhole(startOn, dueOn, 6) || startOn!.Value.Month is not (1 or 7) => "a HalfYear deadline needs startOn and dueOn on the first and last day of one half year",
            DeadlineKind.Year when !IsWhole(startOn, dueOn, 12) || startOn!.Value.Month != 1 => "a Year deadline needs startOn 01-01 and dueOn 12-31 of one year",
            DeadlineKind.Period when startOn is not { Month: 1, Day: 1 } || dueOn is not { Month: 12, Day: 31 } => "a Period deadline needs startOn 01-01 of the first year and dueOn 12-31 of the last",
            DeadlineKind.WorkingDays when workingDays is not > 0 || startOn is null || dueOn is null => "a WorkingDays deadline needs workingDays, startOn and dueOn",
            DeadlineKind.Continuous or DeadlineKind.AdHoc or DeadlineKind.Unspecified when startOn is not null || dueOn is not null => $"a {kind} deadline has no dates",
            _ => null,
        };
    }

    private static bool IsWhole(DateOnly? startOn, DateOnly? dueOn, int months) =>
        startOn is { Day: 1 } s && dueOn is { } d && s.AddMonths(months).AddDays(-1) == d;
}
