using PlanTracker.Core.Domain;

namespace PlanTracker.Core.Features.Digests;

/// <summary>Configuration section "Digests".</summary>
public sealed class DigestOptions
{
    /// <summary>The preference of a user who has not chosen: weekly, Monday 07:00, the start of the working week.</summary>
    public DigestFrequency DefaultFrequency { get; set; } = DigestFrequency.Weekly;
    public DayOfWeek DefaultWeekday { get; set; } = DayOfWeek.Monday;
    public int DefaultHour { get; set; } = 7;
    /// <summary>"Due soon": open tasks due within this many days of the digest's date.</summary>
    public int DueSoonDays { get; set; } = 14;
    /// <summary>"At risk" for the steering committee: due soon and less than this much done.</summary>
    public int AtRiskBelowPercent { get; set; } = 50;
    /// <summary>The longest list a digest shows; the rest is counted ("… and 12 more").</summary>
    public int MaxRows { get; set; } = 30;

    public DigestSchedule Default => new(DefaultFrequency, DefaultFrequency == DigestFrequency.Weekly ? DefaultWeekday : null,
        DefaultFrequency == DigestFrequency.None ? null : DefaultHour);
}
