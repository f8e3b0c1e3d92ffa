using System.Globalization;
using PlanTracker.Core.Domain;

namespace PlanTracker.Core.Localization;

/// <summary>How a target reads: "từ 100% trở lên", "tối đa 10%/năm", "at least 50/100 dân".</summary>
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

    /// <summary>
    /// The comparison wrapped around the value as the language puts it: Vietnamese says "từ 100% trở
    /// lên" (the value inside the phrase), so a prefix label followed by the value cannot be right.
    /// </summary>
    public static string Goal(TargetComparison comparison, decimal value, TargetUnit unit, string? unitText, CultureInfo culture)
    {
        var amount = value.ToString("0.##", culture) + UnitSymbol(unit, unitText);
        return (culture.TwoLetterISOLanguageName == "vi", comparison) switch
        {
            (true, TargetComparison.AtLeast) => $"từ {amount} trở lên",
            (true, TargetComparison.AtMost) => $"tối đa {amount}",
            (true, TargetComparison.Exactly) => $"bằng {amount}",
            (true, TargetComparison.MoreThan) => $"trên {amount}",
            (true, TargetComparison.LessThan) => $"dưới {amount}",
            (false, TargetComparison.AtLeast) => $"at least {amount}",
            (false, TargetComparison.AtMost) => $"at most {amount}",
            (false, TargetComparison.Exactly) => $"exactly {amount}",
            (false, TargetComparison.MoreThan) => $"more than {amount}",
            (false, TargetComparison.LessThan) => $"less than {amount}",
            _ => amount,
        };
    }
}
