using PlanTracker.Core.Domain;

namespace PlanTracker.Core.Drafting;

/// <summary>
/// The time frame that items without one of their own inherit, from the plan as a whole: a year or
/// period in the plan's title ("… năm 2018"), in a heading that announces the tasks ("Phân công triển
/// khai nhiệm vụ … giai đoạn 2016-2020"), or whatever time the sentence introducing the list gives
/// ("… là nhiệm vụ cấp bách, quan trọng thường xuyên …, tập trung thực hiện một số nhiệm vụ sau:").
/// </summary>
public static partial class PlanHorizon
{
    [System.Text.RegularExpressions.GeneratedRegex(@"^\W*Thời gian thực hiện(\s+(của\s+)?(Chương trình|Kế hoạch|Đề án|Dự án))?\s*:", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex Duration();

    private static readonly string[] Announcing = ["nhiem vu", "ke hoach", "phan cong", "chuong trinh"];

    public static DeadlinePhrase? Find(string text, ProposedDocument document, SectionNode root, Paragraph? intro, WorkingDayCalendar? calendar)
    {
        // "- Thời gian thực hiện: Từ năm 2017 đến hết năm 2030." in the plan's general part (not an item's field).
        // A section announcing the programme's time ("3. Phạm vi, đối tượng và thời gian thực hiện:") is general
        // even inside an article the reader takes for tasks ("Điều 1. Phê duyệt Chương trình …").
        var general = root.Body.Concat(root.Descendants().Where(n => !n.IsTaskSection || Announces(n) || n.Parent is { } up && Announces(up))
            .SelectMany(n => n.Body.Prepend(n.Head!)).Where(p => p is not null));
        foreach (var p in general.Where(p => Duration().IsMatch(p.Text)))
            if (Dated(Phrases(text, p.Start, p.End, document, calendar)) is { } stated) return stated;
        if (document.PlanTitleSpan is { } title && Dated(Phrases(text, title.Start, title.End, document, calendar, ownTitle: true)) is { } fromTitle)
            return fromTitle;
        // Only a numbered heading announces the plan's tasks ("4. Phân công triển khai nhiệm vụ … giai đoạn 2016-2020"): a
        // bullet or lettered item ("- Trong năm 2022 hoàn thành việc lập, trình … các nhiệm vụ:") is one item's time,
        // which its own sub-items inherit, not the whole plan's.
        foreach (var node in root.Descendants().Where(n => n.IsTaskSection && n.Children.Count > 0 && n.Head is not null
            && n.Marker?.Kind is null or MarkerKind.Article or MarkerKind.Roman or MarkerKind.Arabic))
        {
            var key = " " + string.Join(' ', Tokens.Of(node.HeadText).Select(t => t.Key)) + " ";
            if (!Announcing.Any(a => key.Contains(" " + a + " ", StringComparison.Ordinal))) continue;
            // "I. Các nhiệm vụ cần làm ngay trong năm 2026 / II. Nhiệm vụ … đến năm 2030 / III. Nhiệm vụ thường xuyên": headings
            // that divide the work by time each time their own part (decision 0009, round 6), none the whole plan's.
            if (node.Parent?.Children.Any(s => s != node && s.Head is not null && HasOwnTime(text, s, document, calendar)) == true) continue;
            if (Dated(Phrases(text, node.HeadTextStart, node.Head!.End, document, calendar)) is { } fromHeading) return fromHeading;
        }
        if (ObjectivesPeriod(text, document, root, calendar) is { } objectives) return objectives;
        return intro is null ? null
            : DeadlinePhrases.Choose(Phrases(text, intro.Start, intro.End, document, calendar).Where(p => !IsAGoalsTime(text, intro.Start, p.Start)).ToList());
    }

    /// <summary>
    /// "Để …, thực hiện mục tiêu đến năm 2020 Việt Nam cơ bản trở thành nước công nghiệp …, Thủ tướng Chính phủ yêu cầu …
    /// thực hiện các nhiệm vụ sau:", "… góp phần thực hiện mục tiêu tăng trưởng kinh tế năm 2026 và các năm tiếp theo. Trên cơ
    /// sở đó, … như sau:": a time the introducing paragraph gives a goal ("mục tiêu", "phấn đấu", "hướng tới", "tầm nhìn") in
    /// the same clause is when that goal is met, not the document's period; a directive or resolution whose own title and
    /// scope name no time gives its undated items none (0020 rule 5; decision 0023 rules 30–31).
    /// </summary>
    private static bool IsAGoalsTime(string text, int introStart, int at)
    {
        var before = text[introStart..at];
        var stop = before.LastIndexOfAny([',', '.', ';', ':']);
        return GoalWords().IsMatch(stop < 0 ? before : before[(stop + 1)..]);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:mục tiêu|phấn đấu|hướng tới|hướng đến|tầm nhìn)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex GoalWords();

    /// <summary>
    /// "2. Các chỉ tiêu chủ yếu giai đoạn 2026 - 2030", "Mục tiêu cụ thể giai đoạn 2026-2028": a programme that states its
    /// period nowhere else sets its targets for its period, so the objectives heading's period is the programme's, for the
    /// items that state no time ("IV. Tổ chức thực hiện"; decision 0023 rule 23). A period only: "Đến năm 2030, phấn đấu …"
    /// is a target's year (u05's gold leaves its items unspecified), and a heading over tasks keeps its time to itself.
    /// </summary>
    private static DeadlinePhrase? ObjectivesPeriod(string text, ProposedDocument document, SectionNode root, WorkingDayCalendar? calendar)
    {
        foreach (var node in root.Descendants().Where(n => n.Head is not null && n.Marker is not null && Objectives().IsMatch(n.HeadText)))
            if (Dated(Phrases(text, node.HeadTextStart, node.Head!.End, document, calendar)) is { Deadline.Kind: DeadlineKind.Period } period) return period;
        return null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\W*(?:các\s+)?(?:mục tiêu|chỉ tiêu)(?:\s+(?:cụ thể|chủ yếu|chính|chung|tổng quát))?(?:\s+(?:giai đoạn|thời kỳ))\s", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex Objectives();

    private static bool HasOwnTime(string text, SectionNode heading, ProposedDocument document, WorkingDayCalendar? calendar) =>
        Dated(Phrases(text, heading.HeadTextStart, heading.Head!.End, document, calendar)) is not null || HeadingTime.Of(heading.HeadText, heading.HeadTextStart) is not null;

    private static bool Announces(SectionNode section) =>
        (" " + string.Join(' ', Tokens.Of(section.HeadText).Select(t => t.Key)) + " ").Contains(" thoi gian thuc hien ", StringComparison.Ordinal);

    private static List<DeadlinePhrase> Phrases(string text, int start, int end, ProposedDocument document, WorkingDayCalendar? calendar, bool ownTitle = false) =>
        DeadlinePhrases.Find(text[start..end], start, document.IssuedOn, calendar, ownTitle);

    private static DeadlinePhrase? Dated(List<DeadlinePhrase> phrases) =>
        DeadlinePhrases.Choose(phrases) is { Strength: DeadlinePhrases.Strength.Dated, Deadline.Kind: DeadlineKind.Year or DeadlineKind.Period } p ? p : null;
}
