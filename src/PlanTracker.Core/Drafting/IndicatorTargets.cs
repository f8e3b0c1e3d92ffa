using System.Globalization;
using System.Text.RegularExpressions;
using PlanTracker.Core.Domain;

namespace PlanTracker.Core.Drafting;

/// <summary>
/// Targets of an indicator table's row ("TT | Chỉ tiêu | Đơn vị | Kết quả | Cơ quan chủ trì"): the value cell
/// gives comparison and number ("≥ 55", "> 0,7", "≤ 3 Đông Nam Á; ≤ 50 Thế giới", "40 - 50", "100%", "09"),
/// the unit cell what is counted ("%", "%/năm", "% GDP", "Thứ bậc", "Doanh nghiệp", "Người/vạn dân").
/// A value in words ("Đạt mức tiên tiến …") is no target.
/// </summary>
public static partial class IndicatorTargets
{
    /// <summary>Measures rather than things counted: their targets are kept with the unit's words.</summary>
    private static readonly HashSet<string> Measures =
        ["ha", "km", "m", "m2", "m3", "tấn", "đồng", "tỷ đồng", "triệu đồng", "usd", "mw", "kwh", "tbps", "gbps", "mbps", "điểm", "năm", "ngày", "giờ"];

    public static List<TargetPhrase> Read(string indicator, string unitCell, string valueCell, int start, int end)
    {
        var found = new List<TargetPhrase>();
        var unitText = unitCell.Trim();
        foreach (var piece in valueCell.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Value().Match(piece) is not { Success: true } m) continue;
            var value = decimal.Parse(m.Groups["v"].Value.Replace(".", "").Replace(',', '.'), CultureInfo.InvariantCulture);
            var comparison = m.Groups["cmp"].Value switch
            {
                "≤" or "<=" => TargetComparison.AtMost,
                "<" => TargetComparison.LessThan,
                ">" => TargetComparison.MoreThan,
                _ => TargetComparison.AtLeast,
            };
            var (unit, text) = Unit(unitText, m.Groups["pct"].Success);
            found.Add(new TargetPhrase(indicator, unit, text, comparison, value, $"{indicator}: {piece}".Trim(), start, end));
        }
        return found;
    }

    private static (TargetUnit, string?) Unit(string cell, bool percentSign)
    {
        var lower = cell.ToLowerInvariant();
        if (lower.StartsWith('%'))
            return Regex.IsMatch(lower, @"^%\s*/\s*năm$") ? (TargetUnit.PercentPerYear, null) : (TargetUnit.Percent, lower.Trim() == "%" ? null : cell);
        if (lower.Length == 0) return percentSign ? (TargetUnit.Percent, null) : (TargetUnit.Other, null);
        if (lower is "thứ bậc" or "thứ hạng" or "hạng" or "xếp hạng") return (TargetUnit.Rank, null);
        if (lower.Contains('/') || lower.StartsWith("chỉ số", StringComparison.Ordinal) || lower.StartsWith("số ", StringComparison.Ordinal) || Measures.Contains(lower))
            return (TargetUnit.Other, cell);
        return (TargetUnit.Count, cell);
    }

    /// <summary>An optional comparison, then a number (thousands in dots, decimals after a comma), at the cell's start.</summary>
    [GeneratedRegex(@"^\s*(?<cmp>≥|>=|≤|<=|>|<)?\s*(?<v>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)\s*(?<pct>%)?(?=\s|$|[-–;%])")] private static partial Regex Value();
}
