using System.Text.RegularExpressions;
using PlanTracker.Core.Domain;

namespace PlanTracker.Core.Drafting;

/// <summary>
/// A heading whose words are a time, in forms running text does not read as one (decision 0009, round 6). The dated forms
/// ("Nhiệm vụ trọng tâm năm 2026", "Giai đoạn 2026 – 2028", "Các nhiệm vụ cần làm ngay trong năm 2026") are read by
/// <see cref="DeadlinePhrases"/> as in any text; these are the undated ones, which only a heading states as a time:
/// <list type="bullet">
/// <item>"3. Nhiệm vụ thường xuyên", "B. CÁC NHIỆM VỤ LÂU DÀI", "Nhiệm vụ dài hạn": the kind of work named by its
/// cadence — continuous ("hằng năm" — yearly). In a sentence "là nhiệm vụ trọng tâm, thường xuyên" describes, so
/// <see cref="DeadlinePhrases"/> leaves "nhiệm vụ thường xuyên" alone.</item>
/// <item>"2. Trong quá trình hoạt động khai thác khoáng sản", "Trong suốt thời gian thi công": while something lasts — continuous.</item>
/// <item>"Khi có nguy cơ xảy ra sự cố …", "Trường hợp xảy ra thiên tai": when something happens — ad hoc.</item>
/// <item>"1. Trước khi đưa mỏ đi vào hoạt động", "Sau khi Kế hoạch được phê duyệt": anchored on an event — unspecified,
/// with its words kept; it still stops the plan's horizon from reaching the items under it.</item>
/// </list>
/// </summary>
public static partial class HeadingTime
{
    /// <summary>The time the heading's words state, for the items under it that state none; null when they state none.</summary>
    public static DeadlinePhrase? Of(string text, int start)
    {
        var words = text.TrimEnd(' ', ':', '.', ';', '*');
        var lead = words.Length - words.TrimStart(' ', '*', '_', '"', '“').Length;
        var lower = words.ToLowerInvariant();
        if (Cadence().Match(lower) is { Success: true } cadence)
        {
            var word = cadence.Groups["word"].Value;
            var deadline = word.StartsWith("h", StringComparison.Ordinal)
                ? Deadline.Recurring(DeadlineKind.RecurringYearly, words.Trim(' ', '*'))
                : Deadline.Continuous(words.Trim(' ', '*'));
            return new DeadlinePhrase(deadline, start + lead, start + words.Length,
                deadline.Kind == DeadlineKind.Continuous ? DeadlinePhrases.Strength.Continuing : DeadlinePhrases.Strength.Recurring);
        }
        if (During().IsMatch(lower))
            return new DeadlinePhrase(Deadline.Continuous(words.Trim(' ', '*')), start + lead, start + words.Length, DeadlinePhrases.Strength.Continuing);
        return Occurrence(words, start) ?? Event(words, start);
    }

    /// <summary>
    /// "Khi có nguy cơ xảy ra sự cố kỹ thuật …, giám đốc điều hành mỏ phải …": a heading or an item that opens with an
    /// occurrence ("khi có", "khi xảy ra", "khi phát hiện", "trường hợp xảy ra") is done when it happens — ad hoc, spanned
    /// to the end of its condition. "Khi các cơ quan … sử dụng thủ tục …" states a standing rule, not an occurrence.
    /// </summary>
    public static DeadlinePhrase? Occurrence(string text, int start)
    {
        var m = OccurrenceOpening().Match(text);
        if (!m.Success) return null;
        var at = m.Groups["o"].Index;
        var end = text.IndexOfAny([',', ';', ':', '.', '\n'], m.Index + m.Length);
        var words = text[at..(end < 0 ? text.Length : end)].TrimEnd(' ', '*');
        return new DeadlinePhrase(Deadline.AdHoc(words), start + at, start + at + words.Length, DeadlinePhrases.Strength.AdHoc);
    }

    private static DeadlinePhrase? Event(string words, int start)
    {
        var m = EventOpening().Match(words);
        if (!m.Success) return null;
        var at = m.Groups["o"].Index;
        return new DeadlinePhrase(Deadline.Unspecified(words[at..].Trim(' ', '*')), start + at, start + words.Length, DeadlinePhrases.Strength.AdHoc);
    }

    /// <summary>"(Các) nhiệm vụ / công việc / hoạt động (trọng tâm, chủ yếu) (cần thực hiện) thường xuyên | lâu dài | dài hạn | liên tục | hằng năm".</summary>
    [GeneratedRegex(@"^[\W_]*(?:các\s+|những\s+)?(?:nhóm\s+)?(?:nhiệm vụ|công việc|nội dung|hoạt động|giải pháp)(?:\s*,?\s*(?:giải pháp|trọng tâm|chủ yếu|chung|cụ thể))*(?:\s+(?:cần|phải))?(?:\s+(?:thực hiện|triển khai))?(?:\s+(?:có tính chất|mang tính))?\s+(?<word>thường xuyên|lâu dài|dài hạn|liên tục|hằng năm|hàng năm)(?:\s*(?:,|và)\s*(?:thường xuyên|lâu dài|dài hạn|liên tục))*[\W_]*$")]
    private static partial Regex Cadence();

    /// <summary>
    /// "Trong (suốt) quá trình …", "Trong (suốt) thời gian …" opening a heading of a few words; "trong thời gian qua" is the
    /// past and "trong thời gian tới" the coming months, no span of an activity.
    /// </summary>
    [GeneratedRegex(@"^[\W_]*trong\s+(?:suốt\s+)?(?:quá trình|qua trình|thời gian)\s+(?!qua\b|tới\b|sắp tới\b|vừa qua\b|thực hiện\b)\p{L}[^,;:.]{0,90}$")] private static partial Regex During();

    [GeneratedRegex(@"^[\W_]*(?<o>(?:khi\s+(?:có|xảy ra|phát sinh|phát hiện)|(?:trong\s+)?trường hợp\s+(?:có|xảy ra|phát sinh))\s+\p{L})", RegexOptions.IgnoreCase)]
    private static partial Regex OccurrenceOpening();

    [GeneratedRegex(@"^[\W_]*(?<o>(?:trước|sau)\s+khi\s+\p{L})", RegexOptions.IgnoreCase)] private static partial Regex EventOpening();
}
