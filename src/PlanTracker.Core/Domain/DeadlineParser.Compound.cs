using System.Text.RegularExpressions;

namespace PlanTracker.Core.Domain;

/// <summary>
/// Time fields that combine several times (decision 0009, "Round 5: compound time fields"): a list of months or
/// quarters, a dated first step followed by a continuation, and work that starts at a time and goes on.
/// </summary>
public static partial class DeadlineParser
{
    /// <summary>"Từ tháng 11/2013 trở đi", "từ năm 2024 trở đi": work that starts then and goes on is continuous, not that month's.</summary>
    private static Deadline? Onwards(string s, string text) => OnwardsPattern().IsMatch(s) ? Deadline.Continuous(text) : null;

    /// <summary>
    /// "Tháng 11, 12/2013 và bổ sung, sửa đổi hàng năm", "Quý IV/2013, Quý I/2014 và thường xuyên", "Từ năm 2013 đến năm
    /// 2020 và tiếp theo": a dated first step, then upkeep. The task is done (and reported done) by the dated part; the
    /// upkeep after it is no deadline. A bare year before a yearly continuation ("Năm 2022 và hàng năm", "2025 và những
    /// năm tiếp theo") is not this form: the year is where the recurrence starts, and the recurrence wins.
    /// </summary>
    private static Deadline? FirstStep(string s, string text, WorkingDayCalendar? calendar)
    {
        var m = ContinuationPattern().Match(s);
        if (!m.Success || m.Index == 0) return null;
        return ParseAny(s[..m.Index], calendar) is { Kind: DeadlineKind.Date or DeadlineKind.Month or DeadlineKind.Quarter or DeadlineKind.HalfYear or DeadlineKind.Period } first
            ? Deadline.Restore(first.Kind, text, first.StartOn, first.DueOn, null, false)
            : null;
    }

    /// <summary>
    /// "Tháng 11, 12/2013", "Quý IV/2013, Quý I/2014", "Quý II, III/2026", "Quý IV/2026, 2027": a list of months or quarters
    /// (the year written once, after the last of a year's) is done by the end of the last; two quarters that make one half of
    /// a year ("Quý III, IV/2026") are that half. A year alone in the list only follows an item with its own year
    /// ("Quý I, 2026" is the quarter, read by <see cref="QuarterPattern"/>).
    /// </summary>
    private static Deadline? TimeList(string s, string text)
    {
        var m = TimeListPattern().Match(s);
        if (!m.Success) return null;
        var parts = ListSeparator().Split(m.Groups["items"].Value.Trim());
        if (parts.Length < 2) return null;
        var quarter = m.Groups["unit"].Value == "quý";
        var items = new List<(int? N, int? Year)>();
        foreach (var part in parts)
        {
            if (ListItem().Match(part) is not { Success: true } p) return null;
            int? year = p.Groups["y"].Success ? Year(p) : null;
            if (year == OutOfRangeYear) return null;
            if (!p.Groups["n"].Success)
            {
                if (items.Count == 0 || items[^1].Year is null) return null;
                items.Add((null, year));
                continue;
            }
            var n = quarter ? Quarter(p.Groups["n"].Value) : int.TryParse(p.Groups["n"].Value, out var month) && month is >= 1 and <= 12 ? month : null;
            if (n is null) return null;
            items.Add((n, year));
        }
        var (lastN, lastYear) = items[^1];
        if (lastYear is not { } y) return null;
        if (lastN is null) return Deadline.OnDate(new DateOnly(y, 12, 31), text);
        if (quarter && items.Count == 2 && (items[0].Year ?? y) == y && (items[0].N, lastN) is (1, 2) or (3, 4))
            return Deadline.InHalfYear(y, lastN == 2 ? 1 : 2, text);
        var end = quarter ? new DateOnly(y, lastN.Value * 3, 1) : new DateOnly(y, lastN.Value, 1);
        return Deadline.OnDate(end.AddMonths(1).AddDays(-1), text);
    }

    /// <summary>"trước ngày 05/7", "chậm nhất ngày 15 tháng 12": a day and month with no year anywhere in the field falls every year.</summary>
    private static Deadline? YearlessDay(string s, string text) =>
        YearlessDayPattern().IsMatch(s) && !AnyYear().IsMatch(s) ? Deadline.Recurring(DeadlineKind.RecurringYearly, text) : null;

    [GeneratedRegex(@"^(?:trước|chậm nhất|hạn chót) ngày \d{1,2}(?:/| tháng )\d{1,2}\s*[.;]?$")] private static partial Regex YearlessDayPattern();
    [GeneratedRegex(@"\d{4}")] private static partial Regex AnyYear();
    [GeneratedRegex(@"(?:kể )?từ (?:(?:tháng \d{1,2}|quý (?:[ivx]+|\d))\s*(?:/|năm)\s*\d{4}|năm \d{4}|nay|bây giờ) (?:trở đi|về sau)")] private static partial Regex OnwardsPattern();
    [GeneratedRegex(@"\s*,?\s+và\s+[\p{L}\s,]{0,40}?(?:hàng năm|hằng năm|thường xuyên|(?:các |những )?(?:năm )?tiếp theo|lâu dài|liên tục)\s*\.?$")] private static partial Regex ContinuationPattern();
    [GeneratedRegex(@"^(?:trong |vào |đến hết |hết )?(?<unit>quý|tháng) (?<items>.+)$")] private static partial Regex TimeListPattern();
    [GeneratedRegex(@"\s*(?:,|;|\bvà\b)\s*")] private static partial Regex ListSeparator();
    [GeneratedRegex(@"^(?:(?:quý|tháng) )?(?<n>[ivx]+|\d{1,2})(?:\s*(?:/|năm)\s*(?<y>\d{4}))?$|^(?:năm )?(?<y>\d{4})$")] private static partial Regex ListItem();
}
