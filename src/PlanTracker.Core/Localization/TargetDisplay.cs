using PlanTracker.Core.Domain;

namespace PlanTracker.Core.Localization;

/// <summary>How a target's unit reads after its value: "30%", "10%/năm", "50/100 dân".</summary>
public static class TargetDisplay
{
    public static string UnitSymbol(TargetUnit unit, string? unitText) => unit switch
    {
        TargetUnit.Percent => "%",
        TargetUnit.PercentPerYear => "%/năm",
        _ when unitText is { Length: > 0 } => " " + unitText,
        TargetUnit.PerHundredInhabitants => "/100 dân",
        TargetUnit.TimesPerDay => " lần/ngày",
        _ => "",
    };
}
