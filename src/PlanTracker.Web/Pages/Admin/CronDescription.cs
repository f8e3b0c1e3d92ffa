using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace PlanTracker.Web.Pages.Admin;

/// <summary>
/// A Hangfire cron (5 fields, or 6 with the seconds first; day-of-week 0 or 7 = Sunday, 1 = Monday)
/// in words, in the UI language ("Hằng ngày lúc 07:00", "Every 10 seconds"), for the shapes the job
/// catalog uses; null for any other shape, which is then shown as the cron itself.
/// </summary>
public static partial class CronDescription
{
    private static readonly string[] DayTokens = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    public static string? Describe(string cron, IStringLocalizer localizer)
    {
        var f = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (f.Length == 5) f = ["0", .. f];
        if (f.Length != 6) return null;
        var (second, minute, hour, dayOfMonth, month, dayOfWeek) = (f[0], f[1], f[2], f[3], f[4], f[5]);
        static bool Any(string field) => field == "*";
        string Say(string key, params object[] values) => localizer[key, values].Value;
        var everyDay = Any(dayOfMonth) && month == "*" && Any(dayOfWeek);

        if (Step().Match(second) is { Success: true } seconds && minute == "*" && hour == "*" && everyDay)
            return Say("Cron.EverySeconds", seconds.Groups[1].Value);
        if (second != "0") return null;
        if (Step().Match(minute) is { Success: true } minutes && hour == "*" && everyDay)
            return Say("Cron.EveryMinutes", minutes.Groups[1].Value);
        if (!int.TryParse(minute, out var m) || m > 59) return null;
        if (hour == "*") return everyDay ? Say("Cron.Hourly", m) : null;
        if (!NumberList().IsMatch(hour)) return null;
        var times = string.Join(", ", hour.Split(',').Select(h => $"{int.Parse(h, CultureInfo.InvariantCulture):00}:{m:00}"));

        if (everyDay) return Say("Cron.Daily", times);
        if (dayOfMonth == "*" && month == "*" && Days(dayOfWeek) is { } days) return Say("Cron.Weekly", days, times);
        if (dayOfWeek != "*") return null;
        if (month == "*" && dayOfMonth == "L") return Say("Cron.MonthlyLast", times);
        if (!NumberList().IsMatch(dayOfMonth)) return null;
        if (month == "*") return Say("Cron.Monthly", dayOfMonth.Replace(",", ", "), times);
        return NumberList().IsMatch(month) ? Say("Cron.Months", dayOfMonth.Replace(",", ", "), month.Replace(",", ", "), times) : null;
    }

    /// <summary>"MON-FRI" → "Thứ Hai–Thứ Sáu"; "MON,THU" → "Thứ Hai, Thứ Năm"; null when not a day list.</summary>
    private static string? Days(string field)
    {
        var parts = new List<string>();
        foreach (var part in field.Split(','))
        {
            var ends = part.Split('-');
            if (ends.Length > 2) return null;
            var names = ends.Select(DayName).ToList();
            if (names.Any(n => n is null)) return null;
            parts.Add(string.Join("–", names));
        }
        return string.Join(", ", parts);
    }

    private static string? DayName(string token)
    {
        // Hangfire's (Cronos's) numbers: 0 and 7 are Sunday, 1 Monday … 6 Saturday, as DayOfWeek counts.
        var index = int.TryParse(token, out var n) && n is >= 0 and <= 7 ? n % 7 : Array.IndexOf(DayTokens, token.ToUpperInvariant());
        return index < 0 ? null : CultureInfo.CurrentUICulture.DateTimeFormat.DayNames[index];
    }

    [GeneratedRegex(@"^(?:0|\*)/(\d+)$")]
    private static partial Regex Step();

    [GeneratedRegex(@"^\d{1,2}(?:,\d{1,2})*$")]
    private static partial Regex NumberList();
}
