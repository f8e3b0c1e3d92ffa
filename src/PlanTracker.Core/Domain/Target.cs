namespace PlanTracker.Core.Domain;

public enum TargetUnit { Percent, Count, PerHundredInhabitants, TimesPerDay, PercentPerYear, Score, Rank, Other }

public enum TargetComparison { AtLeast, AtMost, Exactly, MoreThan, LessThan }

/// <summary>A quantitative target (chỉ tiêu) such as "mức độ 3 từ 30% trở lên".</summary>
public sealed class Target
{
    private readonly List<TargetActual> _actuals = [];

    private Target() { }

    internal Target(string indicator, TargetUnit unit, string? unitText, TargetComparison comparison,
        decimal value, DateOnly? dueOn, decimal? baseline, string? text, int sortOrder)
    {
        Indicator = indicator;
        Unit = unit;
        UnitText = unitText;
        Comparison = comparison;
        Value = value;
        DueOn = dueOn;
        Baseline = baseline;
        Text = text;
        SortOrder = sortOrder;
    }

    public long Id { get; private set; }
    public long TaskId { get; private set; }
    public string Indicator { get; private set; } = "";
    public TargetUnit Unit { get; private set; }
    public string? UnitText { get; private set; }
    public TargetComparison Comparison { get; private set; }
    public decimal Value { get; private set; }
    public DateOnly? DueOn { get; private set; }
    public decimal? Baseline { get; private set; }
    public string? Text { get; private set; }
    public int SortOrder { get; private set; }
    public IReadOnlyList<TargetActual> Actuals => _actuals;

    public bool IsMetBy(decimal actual) => IsMet(Comparison, Value, actual);

    /// <summary>The rule, also for readers that stream target rows without loading the entity.</summary>
    public static bool IsMet(TargetComparison comparison, decimal value, decimal actual) => comparison switch
    {
        TargetComparison.AtLeast => actual >= value,
        TargetComparison.AtMost => actual <= value,
        TargetComparison.Exactly => actual == value,
        TargetComparison.MoreThan => actual > value,
        TargetComparison.LessThan => actual < value,
        _ => throw new InvalidOperationException($"Unknown comparison {comparison}."),
    };
}

/// <summary>The value an agency reported for a target in one reporting period.</summary>
public sealed class TargetActual
{
    private TargetActual() { }

    public TargetActual(long targetId, long reportingPeriodId, decimal value, string? note, long? recordedByUserId, DateTimeOffset recordedAt)
    {
        TargetId = targetId;
        ReportingPeriodId = reportingPeriodId;
        Value = value;
        Note = note;
        RecordedByUserId = recordedByUserId;
        RecordedAt = recordedAt;
    }

    public long Id { get; private set; }
    public long TargetId { get; private set; }
    public long ReportingPeriodId { get; private set; }
    public decimal Value { get; private set; }
    public string? Note { get; private set; }
    public long? RecordedByUserId { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
}
