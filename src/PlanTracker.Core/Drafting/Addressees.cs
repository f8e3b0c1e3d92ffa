using System.Text.RegularExpressions;

namespace PlanTracker.Core.Drafting;

/// <summary>
/// Who a list of items is addressed to when the items name no one: the sentence introducing the list
/// ("yêu cầu Giám đốc các sở … thực hiện các nhiệm vụ sau:", "… kính đề nghị Ủy ban nhân dân các tỉnh, thành
/// phố trực thuộc Trung ương chỉ đạo …, cụ thể như sau:"), else a letter's single addressee ("Kính gửi: Bộ
/// trưởng Bộ Tài nguyên và Môi trường"). A letter to several addressees names no one for all of its items.
/// </summary>
public static partial class Addressees
{
    public static Assignment Find(SectionNode root, Paragraph? intro, AgencyDirectory directory, DateOnly? issuedOn)
    {
        if (intro is not null)
        {
            if (Assignments.Read(intro.Text, intro.Start, directory, issuedOn) is { Lead: not null } a) return Joint(a, intro.Text, intro.Start, directory);
            // "đề nghị" inside a sentence proposes; in the sentence that introduces the list it addresses it.
            if (Proposes().Match(intro.Text) is { Success: true } m
                && directory.Mentions(intro.Text[(m.Index + m.Length)..], intro.Start + m.Index + m.Length) is [var first, ..]
                && intro.Text[(m.Index + m.Length)..(first.Start - intro.Start)].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 3)
                return new Assignment(first, [], false);
        }
        foreach (var p in root.Body.Where(p => Greeting().IsMatch(p.Text)))
        {
            var mentions = directory.Mentions(p.Text, p.Start);
            if (mentions.Count == 1) return new Assignment(mentions[0], [], false);
        }
        return Assignment.None;
    }

    /// <summary>
    /// A letter's recipients in order ("Kính gửi: / - Các Sở, ban, ngành thuộc UBND tỉnh; / - Công an tỉnh; / - Ủy
    /// ban nhân dân các xã, phường."): the first agency each line names. Empty when the document greets no one.
    /// </summary>
    public static List<AgencyMention> Recipients(IReadOnlyList<Paragraph> paragraphs, AgencyDirectory directory)
    {
        var at = paragraphs.ToList().FindIndex(p => Greeting().IsMatch(p.Text));
        if (at < 0) return [];
        var found = new List<AgencyMention>();
        var greeting = paragraphs[at];
        var after = Greeting().Match(greeting.Text).Length;
        found.AddRange(directory.Mentions(greeting.Text[after..], greeting.Start + after).Take(1));
        for (var i = at + 1; i < paragraphs.Count && RecipientLine().IsMatch(paragraphs[i].Text); i++)
            found.AddRange(directory.Mentions(paragraphs[i].Text, paragraphs[i].Start).Take(1));
        return found;
    }

    /// <summary>
    /// "1. Trách nhiệm chung của các cơ quan, đơn vị", "Nhiệm vụ chung": a heading whose duties fall to every
    /// recipient of the letter. The first recipient leads, the others coordinate (as joint subjects do).
    /// </summary>
    public static Assignment Common(string heading, IReadOnlyList<AgencyMention> recipients) =>
        recipients.Count > 0 && CommonDuty().IsMatch(heading) ? new Assignment(recipients[0], recipients.Skip(1).ToList(), true) : Assignment.None;

    /// <summary>
    /// Several groups addressed together, one after the other ("các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính
    /// phủ, Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương cần … thực hiện các nhiệm vụ sau"), address
    /// the group holding them all, when the directory has one; otherwise the first stays the lead. Groups named
    /// apart ("UBND các tỉnh chủ trì, phối hợp với các Bộ, ngành") are not joined.
    /// </summary>
    public static Assignment Joint(Assignment a, string text, int start, AgencyDirectory directory)
    {
        if (a.Lead is not { Agency.IsGroup: true } lead) return a;
        var mentions = directory.Mentions(text, start);
        var at = mentions.FindIndex(m => m.Start == lead.Start);
        if (at < 0) return a;
        bool Joins(int i, int j) => mentions[j].Agency is { IsGroup: true }
            && Separator().IsMatch(text[(mentions[i].End - start)..(mentions[j].Start - start)]);
        var (first, last) = (at, at);
        while (first > 0 && Joins(first - 1, first) && mentions[first - 1].Agency is { IsGroup: true }) first--;
        while (last + 1 < mentions.Count && Joins(last, last + 1)) last++;
        var run = mentions.Skip(first).Take(last - first + 1).Select(m => m.Agency!).ToList();
        if (directory.Covering(run.DistinctBy(g => g.Key).ToList()) is not { } all) return a;
        var joined = run.Select(g => g.Key).ToHashSet();
        return a with
        {
            Lead = lead with { Agency = all },
            Coordinating = a.Coordinating.Where(c => c.Agency is not { } g || !joined.Contains(g.Key)).ToList(),
        };
    }

    /// <summary>Between two groups of one subject: punctuation, "và", "có liên quan" and the heads' titles ("…, Chủ tịch Ủy ban …").</summary>
    [GeneratedRegex(@"^[\s,;]*((có\s+)?liên quan[\s,;]*)?(và\s+)?((Thủ trưởng|Giám đốc|Chủ tịch|Lãnh đạo|Tổng Giám đốc)\s+)?$", RegexOptions.IgnoreCase)] private static partial Regex Separator();
    [GeneratedRegex(@"^\s*[-+•–]\s*\S")] private static partial Regex RecipientLine();
    [GeneratedRegex(@"^\W*(trách nhiệm|nhiệm vụ)\s+chung\b", RegexOptions.IgnoreCase)] private static partial Regex CommonDuty();
    [GeneratedRegex(@"\bđề nghị\s+", RegexOptions.IgnoreCase)] private static partial Regex Proposes();
    [GeneratedRegex(@"^\W*Kính gửi\b", RegexOptions.IgnoreCase)] private static partial Regex Greeting();
}
