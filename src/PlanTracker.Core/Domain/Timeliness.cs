namespace PlanTracker.Core.Domain;

/// <summary>How a task stands against its deadline, as reports count it. Always derived.</summary>
public enum Timeliness
{
    NotStarted,
    InProgressWithinDeadline,
    InProgressOverdue,
    DoneOnTime,
    DoneLate,
    Continuous,
    Paused,
    Cancelled,
}

public static class TimelinessRules
{
    /// <summary>
    /// The one rule, mirrored by the SQL function <c>task_timeliness</c> (migration 0002) so that
    /// lists and dashboards aggregate in the database; a test holds the two in agreement.
    /// An unfinished task past its due date is overdue whether or not work has begun: the
    /// steering committee chases both. Due today is not overdue.
    /// </summary>
    public static Timeliness Compute(PlanTaskStatus status, DateOnly? completedOn, DateOnly? dueOn, bool ongoing, DateOnly today)
    {
        switch (status)
        {
            case PlanTaskStatus.Paused: return Timeliness.Paused;
            case PlanTaskStatus.Cancelled: return Timeliness.Cancelled;
        }
        if (ongoing) return Timeliness.Continuous;
        if (status == PlanTaskStatus.Done)
            return dueOn is { } d && completedOn is { } c && c > d ? Timeliness.DoneLate : Timeliness.DoneOnTime;
        if (dueOn is { } due && today > due) return Timeliness.InProgressOverdue;
        return status == PlanTaskStatus.NotStarted ? Timeliness.NotStarted : Timeliness.InProgressWithinDeadline;
    }
}
