using System.Globalization;
using System.Text.RegularExpressions;
using PlanTracker.Core.Reports;

namespace PlanTracker.Web.Pages.Admin;

/// <summary>
/// A job run's outcome in the reader's language. <c>job_runs.outcome</c> keeps the English record the
/// jobs write (also in the logs and the API); the Jobs page reads it to a Vietnamese user in Vietnamese.
/// An outcome no pattern knows is shown as written.
/// </summary>
public static partial class JobOutcomeText
{
    public static string? Localize(string? outcome, CultureInfo culture)
    {
        if (outcome is null || culture.TwoLetterISOLanguageName != "vi") return outcome;
        if (MailsToPeople().Match(outcome) is { Success: true } p) return $"{p.Groups[1]} thư tới {p.Groups[2]} người, {p.Groups[3]} mục";
        if (Mails().Match(outcome) is { Success: true } m) return $"{m.Groups[1]} thư, {m.Groups[2]} mục";
        if (Dispatch().Match(outcome) is { Success: true } d) return $"đã gửi {d.Groups[1]}, lỗi {d.Groups[2]}, hỏng {d.Groups[3]}";
        if (Digests().Match(outcome) is { Success: true } g) return $"{g.Groups[1]} thư, {g.Groups[2]} người đến lượt, {g.Groups[3]} người không có gì mới";
        if (Report().Match(outcome) is { Success: true } r)
            return $"{QuarterlyReportScope.Name(int.Parse(r.Groups[1].Value, CultureInfo.InvariantCulture),
                int.Parse(r.Groups[2].Value, CultureInfo.InvariantCulture), culture)}: tổng hợp {r.Groups[3]} báo cáo, {r.Groups[4]} thư";
        return outcome;
    }

    [GeneratedRegex(@"^(\d+) mail\(s\) to (\d+) people, (\d+) item\(s\)$")]
    private static partial Regex MailsToPeople();

    [GeneratedRegex(@"^(\d+) mail\(s\), (\d+) item\(s\)$")]
    private static partial Regex Mails();

    [GeneratedRegex(@"^(\d+) sent, (\d+) failed, (\d+) dead$")]
    private static partial Regex Dispatch();

    [GeneratedRegex(@"^(\d+) mail\(s\), (\d+) due, (\d+) with nothing to say$")]
    private static partial Regex Digests();

    [GeneratedRegex(@"^(\d{4})-Q(\d): (\d+) report\(s\) compiled, (\d+) mail\(s\)$")]
    private static partial Regex Report();
}
