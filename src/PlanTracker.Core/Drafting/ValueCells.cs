using System.Text.RegularExpressions;
using PlanTracker.Core.Domain;

namespace PlanTracker.Core.Drafting;

/// <summary>
/// A table's value cell ("Mục tiêu", "Kết quả") that holds a quantity and nothing else: "Tối thiểu 2%", "&lt;30%", "&gt;25",
/// "01 khu", "1,0-1,5%", "26,1%". It is the row's target as an indicator table's value is (<see cref="IndicatorTargets"/>): the
/// words of comparison ("Tối thiểu", "Trên", "Dưới") read as the signs, a range as at least its lower end, the unit after the
/// number as what is counted, a bare number as a count, and a percentage of an indicator measured per year ("… GRDP/năm") as a
/// yearly rate. A cell in words ("Kế hoạch được ban hành") is left to <see cref="TargetPhrases"/>.
/// </summary>
internal static partial class ValueCells
{
    public static List<TargetPhrase>? Read(string indicator, string cell, int start, int end)
    {
        if (cell.Trim() is not { Length: <= ScrambledRows.MaxValueLength } trimmed || Bare().Match(trimmed) is not { Success: true } m) return null;
        var sign = m.Groups["w"].Value.ToLowerInvariant() switch
        {
            "tối thiểu" or "ít nhất" or "đạt" => "≥",
            "tối đa" => "≤",
            "trên" => ">",
            "dưới" => "<",
            _ => m.Groups["cmp"].Value,
        };
        var unit = m.Groups["u"].Value;
        if (unit == "%" && PerYear().IsMatch(indicator)) unit = "%/năm";
        return IndicatorTargets.Read(indicator, unit, sign + m.Groups["v"].Value, start, end)
            .Select(t => t.Unit == TargetUnit.Other && t.UnitText is null ? t with { Unit = TargetUnit.Count } : t).ToList();
    }

    [GeneratedRegex(@"^(?<w>Tối thiểu|Tối đa|Ít nhất|Trên|Dưới|Đạt)?\s*(?<cmp>≥|>=|≤|<=|>|<)?\s*(?<v>\d[\d.,]*)(?:\s*[-–]\s*\d[\d.,]*)?\s*(?<u>%|\p{L}+(?:\s\p{L}+)?)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Bare();

    [GeneratedRegex(@"/\s*năm\b")] private static partial Regex PerYear();
}
