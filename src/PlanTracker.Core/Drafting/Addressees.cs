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
            if (Assignments.Read(intro.Text, intro.Start, directory, issuedOn) is { Lead: not null } a) return a;
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

    [GeneratedRegex(@"\bđề nghị\s+", RegexOptions.IgnoreCase)] private static partial Regex Proposes();
    [GeneratedRegex(@"^\W*Kính gửi\b", RegexOptions.IgnoreCase)] private static partial Regex Greeting();
}
