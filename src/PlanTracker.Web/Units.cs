using PlanTracker.Core.Domain;

namespace PlanTracker.Web;

public static class Units
{
    public static string Symbol(TargetUnit unit, string? unitText) => unit switch
    {
        TargetUnit.Percent => "%",
        TargetUnit.PercentPerYear => "%/năm",
        _ when unitText is { Length: > 0 } => " " + unitText,
        TargetUnit.PerHundredInhabitants => "/100 dân",
        TargetUnit.TimesPerDay => " lần/ngày",
        _ => "",
    };
}
