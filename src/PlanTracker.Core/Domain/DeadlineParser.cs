using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PlanTracker.Core.Domain;

/// <summary>
/// Reads a deadline as Vietnamese documents write it ("Quý III năm 2018", "trước 31/12/2016",
/// "hằng năm", "thường xuyên", "10 ngày làm việc kể từ ngày 05/02/2024"). Returns null when the
/// text says no time this parser knows, so that callers can report the row instead of guessing.
/// </summary>
public static partial class DeadlineParser
{
    public static Deadline? Parse(string text, WorkingDayCalendar? calendar = null) =>
        ParseAny(text, calendar) is { } deadline && IsInRange(deadline) ? deadline : null;

    /// <summary>
    /// "Quý IV năm 9999" or "năm 0050" is no deadline of a real plan: it is unread, so the caller
    /// refuses it by name (a typed deadline, a table row, a drafted item) instead of storing it.
    /// </summary>
    private static bool IsInRange(Deadline d) =>
        (d.StartOn is not { } start || Common.InputRules.IsInRange(start)) && (d.DueOn is not { } due || Common.InputRules.IsInRange(due));

    private static Deadline? ParseAny(string text, WorkingDayCalendar? calendar)
    {
        var s = Normalize(text);
        if (s.Length == 0) return null;

        if (WorkingDaysPattern().Match(s) is { Success: true } wd)
        {
            if (calendar is null || !TryDate(wd.Groups["d"].Value, wd.Groups["m"].Value, wd.Groups["y"].Value, out var from)) return null;
            // Ten years of working days at most: "99999999999 ngày làm việc" is no deadline (and overflowed).
            if (!int.TryParse(wd.Groups["n"].Value, CultureInfo.InvariantCulture, out var days) || days is < 1 or > 2600 || !Common.InputRules.IsInRange(from)) return null;
            return Deadline.InWorkingDays(days, from, calendar, text);
        }
        // Compound fields first (DeadlineParser.Compound.cs): their parts alone would read as the first month or quarter.
        if ((Onwards(s, text) ?? FirstStep(s, text, calendar) ?? TimeList(s, text) ?? YearlessDay(s, text)) is { } compound) return compound;
        if (QuarterPattern().Match(s) is { Success: true } q)
            return Quarter(q.Groups["q"].Value) is { } quarter ? Deadline.InQuarter(Year(q), quarter, text) : null;
        if (HalfYearPattern().Match(s) is { Success: true } h)
            return Deadline.InHalfYear(Year(h), h.Groups["h"].Value is "đầu" ? 1 : 2, text);
        if (BeforeMonthPattern().Match(s) is { Success: true } bm && int.Parse(bm.Groups["m"].Value, CultureInfo.InvariantCulture) is var month and >= 1 and <= 12)
            return Deadline.OnDate(new DateOnly(Year(bm), month, 1).AddDays(-1), text);
        // "trước ngày 20 tháng 11 năm 2025" is the 20th, not the month.
        if (DateInWordsPattern().Match(s) is { Success: true } dw && TryDate(dw.Groups["d"].Value, dw.Groups["m"].Value, dw.Groups["y"].Value, out var inWords))
            return Deadline.OnDate(inWords, text);
        if (DatePattern().Match(s) is { Success: true } d && TryDate(d.Groups["d"].Value, d.Groups["m"].Value, d.Groups["y"].Value, out var date))
            return Deadline.OnDate(date, text);
        // A table's time cell: "10-11/2019" is done by the end of November, "12/2019" is that month.
        if (MonthRangeCell().Match(s) is { Success: true } mr && int.Parse(mr.Groups["m"].Value, CultureInfo.InvariantCulture) is var lastMonth and >= 1 and <= 12)
            return Deadline.OnDate(new DateOnly(Year(mr), lastMonth, 1).AddMonths(1).AddDays(-1), text);
        if (MonthCell().Match(s) is { Success: true } mc && int.Parse(mc.Groups["m"].Value, CultureInfo.InvariantCulture) is var cellMonth and >= 1 and <= 12)
            return Deadline.InMonth(Year(mc), cellMonth, text);
        if (MonthPattern().Match(s) is { Success: true } m && int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) is var mm and >= 1 and <= 12)
            return Deadline.InMonth(Year(m), mm, text);
        // "trước năm 2025": done by the end of 2024.
        if (BeforeYearPattern().Match(s) is { Success: true } by && Year(by) is var before and > OutOfRangeYear)
            return Deadline.OnDate(new DateOnly(before - 1, 12, 31), text);
        if (PeriodPattern().Match(s) is { Success: true } p)
        {
            var (first, last) = (Year(p, "y1"), Year(p, "y2"));
            return last >= first ? Deadline.ForPeriod(first, last, text) : null;
        }
        // "Năm 2022 và hàng năm", "2025 và những năm tiếp theo", "trước ngày 30/6 hằng năm kể từ năm 2027": recurring from that year.
        if (Recurrence(s) is { } recurring) return Deadline.Recurring(recurring, text, FirstYear(s));
        // "2 năm một lần", "Định kỳ 2 năm/lần, bắt đầu từ năm 2024": no kind recurs every few years; the words are kept.
        if (EveryFewYearsPattern().IsMatch(s)) return Deadline.Unspecified(text);
        if (s.Contains("thường xuyên") || s.StartsWith("tiếp tục", StringComparison.Ordinal)) return Deadline.Continuous(text);
        if (s.Contains("đột xuất")) return Deadline.AdHoc(text);
        // "Năm 2025; Năm 2030" (a table's time cell naming two milestones) spans the years it names.
        var years = YearPattern().Matches(s).Select(m => Year(m)).Distinct().ToList();
        if (years.Count > 1 && years.Min() > OutOfRangeYear) return Deadline.ForPeriod(years.Min(), years.Max(), text);
        if (YearPattern().Match(s) is { Success: true } y) return Deadline.InYear(Year(y), text);
        // Weekly or daily work, work "lâu dài", and "định kỳ" without a period are reported every
        // period like continuous work: the deadline kinds have no finer recurrence.
        if (ContinuingPattern().IsMatch(s)) return Deadline.Continuous(text);
        return null;
    }

    private static DeadlineKind? Recurrence(string s)
    {
        if (QuarterlyPattern().IsMatch(s)) return DeadlineKind.RecurringQuarterly;
        if (HalfYearlyPattern().IsMatch(s)) return DeadlineKind.RecurringHalfYearly;
        // "mỗi tháng", "mỗi năm" say what "hằng tháng", "hằng năm" say (t03: "Phấn đấu trung bình mỗi năm tổ chức đấu giá …").
        if (s.Contains("hàng tháng") || s.Contains("hằng tháng") || s.Contains("mỗi tháng")) return DeadlineKind.RecurringMonthly;
        if (s.Contains("hàng năm") || s.Contains("hằng năm") || s.Contains("mỗi năm") || NextYearsPattern().IsMatch(s)) return DeadlineKind.RecurringYearly;
        return null;
    }

    /// <summary>Lower case, single spaces, and the older spelling "quí" as "quý".</summary>
    private static string Normalize(string text) =>
        Whitespace().Replace(text.Normalize(NormalizationForm.FormC).ToLowerInvariant(), " ").Trim().Replace("quí", "quý");

    /// <summary>
    /// A year outside 1945–2100 reads as year 2: never a deadline (IsInRange refuses it), and unlike
    /// year 0 or 9999 it builds dates without throwing ("trước tháng 1 năm 0000" is the day before).
    /// </summary>
    private static int Year(Match m, string group = "y") =>
        int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture) is var year && Common.InputRules.IsYearInRange(year) ? year : OutOfRangeYear;

    private const int OutOfRangeYear = 2;

    private static bool TryDate(string d, string m, string y, out DateOnly date) =>
        DateOnly.TryParseExact($"{int.Parse(d, CultureInfo.InvariantCulture):00}/{int.Parse(m, CultureInfo.InvariantCulture):00}/{y}",
            "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>The year a recurrence starts from, when the words name one.</summary>
    private static DateOnly? FirstYear(string s) =>
        RecurringFromPattern().Match(s) is { Success: true } m && Year(m) is var y and > OutOfRangeYear ? new DateOnly(y, 1, 1) : null;

    private static int? Quarter(string q) => q switch
    {
        "i" or "1" => 1, "ii" or "2" => 2, "iii" or "3" => 3, "iv" or "4" => 4, _ => null,
    };

    [GeneratedRegex(@"\s+")] private static partial Regex Whitespace();
    [GeneratedRegex(@"(?<n>\d+) ngày làm việc.*?(?<d>\d{1,2})/(?<m>\d{1,2})/(?<y>\d{4})")] private static partial Regex WorkingDaysPattern();
    [GeneratedRegex(@"quý (?<q>[ivxl]+|\d+)\b\s*,?\s*(?:năm|[-/])?\s*(?<y>\d{4})")] private static partial Regex QuarterPattern();
    [GeneratedRegex(@"(?:06|6) tháng (?<h>đầu|cuối) năm (?<y>\d{4})")] private static partial Regex HalfYearPattern();
    [GeneratedRegex(@"trước tháng (?<m>\d{1,2})\s*(?:/|năm)\s*(?<y>\d{4})")] private static partial Regex BeforeMonthPattern();
    [GeneratedRegex(@"(?<d>\d{1,2})/(?<m>\d{1,2})/(?<y>\d{4})")] private static partial Regex DatePattern();
    [GeneratedRegex(@"tháng (?<m>\d{1,2})\s*,?\s*(?:/|năm)\s*(?<y>\d{4})")] private static partial Regex MonthPattern();
    [GeneratedRegex(@"(?<y1>\d{4})\s*[-–]\s*(?<y2>\d{4})|từ năm (?<y1>\d{4}) đến (?:hết )?năm (?<y2>\d{4})")] private static partial Regex PeriodPattern();
    [GeneratedRegex(@"ngày (?<d>\d{1,2}) tháng (?<m>\d{1,2}) năm (?<y>\d{4})")] private static partial Regex DateInWordsPattern();
    [GeneratedRegex(@"trước năm (?<y>\d{4})")] private static partial Regex BeforeYearPattern();
    [GeneratedRegex(@"^(?:tháng )?\d{1,2}\s*[-–]\s*(?<m>\d{1,2})\s*/\s*(?<y>\d{4})$")] private static partial Regex MonthRangeCell();
    [GeneratedRegex(@"^(?:tháng )?(?<m>\d{1,2})\s*/\s*(?<y>\d{4})$")] private static partial Regex MonthCell();
    [GeneratedRegex(@"(?:hàng|hằng|mỗi) quý|định kỳ (?:0?3|ba) tháng")] private static partial Regex QuarterlyPattern();
    // "6 tháng, hằng năm và định kỳ", "sơ kết 6 tháng, 1 năm": several cadences named, the most frequent is the one reported.
    [GeneratedRegex(@"định kỳ (?:0?6|sáu) tháng|(?:06|6|sáu) tháng một lần|(?:06|6|sáu) tháng\s*(?:,|và|/)\s*(?:(?:01|1|một) năm|hàng năm|hằng năm)")] private static partial Regex HalfYearlyPattern();
    [GeneratedRegex(@"năm (?<y>\d{4})|(?:^|\s)(?<y>20\d{2})\b")] private static partial Regex YearPattern();
    [GeneratedRegex(@"(?:các|những) năm tiếp theo")] private static partial Regex NextYearsPattern();
    [GeneratedRegex(@"(?:từ|kể từ|bắt đầu từ) năm (?<y>\d{4})|(?:năm )?(?<y>\d{4}) và (?:hàng năm|hằng năm|các năm tiếp theo|những năm tiếp theo)")] private static partial Regex RecurringFromPattern();
    [GeneratedRegex(@"\b(?:0?[2-9]|hai|ba|năm) năm\s*(?:/|một)\s*lần")] private static partial Regex EveryFewYearsPattern();
    [GeneratedRegex(@"(?:hàng|hằng) (?:tuần|ngày)|lâu dài|^định kỳ$")] private static partial Regex ContinuingPattern();
}
