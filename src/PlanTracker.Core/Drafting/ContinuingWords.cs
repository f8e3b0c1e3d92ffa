using System.Text.RegularExpressions;

namespace PlanTracker.Core.Drafting;

/// <summary>
/// "thường xuyên", "định kỳ" in running text that say nothing of when the item is done (decision 0009, round 6, the
/// mid-sentence convention). Counted over the gold of all five sets, the seeds read almost every mid-sentence
/// "thường xuyên"/"định kỳ" as continuous and the other sets mostly as none, so only the forms on which no set's gold
/// reads a time are dropped here:
/// <list type="bullet">
/// <item>"khu vực thường xuyên xảy ra khai thác trái phép", "phương tiện … thường xuyên đi qua", "hộ dân thường xuyên chịu
/// ảnh hưởng": the word describes how often something happens to a place or thing, not the assignee's work.</item>
/// <item>"kiểm tra thường xuyên và đột xuất", "thanh tra, kiểm tra định kỳ và đột xuất": both kinds of an activity named
/// together are its kinds, not its cadence ("định kỳ hoặc đột xuất", one or the other, is left as it was).</item>
/// <item>"Kế hoạch phát triển kinh tế - xã hội hằng năm và 5 năm", "Kế hoạch 5 năm và hằng năm", "theo kế hoạch hàng năm và
/// dài hạn", "lồng ghép vào các kế hoạch 5 năm, kế hoạch hàng năm" (w04), "chương trình, kế hoạch công tác hằng năm": the kinds of plan the work goes into, not its cadence (t01, t02,
/// u05, corpus 09).</item>
/// <item>"giảm bình quân mỗi năm 1,5%", "tăng 10% mỗi năm": a rate's "mỗi năm" next to its quantity.</item>
/// <item>"… chuyển đổi số quốc gia. Thường xuyên nắm tình hình …": a later sentence of the item opening with the word adds
/// a standing duty; the item's time is what its first sentence states (when that sentence states work, not only its lead:
/// "Sở Nội vụ chủ trì. Thường xuyên cập nhật …" stays continuous).</item>
/// </list>
/// </summary>
internal static partial class ContinuingWords
{
    /// <summary>The spans of the lower-cased text where continuing or ad hoc words are no time.</summary>
    public static List<(int Start, int End)> NotATime(string lower)
    {
        var spans = new List<(int, int)>();
        foreach (Match m in Happens().Matches(lower)) spans.Add((m.Index, m.Index + m.Length));
        foreach (Match m in BothKinds().Matches(lower)) spans.Add((m.Index, m.Index + m.Length));
        foreach (Match m in PlanKinds().Matches(lower)) spans.Add((m.Index, m.Index + m.Length));
        foreach (Match m in Rate().Matches(lower)) spans.Add((m.Index, m.Index + m.Length));
        foreach (Match m in LaterSentence().Matches(lower))
        {
            var at = m.Groups["w"].Index;
            // "Sở Nội vụ chủ trì. Thường xuyên cập nhật …": after a sentence that only names the lead, the word opens the work.
            // The whole sentence is the standing duty: "Thường xuyên nắm tình hình, định kỳ báo cáo …" times nothing either.
            var end = lower.IndexOfAny(['.', ';', '\n'], at);
            if (WordsBefore(lower, at, 8) >= 8) spans.Add((at, end < 0 ? lower.Length : end));
        }
        return spans;
    }

    [GeneratedRegex(@"thường xuyên(?=\s+(?:xảy ra|đi qua|qua lại|lui tới|chịu|bị|gặp)\b)")] private static partial Regex Happens();
    [GeneratedRegex(@"(?:thường xuyên|định kỳ)\s*(?:và|,)\s*(?:kiểm tra\s+|thanh tra\s+)?đột xuất")] private static partial Regex BothKinds();
    [GeneratedRegex(@"[.!?]\s+(?<w>thường xuyên)\s+\p{L}")] private static partial Regex LaterSentence();
    /// <summary>
    /// "giảm bình quân mỗi năm 1,5%", "tăng 10% mỗi năm", "mỗi năm từ 2 đến 3 km": "mỗi năm" next to its quantity is the rate of
    /// a change (a target's unit), not when the work recurs; "trung bình mỗi năm tổ chức đấu giá từ 05 mỏ" (t03) is, and so is
    /// "kiểm tra mỗi năm 01 lần", "mỗi năm ít nhất 02 đợt": a count of times or rounds says how often the work recurs.
    /// </summary>
    [GeneratedRegex(@"mỗi năm(?=\s*(?:từ|khoảng|trên|dưới|tối thiểu|ít nhất|tăng|giảm)?\s*(?>\d+(?:[.,]\d+)?)(?!\s*(?:lần|đợt|kỳ)\b))|(?<=\d\s*%\s*)mỗi năm")] private static partial Regex Rate();
    // The two kinds may be joined by "và", "hoặc" or a comma that repeats the noun ("các kế hoạch 5 năm, kế hoạch hàng năm").
    [GeneratedRegex(@"(?:hằng|hàng)\s+năm\s*(?:và|hoặc|,)\s+(?:kế hoạch\s+)?(?:(?:0?5|năm)\s+năm|dài hạn)|(?:(?:0?5|năm)\s+năm|dài hạn)\s*(?:và|hoặc|,)\s+(?:kế hoạch\s+)?(?:hằng|hàng)\s+năm|kế hoạch công tác (?:hằng|hàng) năm")] private static partial Regex PlanKinds();

    /// <summary>
    /// "Định kỳ báo cáo về tiến độ …", "Định kỳ, Thường trực Ủy ban … chủ trì …" opening an item, and "… kiểm kê rừng theo
    /// định kỳ": periodic work whose period is stated nowhere (set by some rule elsewhere) has no time a tracker can follow —
    /// unspecified, its words kept. Corpus 15 (twice) and t01; the seeds write no such item. "định kỳ 6 tháng", "định kỳ hằng
    /// năm" name their period and recur; "định kỳ" inside a sentence is left to the seeds' reading (continuous).
    /// </summary>
    public static IEnumerable<Match> Unstated(string lower) =>
        Periodic().Matches(lower).Where(m => m.Value.StartsWith("theo", StringComparison.Ordinal) || OpensOrFollowsColon(lower, m.Index));

    /// <summary>Nothing but spaces, emphasis or quotes before <paramref name="at"/>, or a colon just before them (scanned back, not copied).</summary>
    private static bool OpensOrFollowsColon(string s, int at)
    {
        var i = at - 1;
        while (i >= 0 && s[i] is ' ' or '*' or '"' or '“') i--;
        return i < 0 || s[i] == ':';
    }

    /// <summary>How many words with a letter stand before <paramref name="at"/>, counted back and no further than <paramref name="enough"/>.</summary>
    private static int WordsBefore(string s, int at, int enough)
    {
        var (count, inWord, hasLetter) = (0, false, false);
        for (var i = at - 1; i >= 0 && count < enough; i--)
        {
            if (s[i] == ' ')
            {
                if (inWord && hasLetter) count++;
                (inWord, hasLetter) = (false, false);
                continue;
            }
            inWord = true;
            hasLetter |= char.IsLetter(s[i]);
        }
        return inWord && hasLetter && count < enough ? count + 1 : count;
    }

    /// <summary>The phrase is an unstated period (<see cref="Unstated"/>): like "thường xuyên", it yields to a section's stated time.</summary>
    public static bool IsUnstated(DeadlinePhrase? phrase) =>
        phrase is { Deadline.Kind: Domain.DeadlineKind.Unspecified } && Periodic().IsMatch(phrase.Deadline.Text.ToLowerInvariant());

    [GeneratedRegex(@"(?:theo\s+)?định kỳ(?!\s*,?\s*(?:hàng|hằng|mỗi|0?\d|ba|sáu|hai|một|hoặc|và)\b)")] private static partial Regex Periodic();
}
