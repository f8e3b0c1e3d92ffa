using System.Globalization;
using System.Text.RegularExpressions;
using PlanTracker.Core.Domain;

namespace PlanTracker.Core.Drafting;

/// <summary>A quantitative target found in an item's text; <see cref="Start"/>/<see cref="End"/> span its clause.</summary>
public sealed record TargetPhrase(string Indicator, TargetUnit Unit, string? UnitText, TargetComparison Comparison, decimal Value,
    string Text, int Start, int End);

/// <summary>
/// Reads targets (chỉ tiêu) from running text: percentages with their comparison ("từ 30% trở lên",
/// "tối thiểu 10%/năm", "trên 70%", "đạt 100%"), counts after a comparison ("tối thiểu 01 cán bộ",
/// "từ 2 - 3 cán bộ"), rates per 100 inhabitants ("trên 50 thuê bao/100 dân"), times per day ("ít
/// nhất 01 lần/ngày") and a regular product ("hằng tuần có chuyên trang").
/// </summary>
public static partial class TargetPhrases
{
    private sealed record Hit(int Start, int End, TargetUnit Unit, string? UnitText, TargetComparison Comparison, decimal Value);

    /// <param name="result">The text is a result or output cell ("Đầu ra chủ yếu", "Kết quả"): there a quantity that opens
    /// a clause and is said to be delivered ("150.000 ha rừng … được trồng", "100.000 chủ rừng … được tiếp cận") is a
    /// target without a comparison word; in running text such a number is most often context.</param>
    public static List<TargetPhrase> Find(string text, int offset = 0, bool result = false)
    {
        // "lên trên 2Š cụm": an OCR's glyph for a digit, inside a number, is that digit (same length, so offsets hold).
        var lower = OcrDigit().Replace(text.ToLowerInvariant(), "5");
        var hits = new List<Hit>();
        bool Free(int s, int e) => !hits.Any(h => h.Start < e && s < h.End);

        foreach (Match m in Percent().Matches(lower))
        {
            // "đầu tư … với tỷ lệ 1% - 3% doanh thu", "hỗ trợ với mức 50% kinh phí": a rate that says how something is done.
            if (!m.Groups["cmp"].Success || m.Groups["cmp"].Length == 0)
                if (AtRate().IsMatch(lower[..m.Index]) || RangeEnd().IsMatch(lower[..m.Index])) continue;
            var unit = m.Groups["year"].Success ? TargetUnit.PercentPerYear : TargetUnit.Percent;
            var comparison = m.Groups["down"].Success ? TargetComparison.AtMost : Comparison(m.Groups["cmp"].Value);
            hits.Add(new Hit(m.Index, m.Index + m.Length, unit, null, comparison, Number(m.Groups["v"].Value)));
        }
        foreach (Match m in PerDay().Matches(lower))
        {
            if (!Free(m.Index, m.Index + m.Length)) continue;
            var per = m.Groups["per"].Value;
            hits.Add(new Hit(m.Index, m.Index + m.Length, per == "ngày" ? TargetUnit.TimesPerDay : TargetUnit.Other,
                per == "ngày" ? null : "lần/" + per, Comparison(m.Groups["cmp"].Value), Number(m.Groups["v"].Value)));
        }
        foreach (Match m in Counted().Matches(lower))
        {
            var noun = m.Groups["noun"].Value;
            if (!Free(m.Index, m.Index + m.Length) || NotCounted.Contains(noun.Split(' ')[0]) || YearLike().IsMatch(m.Groups["v"].Value)) continue;
            var clause = Clause(lower, m.Index);
            var perHundred = lower[clause.Start..clause.End].Contains("/100 dân") || lower[clause.Start..clause.End].Contains("/ 100 dân");
            var measure = Measure().Match(noun);
            hits.Add(new Hit(m.Index, m.Index + m.Length,
                perHundred ? TargetUnit.PerHundredInhabitants : measure.Success ? TargetUnit.Other : noun.StartsWith("điểm", StringComparison.Ordinal) ? TargetUnit.Score : TargetUnit.Count,
                perHundred ? noun + "/100 dân" : measure.Success ? measure.Value : null, Comparison(m.Groups["cmp"].Value), Number(m.Groups["v"].Value)));
        }
        if (result)
            foreach (Match m in Delivered().Matches(lower))
            {
                var (at, noun) = (m.Groups["v"].Index, m.Groups["noun"].Value);
                var clause = Clause(lower, at);
                if (!Free(at, m.Index + m.Length) || NotCounted.Contains(noun.Split(' ')[0]) || YearLike().IsMatch(m.Groups["v"].Value)
                    || !lower[clause.Start..clause.End].Contains(" được ", StringComparison.Ordinal)) continue;
                var measure = Measure().Match(noun);
                hits.Add(new Hit(at, m.Index + m.Length, measure.Success ? TargetUnit.Other : TargetUnit.Count, measure.Success ? measure.Value : null,
                    TargetComparison.AtLeast, Number(m.Groups["v"].Value)));
            }
        // "Hoàn thành di dời 01 khu công nghiệp (Đông Phố Mới) và 02 cụm công nghiệp": a clause that opens with completing
        // counts what is to be completed; each count in it is a target without a comparison word (at least that many).
        foreach (Match m in Completed().Matches(lower))
            foreach (Match c in Counts().Matches(lower[..Clause(lower, m.Index + m.Length - 2).End], m.Index + m.Length))
            {
                var noun = c.Groups["noun"].Value;
                if (!Free(c.Groups["v"].Index, c.Index + c.Length) || NotCounted.Contains(noun.Split(' ')[0]) || YearLike().IsMatch(c.Groups["v"].Value)) continue;
                var measure = Measure().Match(noun);
                hits.Add(new Hit(c.Groups["v"].Index, c.Index + c.Length, measure.Success ? TargetUnit.Other : TargetUnit.Count,
                    measure.Success ? measure.Value : null, TargetComparison.AtLeast, Number(c.Groups["v"].Value)));
            }
        foreach (Match m in Regular().Matches(lower))
            if (Free(m.Index, m.Index + m.Length))
                hits.Add(new Hit(m.Index, m.Index + m.Length, TargetUnit.Other, "lần/" + m.Groups["per"].Value, TargetComparison.AtLeast, 1));

        hits.Sort((a, b) => a.Start.CompareTo(b.Start));
        // "100% các sở … có ít nhất 01 cán bộ": the count describes what the percentage counts.
        hits.RemoveAll(h => h.Unit == TargetUnit.Count && hits.Any(p => p.Unit == TargetUnit.Percent && p.End <= h.Start
            && !lower[p.End..h.Start].Any(c => c is ';' or '.')));

        return hits.Select((h, i) =>
        {
            var clause = Clause(lower, h.Start);
            var end = Math.Max(h.End, i + 1 < hits.Count && hits[i + 1].Start < clause.End ? TrimEnd(lower, h.End, hits[i + 1].Start) : clause.End);
            var phrase = text[clause.Start..end].Trim().TrimEnd(',', ' ');
            return new TargetPhrase(Indicator(text, h, clause.Start, end), h.Unit, h.UnitText, h.Comparison, h.Value, phrase,
                offset + clause.Start, offset + clause.Start + phrase.Length);
        }).ToList();
    }

    /// <summary>
    /// "Đến năm 2020, phấn đấu đạt 100% …, năm 2018 đạt 99%, năm 2019 đạt 99,5%" (QĐ 773/QĐ-TTg): a bare year that a target's
    /// value follows ("năm 2018 đạt 99%") is the target's step along the way, not when the item is due; the item keeps its own
    /// time ("Đến năm 2020"). A year after "đến", "trước", "trong" is the item's time even when a target follows it.
    /// </summary>
    public static bool IsMilestone(string text, int start, int end) =>
        start >= 0 && end <= text.Length && BareYear().IsMatch(text[start..end]) && StepValue().IsMatch(text[end..])
        && (start == 0 || !Preposition().IsMatch(text[..start]));

    [GeneratedRegex(@"\bvới (?:tỷ lệ|tỉ lệ|mức)\s*$")] private static partial Regex AtRate();
    /// <summary>The second bound of a rate's range ("với tỷ lệ 1% – 3%").</summary>
    [GeneratedRegex(@"\bvới (?:tỷ lệ|tỉ lệ|mức)\s*\d{1,3}(?:[.,]\d{1,2})?\s?%\s*[-–]\s*$")] private static partial Regex RangeEnd();
    [GeneratedRegex(@"^năm \d{4}$", RegexOptions.IgnoreCase)] private static partial Regex BareYear();
    [GeneratedRegex(@"^\s*,?\s*(?:phấn đấu\s+)?đạt\s+(?:tỷ lệ\s+)?\d{1,3}(?:[.,]\d{1,2})?\s?%")] private static partial Regex StepValue();
    [GeneratedRegex(@"(?:đến|trước|trong|từ|cuối|hết|vào)\s*$", RegexOptions.IgnoreCase)] private static partial Regex Preposition();

    private static readonly HashSet<string> NotCounted = ["năm", "tháng", "ngày", "tuần", "giờ", "phút", "lần", "quý", "mức", "cấp", "giai"];

    private static TargetComparison Comparison(string words) => words.Trim() switch
    {
        var w when w.EndsWith("trên", StringComparison.Ordinal) || w == "hơn" => TargetComparison.MoreThan,
        var w when w.EndsWith("dưới", StringComparison.Ordinal) && !w.StartsWith("không", StringComparison.Ordinal) => TargetComparison.LessThan,
        "tối đa" or "không quá" or "không vượt quá" => TargetComparison.AtMost,
        "bằng" or "đúng" or "giữ nguyên" => TargetComparison.Exactly,
        _ => TargetComparison.AtLeast,
    };

    /// <summary>Vietnamese numbers: dots group thousands ("150.000", "5.000"), a comma marks decimals ("16,24").</summary>
    private static decimal Number(string s) =>
        decimal.Parse(Thousands().IsMatch(s) ? s.Replace(".", "") : s.Replace(',', '.'), CultureInfo.InvariantCulture);

    /// <summary>The clause around a position: between the separators ";", "." (not in a number) or the text's ends.</summary>
    private static (int Start, int End) Clause(string lower, int at)
    {
        var start = at;
        while (start > 0 && !IsBoundary(lower, start - 1)) start--;
        var end = at;
        while (end < lower.Length && !IsBoundary(lower, end)) end++;
        return (start, end);
    }

    private static bool IsBoundary(string s, int i) => s[i] is ';' or ':' || s[i] == '.' && !(i > 0 && char.IsDigit(s[i - 1]) && i + 1 < s.Length && char.IsDigit(s[i + 1]));

    /// <summary>Two targets in one clause ("mức độ 3 từ 30% trở lên, mức độ 4 từ 20% trở lên") part at the comma between them.</summary>
    private static int TrimEnd(string lower, int from, int next)
    {
        var comma = lower.LastIndexOf(',', next - 1, next - from);
        var and = lower.LastIndexOf(" và ", next - 1, next - from, StringComparison.Ordinal);
        var cut = Math.Max(comma, and);
        return cut > from ? cut : next;
    }

    /// <summary>What the number measures: the words after it, or before it when nothing follows ("… đạt 10%").</summary>
    private static string Indicator(string text, Hit h, int clauseStart, int end)
    {
        var after = Words().Replace(text[h.End..end], " ").Trim(' ', ',', '"', '“', '”');
        after = LeadingArticle().Replace(after, "");
        if (after.Split(' ').Length >= 2 && h.Unit is not (TargetUnit.PercentPerYear or TargetUnit.TimesPerDay))
            return Cap(h.Unit is TargetUnit.Percent ? "Tỷ lệ " + after : after);
        var before = Words().Replace(text[clauseStart..h.Start], " ").Trim(' ', ',');
        before = TrailingComparison().Replace(before, "").Trim(' ', ',');
        // Nothing around the number but the comparison ("tăng tối thiểu 10%/năm"): the words themselves.
        var indicator = before.Length > 0 ? before : after.Length > 0 ? after : Words().Replace(text[clauseStart..end], " ").Trim(' ', ',');
        return Cap(indicator);
    }

    private static string Cap(string s)
    {
        s = s.Length > 200 ? s[..s.LastIndexOf(' ', 199)] : s;
        return s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
    }

    private const string Cmp = @"(?<cmp>(?:phấn đấu )?(?:đạt (?:từ |trên |tối thiểu |ít nhất |khoảng )?|từ |trên |dưới |hơn |tối thiểu |ít nhất |tối đa |không quá |không vượt quá |không dưới |lên (?:mức )?|tới |bằng |khoảng ))?";

    /// <summary>
    /// "đạt trên 70%", "từ 30% trở lên"; a range ("khoảng 60-70%", "60% - 70%") is at least its lower bound (0023 rule 32), as
    /// an indicator row's "1,0-1,5%" is. The lower bound is a whole number, not a year's last digits ("Đến năm 2030 - 100% số
    /// xã …" is 100%, not 30%), nor a quarter's or month's number before a dash ("Quý 2 - 50% hồ sơ …" is 50%; "Hằng tháng 100% …" stays 100%).
    /// </summary>
    [GeneratedRegex(Cmp + @"(?<!\d)(?<v>\d{1,3}(?:[.,]\d{1,2})?)(?:(?<!(?:quý|tháng|kỳ)\s\d{1,3})\s?%?\s*[-–]\s*\d{1,3}(?:[.,]\d{1,2})?)?\s?%(?<year>\s*/\s*năm)?(?<up>\s*trở lên)?(?<down>\s*trở xuống)?")] private static partial Regex Percent();
    /// <summary>"š" (Š lower-cased) against a digit: the glyph a Tesseract OCR gives for 5, a letter Vietnamese never writes.</summary>
    [GeneratedRegex(@"(?<=\d)š|š(?=\d)")] private static partial Regex OcrDigit();
    [GeneratedRegex(@"(?<cmp>ít nhất |tối thiểu |từ |trên )?(?<v>\d{1,3})\s*lần\s*/\s*(?<per>ngày|tuần|tháng)")] private static partial Regex PerDay();
    /// <summary>"tối thiểu 01 cán bộ", "ít nhất 500ha" (a measure's unit may be written against the number).</summary>
    [GeneratedRegex(@"(?<cmp>tối thiểu|ít nhất|từ|trên|không dưới|tối đa|không quá|giữ nguyên|đạt(?: trên)?|(?<=\p{L} )đủ) (?<v>\d{1,6}(?:[.,]\d+)?)(?:\s*[-–]\s*\d{1,6})?(?: |(?=(?:ha|km)\b))(?<noun>\p{L}+(?: \p{L}+)?)")] private static partial Regex Counted();
    /// <summary>A quantity opening a result's clause: at the start, after a dash or plus bullet, a full stop, ";" or "và".</summary>
    [GeneratedRegex(@"(?:^|[-+•]\s*|[.;]\s+|\svà\s)(?<v>\d{1,3}(?:\.\d{3})+|\d{1,6}(?:,\d+)?) (?<noun>\p{L}+(?: \p{L}+)?)")] private static partial Regex Delivered();
    /// <summary>What is measured rather than counted ("16,24 triệu ha", "150.000 ha", "2 triệu tấn"): kept as the unit's words.</summary>
    [GeneratedRegex(@"^(?:(?:nghìn|ngàn|triệu|tỷ) )?(?:ha|km|m2|m3|tấn|đồng|usd|mw|kwh)\b")] private static partial Regex Measure();
    [GeneratedRegex(@"^\d{1,3}(?:\.\d{3})+$")] private static partial Regex Thousands();
    /// <summary>A clause opening with "hoàn thành" (after a bullet or the item's start).</summary>
    [GeneratedRegex(@"(?:^|[-+•]\s*|[.;]\s+)hoàn thành\s")] private static partial Regex Completed();
    /// <summary>A count in such a clause: not a document's or article's number ("số 15", "Điều 52", "khoản 16").</summary>
    [GeneratedRegex(@"(?<!(?:số|điều|khoản|mục|điểm|lục|đoạn|kỳ|thứ|tại|ngày|tháng|năm|quý)\s)(?<![\d/.,-])(?<v>\d{1,3}) (?<noun>\p{L}+(?: \p{L}+)?)")] private static partial Regex Counts();
    [GeneratedRegex(@"(?:hàng|hằng) (?<per>tuần|tháng|quý) có (?<what>[^.;,]{3,80})")] private static partial Regex Regular();
    [GeneratedRegex(@"\s+")] private static partial Regex Words();
    [GeneratedRegex(@"^(19|20)\d{2}$")] private static partial Regex YearLike();
    [GeneratedRegex(@"^(các|những|của|cho|tới|đến)\s+", RegexOptions.IgnoreCase)] private static partial Regex LeadingArticle();
    [GeneratedRegex(@"\s*(phấn đấu|đạt|từ|trên|dưới|tối thiểu|ít nhất|tối đa|không quá|lên|tăng|tới|bằng)(\s+(từ|trên|tối thiểu))?\s*$", RegexOptions.IgnoreCase)] private static partial Regex TrailingComparison();
}
