using PlanTracker.Core.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using PlanTracker.Core.Domain;

namespace PlanTracker.Core.Drafting;

/// <summary>A deadline phrase found in running text, with where it is.</summary>
public sealed record DeadlinePhrase(Deadline Deadline, int Start, int End, DeadlinePhrases.Strength Strength)
{
    /// <summary>The phrase times a clause that reports on the work ("…; Báo cáo kết quả … trước ngày 10/11/2023").</summary>
    public bool Reports { get; init; }
}

/// <summary>
/// Finds deadline phrases in running text and picks the one that is the item's deadline. The words
/// are read by <see cref="DeadlineParser"/>; this class decides which words are a deadline at all: a
/// date counts only after "trước", "chậm nhất", "đến" (a bare date is a cited document's date), a year
/// only after "năm", "đến", "hết", "trong" (not "từ năm 2016", which is a start), and a period that began
/// before the document was issued, or a date before it, is history or a cited programme's name.
/// </summary>
public static partial class DeadlinePhrases
{
    /// <summary>What wins when a text holds several phrases: a dated one, then a recurrence, then the rest.</summary>
    public enum Strength { Asap, Continuing, AdHoc, Recurring, Dated }

    /// <param name="ownTitle">The text is the plan's own title: its time is the plan's ("Kế hoạch … đến năm 2030, tầm nhìn đến
    /// năm 2045"), unless it closes the name of a planning or strategy the title cites ("Kế hoạch lập Quy hoạch … thời kỳ 2021-2030").</param>
    /// <param name="historyBefore">When the document prints no date: the latest date of its legal bases (<see cref="HistoryBound"/>),
    /// for telling history from deadlines only (a working-day count from "ngày ký" still needs the document's own date).</param>
    public static List<DeadlinePhrase> Find(string text, int offset = 0, DateOnly? issuedOn = null, WorkingDayCalendar? calendar = null, bool ownTitle = false,
        DateOnly? historyBefore = null)
    {
        var lower = text.ToLowerInvariant().Replace("quí", "quý");
        var found = new List<DeadlinePhrase>();
        // Manner words that are no time (ContinuingWords, round 6): nothing is read inside them.
        var manner = ContinuingWords.NotATime(lower);
        void Add(Match m, Deadline? d, Strength strength)
        {
            if (d is null || found.Any(f => f.Start < offset + m.Index + m.Length && offset + m.Index < f.End)) return;
            if (strength < Strength.Dated && manner.Any(r => r.Start < m.Index + m.Length && m.Index < r.End)) return;
            found.Add(new DeadlinePhrase(d, offset + m.Index, offset + m.Index + m.Length, strength));
        }
        Deadline? Read(Match m) => DeadlineParser.Parse(text.Substring(m.Index, m.Length), calendar);

        foreach (Match m in WorkingDays().Matches(lower))
        {
            if (calendar is null) continue;
            var from = m.Groups["date"].Success
                ? DateOnly.TryParseExact(Pad(m.Groups["date"].Value), "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null
                : issuedOn;
            // "0 ngày làm việc" or a start outside 1945–2100 is no deadline (it threw, or counted past year 9999).
            if (from is { } start && InputRules.IsInRange(start) && int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture) is var days and > 0
                && Deadline.InWorkingDays(days, start, calendar, text.Substring(m.Index, m.Length)) is { DueOn: { } due } counted && InputRules.IsInRange(due))
                Add(m, counted, Strength.Dated);
        }
        // "Năm 2022 và hàng năm", "trước ngày 30 tháng 6 hằng năm kể từ năm 2027": a recurrence that names its first year.
        // "… năm 2018 và các năm tiếp theo" in prose is left to the year (the seeds' reading: the work is due that year and
        // kept up after); in a table's time cell DeadlineParser reads it as yearly (the corpus' reading). See decision 0009.
        foreach (Match m in RecurringFrom().Matches(lower)) Add(m, Read(m), Strength.Recurring);
        // "Từ tháng 11/2013 trở đi": a start and no end is ongoing work, read before its month would be.
        foreach (Match m in Onwards().Matches(lower)) Add(m, Deadline.Continuous(text.Substring(m.Index, m.Length)), Strength.Continuing);
        // "(Quý IV/2013, Quý I/2014 và thường xuyên)", "tháng 11, 12/2013": one list, done by the end of its last time,
        // read whole before its quarters or months would be read one by one (and spanned as a period by Choose).
        foreach (Match m in TimeList().Matches(lower))
            if (!IsInsideFullDate(lower, m.Index)) Add(m, Read(m), Strength.Dated);
        foreach (var pattern in new[] { Quarter(), HalfYear(), BeforeMonth(), DueDate(), DueDateInWords(), Period(), Month() })
            foreach (Match m in pattern.Matches(lower))
                if (!IsInsideFullDate(lower, m.Index)) Add(m, Read(m), Strength.Dated);
        foreach (Match m in Year().Matches(lower))
            if (!IsInsideFullDate(lower, m.Index) && !StartsFrom().IsMatch(lower[..m.Index])) Add(m, Read(m), Strength.Dated);
        foreach (Match m in Recurring().Matches(lower)) Add(m, Read(m), Strength.Recurring);
        // "Báo cáo năm: … gửi Sở Tài chính trước ngày 15/12": a day and month with no year falls every year.
        foreach (Match m in YearlessDay().Matches(lower))
            Add(m, Deadline.Recurring(DeadlineKind.RecurringYearly, text.Substring(m.Index, m.Length)), Strength.Recurring);
        foreach (var m in ContinuingWords.Unstated(lower)) Add(m, Deadline.Unspecified(text.Substring(m.Index, m.Length)), Strength.AdHoc);
        foreach (Match m in AdHoc().Matches(lower)) Add(m, Deadline.AdHoc(text.Substring(m.Index, m.Length)), Strength.AdHoc);
        foreach (Match m in EveryFewYears().Matches(lower)) Add(m, Deadline.Unspecified(text.Substring(m.Index, m.Length)), Strength.AdHoc);
        foreach (Match m in Continuing().Matches(lower)) Add(m, Deadline.Continuous(text.Substring(m.Index, m.Length)), Strength.Continuing);
        foreach (Match m in GoingOn().Matches(lower))
            if (AtItemStart(lower, m.Index) || AfterARequest(lower, m.Index)) Add(m, Deadline.Continuous(text.Substring(m.Index, m.Length)), Strength.Continuing);
        foreach (Match m in Urgent().Matches(lower)) Add(m, Deadline.Unspecified(text.Substring(m.Index, m.Length)), Strength.Asap);

        var kept = found.Where(f => !IsHistory(f.Deadline, issuedOn ?? historyBefore)
                && !(f.Strength < Strength.Dated && InPurpose(lower, f.Start - offset))
                && !(f.Strength == Strength.Dated && !(ownTitle && !IsVision(lower, f.Start - offset) && TitleTime.IsOwn(lower, f.Start - offset, f.End - offset, f.Deadline.Kind))
                    && (InCitation(lower, f.Start - offset) && !(ownTitle && ClosesTitle(lower, f, offset)) || InTitle(text, f.Start - offset) || IsVision(lower, f.Start - offset)
                    || NamesAScope(lower, f.Start - offset, f.End - offset, ownTitle) || InDocumentName(text, f.Start - offset)
                    || TowardsAGoal(lower, f.Start - offset))))
            .OrderBy(f => f.Start).ToList();
        // "… trình Chính phủ trong tháng 7 năm 2022. … Sau khi hồ sơ … được Quốc hội thông qua, hoàn thành … cuối năm 2023":
        // a time in a sentence opening "Sau khi" is a follow-up step's, waiting on someone else's decision; the item's own
        // time is the one it states without a condition, when it states one.
        if (kept.Any(f => f.Strength == Strength.Dated && !AfterAnEvent(lower, f.Start - offset)))
            kept.RemoveAll(f => f.Strength == Strength.Dated && AfterAnEvent(lower, f.Start - offset));
        return kept.Select(f => ReportClause().IsMatch(ClauseBefore(lower, f.Start - offset)) ? f with { Reports = true } : f).ToList();
    }

    /// <summary>The clause a phrase stands in, up to the phrase (only that clause is copied, not the text before it).</summary>
    private static string ClauseBefore(string lower, int index)
    {
        var stop = lower.AsSpan(0, index).LastIndexOfAny(['.', ';', ':', '\n']);
        return lower[(stop + 1)..index];
    }

    private static bool AfterAnEvent(string lower, int index)
    {
        var sentence = lower[..index];
        var stop = sentence.LastIndexOfAny(['.', ';', '\n']);
        return (stop < 0 ? sentence : sentence[(stop + 1)..]).TrimStart(' ', '-', '+', '*').StartsWith("sau khi", StringComparison.Ordinal);
    }

    /// <summary>
    /// The item's deadline among its phrases: dated phrases win; several in one year give the latest,
    /// several years give the period they span ("Năm 2016 …; giai đoạn 2017-2018" is 2016-2018).
    /// Otherwise a recurrence, then "đột xuất" or continuing work (whichever the text says first), then "khẩn trương".
    /// </summary>
    public static DeadlinePhrase? Choose(IReadOnlyList<DeadlinePhrase> phrases)
    {
        var dated = phrases.Where(p => p.Strength == Strength.Dated && p.Deadline.DueOn is not null).ToList();
        if (dated.Count == 1) return dated[0];
        // "… trước năm 2025. … hoàn thành trước năm 2030": several "by" dates are milestones; the item is done by the last.
        // "xây dựng Kế hoạch … trước ngày 28/2/2023; …; Báo cáo kết quả … trước ngày 10/11/2023": a clause reporting on
        // the work is timed after it; the work's own date is the item's.
        if (dated.Count > 1 && dated.All(p => p.Deadline.Kind == DeadlineKind.Date))
            return (dated.Any(p => !p.Reports) ? dated.Where(p => !p.Reports) : dated).MaxBy(p => p.Deadline.DueOn);
        if (dated.Count > 1)
        {
            var first = dated.Min(p => (p.Deadline.StartOn ?? p.Deadline.DueOn)!.Value.Year);
            var last = dated.Max(p => p.Deadline.DueOn!.Value.Year);
            if (first == last) return dated.MaxBy(p => p.Deadline.DueOn);
            var text = string.Join("; ", dated.Select(p => p.Deadline.Text));
            return new DeadlinePhrase(Deadline.ForPeriod(first, last, text), dated.Min(p => p.Start), dated.Max(p => p.End), Strength.Dated);
        }
        var recurring = phrases.FirstOrDefault(p => p.Strength == Strength.Recurring);
        if (recurring is not null) return recurring;
        return phrases.FirstOrDefault(p => p.Strength is Strength.AdHoc or Strength.Continuing)
            ?? phrases.FirstOrDefault(p => p.Strength == Strength.Asap);
    }

    /// <summary>A date before the document, or a period that started before its year, is not a task's deadline.</summary>
    private static bool IsHistory(Deadline d, DateOnly? issuedOn) =>
        issuedOn is { } issued && d.DueOn is { } due &&
        (due < issued || d.Kind == DeadlineKind.Period && d.StartOn!.Value.Year < issued.Year);

    /// <summary>
    /// "… làm cơ sở để các cơ quan xây dựng kế hoạch hàng năm": a recurrence inside a purpose clause
    /// (after "để" inside the sentence; an opening "Để …," is the sentence's frame) describes what the work
    /// serves, not when the work is done.
    /// </summary>
    private static bool InPurpose(string lower, int index)
    {
        var sentence = lower[..index];
        var stop = sentence.LastIndexOfAny(['.', ';']);
        return Purpose().IsMatch(stop < 0 ? sentence : sentence[stop..]);
    }

    /// <summary>
    /// "… Nghị quyết số 17/NQ-CP … về … giai đoạn 2019-2020, định hướng đến 2025": a period after a cited
    /// document's number, in the same sentence, is part of that document's title, unless the words say
    /// it is a deadline ("hoàn thành trước …").
    /// </summary>
    private static bool InCitation(string lower, int index)
    {
        var sentence = lower[..index];
        var stop = sentence.LastIndexOfAny(['.', ';']);
        return DocumentNumber().IsMatch(stop < 0 ? sentence : sentence[stop..]) && !SaysDeadline(lower, index);
    }

    /// <summary>
    /// "Kế hoạch thực hiện Nghị quyết số 34-NQ/TU … về phát triển các khu, cụm công nghiệp … năm 2026": in the plan's own
    /// title a year that closes it (nothing after it but a caption in brackets) is the plan's year of execution, even after
    /// the number of the document it implements: a cited resolution is named by its number and date, and its subject
    /// ends in no bare year. "đến năm …" and periods are not this form; they stay with <see cref="InCitation"/>.
    /// </summary>
    private static bool ClosesTitle(string lower, DeadlinePhrase f, int offset) =>
        f.Deadline.Kind == DeadlineKind.Year && !lower[(f.Start - offset)..(f.End - offset)].Contains("đến", StringComparison.Ordinal)
        && TitleEnd().IsMatch(lower[(f.End - offset)..]);

    /// <summary>
    /// "Thường xuyên rà soát …", "Ứng dụng chuyên ngành: Tiếp tục …": a phrase that opens a text (or follows its label)
    /// says when the whole item is done; "… tổ chức đào tạo, bồi dưỡng thường xuyên cho cán bộ" qualifies one action.
    /// </summary>
    public static bool OpensText(string text, int index) => AtItemStart(text, index);

    /// <summary>"hoàn thành trước …" after the phrase's start, or "…, hoàn thành trong Quý III năm 2024" just before it.</summary>
    private static bool SaysDeadline(string lower, int index) => DeadlineWord().IsMatch(lower[index..]) || DeadlineWordBefore().IsMatch(lower[..index]);

    /// <summary>
    /// "Chiến lược … đến năm 2030, tầm nhìn đến năm 2045", "Quy hoạch … thời kỳ 2021 - 2030, tầm nhìn đến năm 2050",
    /// "cơ sở dữ liệu … đến năm 2030 và có tính đến năm 2050": a time followed by a vision or a "có tính/xét đến" year
    /// is the scope a strategy, planning or study covers (most often inside its name), not when a task is due. In the
    /// plan's own title it is the plan's horizon, unless a cited planning or strategy precedes it.
    /// </summary>
    private static bool NamesAScope(string lower, int start, int end, bool ownTitle) =>
        ScopeAfter().IsMatch(lower[end..]) && !SaysDeadline(lower, start)
        && (!ownTitle || CitedPlanning().IsMatch(lower[..start]));

    /// <summary>
    /// "hoàn thiện dự thảo Kế hoạch giảm phát thải khí nhà kính, bao gồm khí mê-tan trong lĩnh vực quản lý chất thải đến
    /// năm 2030 theo quy định …": "đến năm …" after a plan's, programme's or scheme's name inside the sentence (capitalised,
    /// not the sentence's first word) is how far that document looks, not when the task is due; a deadline says
    /// "trong năm", "trước", "hoàn thành" or names a month or quarter. Commas do not end the name (unlike <see cref="InTitle"/>).
    /// </summary>
    private static bool InDocumentName(string text, int index)
    {
        var lower = text.ToLowerInvariant();
        if (!UpTo().IsMatch(lower[index..]) || SaysDeadline(lower, index)) return false;
        var sentence = text[..index];
        var stop = sentence.LastIndexOfAny(['.', ';', ':']);
        var part = stop < 0 ? sentence : sentence[(stop + 1)..];
        return DocumentName().IsMatch(part) && !Aiming().IsMatch(part.ToLowerInvariant());
    }

    /// <summary>
    /// "… theo mô hình kinh tế tuần hoàn hướng tới mục tiêu phát thải ròng bằng “0” trước năm 2050": a time after "hướng
    /// tới/đến" in the same sentence is when the goal the work serves is met, not when the work is due.
    /// </summary>
    private static bool TowardsAGoal(string lower, int index)
    {
        var sentence = lower[..index];
        var stop = sentence.LastIndexOfAny(['.', ';']);
        return Towards().IsMatch(stop < 0 ? sentence : sentence[stop..]) && !DeadlineWordBefore().IsMatch(sentence);
    }

    /// <summary>"… đến năm 2030, tầm nhìn đến năm 2045": the vision year is where a strategy looks, no task's deadline.</summary>
    private static bool IsVision(string lower, int index) => Vision().IsMatch(lower[..index]);

    /// <summary>
    /// "Phê duyệt Chiến lược dữ liệu quốc gia đến năm 2030", "Quy hoạch … thời kỳ 2021-2030": a time after a
    /// cited strategy's or plan's name (capitalised inside the clause) is part of that title, unless deadline
    /// words say otherwise ("… hoàn thành trước năm 2025").
    /// </summary>
    private static bool InTitle(string text, int index)
    {
        if (InApprovedTitle(text, index)) return true;
        var clause = text[..index];
        var stop = clause.LastIndexOfAny(['.', ';', ':', ',']);
        var part = stop < 0 ? clause : clause[(stop + 1)..];
        return TitleWord().IsMatch(part) && !SaysDeadline(text.ToLowerInvariant(), index);
    }

    /// <summary>
    /// "Điều 1. Phê duyệt Chương trình quốc gia về … tài nguyên rừng đến năm 2030 (sau đây gọi là …)", "Điều 1. Ban
    /// hành kèm theo Quyết định này Kế hoạch … giai đoạn 2026 - 2030": in the article that approves or issues a
    /// programme the time closes its name, however many commas the name holds; the programme's own time is its
    /// stated duration ("Thời gian thực hiện: …", <see cref="PlanHorizon"/>), not a deadline of every item under it.
    /// </summary>
    private static bool InApprovedTitle(string text, int index)
    {
        var before = text[..index];
        var m = ApprovedTitle().Matches(before).LastOrDefault();
        if (m is null) return false;
        var between = before[(m.Index + m.Length)..];
        return !SentenceEnd().IsMatch(between) && !between.Contains(':') && !DeadlineWord().IsMatch(text[index..].ToLowerInvariant());
    }

    /// <summary>"tháng 6 năm 2016" inside "ngày 01 tháng 6 năm 2016" is part of a date.</summary>
    private static bool IsInsideFullDate(string lower, int index) => FullDateBefore().IsMatch(lower[..index]);

    /// <summary>"Tiếp tục …" is a deadline when the item starts with it, or its label does ("Ứng dụng chuyên ngành: Tiếp tục …").</summary>
    private static bool AtItemStart(string text, int index)
    {
        var before = text[..index].TrimEnd(' ', '*', '"', '“');
        return before.Length == 0 || before.EndsWith(':');
    }

    /// <summary>
    /// "Đề nghị Công ty tiếp tục tăng cường …", "Yêu cầu các xã, phường tiếp tục rà soát …": an item that opens with a request
    /// to its addressee whose first verb is "tiếp tục" opens with the carrying on as much as "Tiếp tục …" does (decision 0023
    /// rule 33). Only the addressee's words stand between (no clause end, no verb of assignment such as "chủ trì", "chỉ đạo").
    /// </summary>
    /// <remarks>Read on a span: a copy of the text before each "tiếp tục" of a long paragraph would cost its length each time.</remarks>
    private static bool AfterARequest(string lower, int index) => RequestTo().IsMatch(lower.AsSpan(0, index));

    private static string Pad(string date)
    {
        var p = date.Split('/');
        return $"{int.Parse(p[0], CultureInfo.InvariantCulture):00}/{int.Parse(p[1], CultureInfo.InvariantCulture):00}/{p[2]}";
    }

    [GeneratedRegex(@"(?:trong(?: vòng| thời hạn)? )?(?<n>\d{1,3}) ngày làm việc(?: kể từ (?:ngày )?(?:(?<date>\d{1,2}/\d{1,2}/\d{4})|ký|ban hành))?")] private static partial Regex WorkingDays();
    // "… đến năm 2025, định hướng đến năm 2030" (t01; the seeds' legal bases) is a scope and a vision, as "tầm nhìn" (round 6).
    [GeneratedRegex(@"(?:tầm nhìn|có (?:tính|xét)|định hướng)(?: đến| tới)?\s*$")] private static partial Regex Vision();
    [GeneratedRegex(@"^\s*[,;]?\s*(?:và\s+)?(?:tầm nhìn|có (?:tính|xét) (?:đến|tới)|định hướng (?:đến|tới))")] private static partial Regex ScopeAfter();
    [GeneratedRegex(@"\S\s+(?:quy hoạch|chiến lược)\s+\p{L}")] private static partial Regex CitedPlanning();
    [GeneratedRegex(@"(?:hoàn thành|xong)(?:\s+(?:trong|trước|vào))?\s*$")] private static partial Regex DeadlineWordBefore();
    [GeneratedRegex(@"(?:năm )?(?:19|20)\d{2} và (?:hàng|hằng) năm|(?:trước ngày \d{1,2}(?:/\d{1,2}| tháng \d{1,2}) )?(?:hàng|hằng) năm,? (?:kể |bắt đầu )?từ năm (?:19|20)\d{2}")] private static partial Regex RecurringFrom();
    [GeneratedRegex(@"\b(?:0?[2-9]|hai|ba) năm\s*(?:/|một)\s*lần")] private static partial Regex EveryFewYears();
    [GeneratedRegex(@"\S\s+(Chiến lược|Quy hoạch)\s+\p{L}")] private static partial Regex TitleWord();
    [GeneratedRegex(@"\S\s+(?:Kế hoạch|Chương trình|Đề án|Chiến lược|Quy hoạch)\s+\p{Ll}")] private static partial Regex DocumentName();
    [GeneratedRegex(@"^đến năm (?:19|20)\d{2}")] private static partial Regex UpTo();
    [GeneratedRegex(@"hướng (?:tới|đến) (?:mục tiêu|đạt)")] private static partial Regex Towards();
    [GeneratedRegex(@"phấn đấu|\bđạt\b|mục tiêu")] private static partial Regex Aiming();
    [GeneratedRegex(@"^\W*(?:Điều \d+\.\s*)?(?:Phê duyệt|Ban hành)\s+(?:kèm theo Quyết định này\s+)?(?:Chương trình|Kế hoạch|Đề án|Dự án|Chiến lược|Quy hoạch)\s+\p{Ll}")] private static partial Regex ApprovedTitle();
    [GeneratedRegex(@"[.!?]\s+\p{Lu}")] private static partial Regex SentenceEnd();
    [GeneratedRegex(@"quý (?:i{1,3}|iv|[1-4])\b\s*,?\s*(?:năm|[-/])?\s*\d{4}")] private static partial Regex Quarter();
    [GeneratedRegex(@"(?:06|6|sáu) tháng (?:đầu|cuối) năm \d{4}")] private static partial Regex HalfYear();
    [GeneratedRegex(@"trước tháng \d{1,2}\s*(?:/|năm)\s*\d{4}")] private static partial Regex BeforeMonth();
    [GeneratedRegex(@"(?:trước|chậm nhất|hạn chót|hạn|đến hết|đến)(?: ngày)? \d{1,2}/\d{1,2}/\d{4}")] private static partial Regex DueDate();
    [GeneratedRegex(@"(?:trước|chậm nhất|hạn chót|đến hết|đến) ngày \d{1,2} tháng \d{1,2} năm \d{4}")] private static partial Regex DueDateInWords();
    [GeneratedRegex(@"(?:giai đoạn|thời kỳ) \d{4}\s*[-–]\s*\d{4}|từ năm \d{4} đến (?:hết )?năm \d{4}")] private static partial Regex Period();
    [GeneratedRegex(@"(?:(?:trong|vào|đến hết|hết) )?tháng \d{1,2}\s*,?\s*(?:/|năm)\s*\d{4}")] private static partial Regex Month();
    [GeneratedRegex(@"(?:(?:hoàn thành )?(?:đến hết|hết|đến|trong|vào|trước) )?năm (?:19|20)\d{2}\b(?!\s*[-–]\s*\d)|(?:đến hết|đến|hết|trong|vào) (?:19|20)\d{2}\b(?!\s*[-–/%]\s*\d?)")] private static partial Regex Year();
    [GeneratedRegex(@"từ\s*$")] private static partial Regex StartsFrom();
    [GeneratedRegex(@"(?:trước|chậm nhất|hạn chót) ngày \d{1,2}(?:/\d{1,2}(?![/\-.]?\d)| tháng \d{1,2}(?! năm)(?!\s*[/\d]))")] private static partial Regex YearlessDay();
    [GeneratedRegex(@"(?:kể )?từ (?:(?:tháng \d{1,2}|quý (?:i{1,3}|iv|[1-4]))\s*(?:/|năm)\s*\d{4}|năm \d{4}|nay) (?:trở đi|về sau)")] private static partial Regex Onwards();
    // No required part after a repeated one, so a long list without a year fails without backtracking through it; a list
    // whose last item names no year reads as nothing (DeadlineParser) and its quarters are read one by one.
    [GeneratedRegex(@"quý (?:i{1,3}|iv|[1-4])\b(?:\s*(?:/|năm)\s*\d{4})?(?:\s*(?:,|và)\s*(?:quý )?(?:i{1,3}|iv|[1-4])\b(?:\s*(?:/|năm)\s*\d{4})?)+(?:\s*,\s*(?:năm )?(?:19|20)\d{2}\b)*|tháng \d{1,2}(?:\s*(?:,|và)\s*\d{1,2})+\s*(?:/|năm)\s*\d{4}")] private static partial Regex TimeList();
    [GeneratedRegex(@"ngày \d{1,2}\s*$|ngày \d{1,2} tháng \d{1,2}\s*$|tháng \d{1,2}\s*$")] private static partial Regex FullDateBefore();
    [GeneratedRegex(@"(?:06|6|sáu) tháng\s*(?:,|và|/)\s*(?:(?:01|1|một) năm|hàng năm|hằng năm)|(?<!\d+ năm và )(?:định kỳ,? )?(?:hàng|hằng|mỗi) (?:tháng|quý|năm)|định kỳ (?:0?3|ba|0?6|sáu) tháng|(?:0?3|ba|0?6|sáu) tháng (?:một|1) lần")] private static partial Regex Recurring();
    [GeneratedRegex(@"định kỳ hoặc đột xuất|đột xuất|khi có yêu cầu")] private static partial Regex AdHoc();
    [GeneratedRegex(@"(?<!(?:nhiệm vụ|công việc|chi|kinh phí) )thường xuyên|lâu dài|(?:hàng|hằng) (?:tuần|ngày)|định kỳ(?! (?:hàng|hằng|0?\d|ba|sáu))")] private static partial Regex Continuing();
    [GeneratedRegex(@"tiếp tục")] private static partial Regex GoingOn();
    [GeneratedRegex(@"^[\s\-+*""“]*(?:đề nghị|yêu cầu)\s+(?:(?!chủ trì|phối hợp|chỉ đạo|hướng dẫn)[^.;:\n]){1,80}?\s$")] private static partial Regex RequestTo();
    [GeneratedRegex(@"\d+[a-zđ]?/(?:\d{4}/)?[\p{L}]+[-/][\p{L}-]+|\d+-[\p{L}]+/[\p{L}]+")] private static partial Regex DocumentNumber();
    [GeneratedRegex(@"^(trước|chậm nhất|hạn|hoàn thành|trong (?:tháng|quý)|quý)")] private static partial Regex DeadlineWord();
    [GeneratedRegex(@"\p{L}[,\s]+để\s")] private static partial Regex Purpose();
    [GeneratedRegex(@"khẩn trương")] private static partial Regex Urgent();
    [GeneratedRegex(@"^[\s\-+*]*(?:và\s+)?báo cáo\b")] private static partial Regex ReportClause();
    [GeneratedRegex(@"^\s*[.,;:]?\s*(?:\([^)]*\)\s*)?[.;]?\s*$")] private static partial Regex TitleEnd();
}
