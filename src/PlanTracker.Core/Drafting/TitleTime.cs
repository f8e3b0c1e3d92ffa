using System.Text.RegularExpressions;
using PlanTracker.Core.Domain;

namespace PlanTracker.Core.Drafting;

/// <summary>
/// The time a document gives itself in its own title: "Phê duyệt Đề án … đến năm 2030, tầm nhìn đến năm 2045", "Ban hành
/// Chương trình hành động … thực hiện Chỉ thị số 49-CT/TW … về công tác … giai đoạn 2026 - 2030", "Kế hoạch … năm 2026". A
/// year, horizon or period that closes the title (nothing after it but a vision clause or a caption in brackets) is the
/// time of what the document is, issues or approves, even after the number of the resolution, directive or conclusion it
/// implements: those are named by number and date and carry no period of their own. It is not the title's when the title
/// cites a plan, programme, scheme, strategy or planning whose horizon it closes ("Triển khai Kế hoạch số 120/KH-BCT … giai
/// đoạn 2026 - 2030", "… về định hướng chiến lược khoáng sản đến năm 2030"): that is the cited document's horizon (decision
/// 0023 rules 30 and 42). A bare year keeps the earlier reading (an annual plan of a cited programme is that year's).
/// </summary>
internal static partial class TitleTime
{
    /// <param name="lower">The title, in lower case.</param>
    public static bool IsOwn(string lower, int start, int end, DeadlineKind kind)
    {
        if (kind is not (DeadlineKind.Year or DeadlineKind.Period) || !ClosesTitle().IsMatch(lower[end..])) return false;
        var before = lower[..start];
        if (CitedPlanning().IsMatch(before)) return false;
        var horizon = kind == DeadlineKind.Period || lower[start..end].Contains("đến", StringComparison.Ordinal);
        return !horizon || !CitesAPlan(before);
    }

    /// <summary>"Kế hoạch số 120/KH-BCT", "Chương trình số 12-CTr/TU", "Nghị quyết số 10-NQ/TW … về … chiến lược …": the first
    /// document the title cites by number is a plan-like one, by the kind before its number, its symbol or its subject.</summary>
    private static bool CitesAPlan(string before)
    {
        var number = CitedNumber().Match(before);
        if (!number.Success) return false;
        return PlanKindBefore().IsMatch(before[..number.Index]) || PlanSymbol().IsMatch(number.Value)
            || PlanKind().IsMatch(before[(number.Index + number.Length)..]);
    }

    [GeneratedRegex(@"^\s*(?:[,;]?\s*(?:và\s+)?(?:tầm nhìn|định hướng)(?:\s+(?:đến|tới))?\s+(?:năm\s+)?(?:19|20)\d{2})?\s*[.,;:]?\s*(?:\([^)]*\)\s*)?[.;]?\s*$")]
    private static partial Regex ClosesTitle();

    [GeneratedRegex(@"\d+[a-zđ]?/(?:\d{4}/)?\p{L}+[-/][\p{L}-]+|\d+-\p{L}+/\p{L}+")] private static partial Regex CitedNumber();
    [GeneratedRegex(@"(?:kế hoạch|chương trình(?: hành động)?|đề án|chiến lược|quy hoạch)\s+(?:số\s*)?$")] private static partial Regex PlanKindBefore();
    [GeneratedRegex(@"(?:^|[-/])(?:kh|ctr|đa)(?:[-/]|$)")] private static partial Regex PlanSymbol();
    [GeneratedRegex(@"\b(?:kế hoạch|chương trình|đề án|chiến lược|quy hoạch)\b")] private static partial Regex PlanKind();
    [GeneratedRegex(@"\S\s+(?:quy hoạch|chiến lược)\s+\p{L}")] private static partial Regex CitedPlanning();
}
