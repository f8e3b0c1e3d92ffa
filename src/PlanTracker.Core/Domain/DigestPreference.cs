namespace PlanTracker.Core.Domain;

public enum DigestFrequency { None, Daily, Weekly }

/// <summary>
/// How often a user wants the digest, and when (province time, Asia/Ho_Chi_Minh). A user without
/// a row has the configured default (<c>Digests:Default*</c>).
/// </summary>
public sealed class DigestPreference
{
    private DigestPreference() { }

    public DigestPreference(long userId, DigestFrequency frequency, DayOfWeek? weekday, int? hour, DateTimeOffset at)
    {
        UserId = userId;
        Set(frequency, weekday, hour, at);
    }

    public long UserId { get; private set; }
    public DigestFrequency Frequency { get; private set; }
    /// <summary>The day of a weekly digest.</summary>
    public DayOfWeek? Weekday { get; private set; }
    /// <summary>The hour (0–23, province time) from which the digest of a due day goes out.</summary>
    public int? Hour { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public void Set(DigestFrequency frequency, DayOfWeek? weekday, int? hour, DateTimeOffset at)
    {
        Frequency = frequency;
        Weekday = frequency == DigestFrequency.Weekly ? weekday : null;
        Hour = frequency == DigestFrequency.None ? null : hour;
        UpdatedAt = at;
    }

    /// <summary>The unsubscribe link turns the digest off and leaves the chosen day and hour for a later return.</summary>
    public void TurnOff(DateTimeOffset at)
    {
        Frequency = DigestFrequency.None;
        UpdatedAt = at;
    }
}

/// <summary>A preference as the scheduler reads it, stored or default.</summary>
public sealed record DigestSchedule(DigestFrequency Frequency, DayOfWeek? Weekday, int? Hour)
{
    /// <summary>
    /// Due on <paramref name="date"/> once its hour has come: a run at 10:00 also sends a digest
    /// set for 08:00 that a missed run left unsent (the log stops it going twice).
    /// </summary>
    public bool IsDue(DateOnly date, int upToHour) => Frequency switch
    {
        DigestFrequency.Daily => (Hour ?? 0) <= upToHour,
        DigestFrequency.Weekly => date.DayOfWeek == Weekday && (Hour ?? 0) <= upToHour,
        _ => false,
    };

    /// <summary>How far back the first digest looks when there was none before it.</summary>
    public int PeriodDays => Frequency == DigestFrequency.Daily ? 1 : 7;
}
