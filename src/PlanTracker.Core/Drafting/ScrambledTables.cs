using System.Text.RegularExpressions;

namespace PlanTracker.Core.Drafting;

/// <summary>
/// An appendix table that a PDF's text layer gave one cell per line with no pipe header to order the cells by ("PHỤ LỤC 2 /
/// … / TT / Nhiệm vụ cụ thể / I Các nhiệm vụ cần làm ngay … / Cơ quan, tổ chức / đảng chủ trì / … / 1 / Tổ chức nghiên cứu … /
/// Các cấp ủy, tổ / chức đảng / … / 2 / 3 / Đồng chí Phan Trung / Bá - Tỉnh ủy viên …"): the numbers, tasks, agencies, the
/// names of the leaders in charge and the times come column by column and page by page, out of row order, so no row can be
/// put back together. Read as paragraphs they proposed a leader's name, a stray number or half a cell as items; rather than
/// such noise the reader puts the rows back together by the column each cell belongs to (<see cref="ScrambledRows"/>) and
/// reads them as any appendix table; when they cannot be put back with every cell accounted for, it proposes nothing from
/// the table and says so in a note, and the secretariat adds its rows in review.
/// A table whose header is a pipe row is read by <see cref="CellLines"/> instead.
/// </summary>
internal static partial class ScrambledTables
{
    /// <summary>The header's "TT" must come within this many paragraphs after the appendix heading.</summary>
    private const int HeaderWithin = 8;

    /// <summary>Drops what the tree read from such appendices; returns the tables rebuilt from them and a note for each one that was not.</summary>
    public static (List<string> Notes, List<(string? Heading, List<Paragraph> Rows)> Tables) Drop(SectionNode root, IReadOnlyList<Paragraph> paragraphs, string text,
        AgencyDirectory directory)
    {
        var notes = new List<string>();
        var tables = new List<(string?, List<Paragraph>)>();
        var headings = Enumerable.Range(0, paragraphs.Count).Where(i => Heading().IsMatch(paragraphs[i].Text)).ToList();
        for (var h = 0; h < headings.Count; h++)
        {
            var (from, to) = (headings[h], h + 1 < headings.Count ? headings[h + 1] : paragraphs.Count);
            var opening = paragraphs.Skip(from + 1).Take(Math.Min(HeaderWithin, to - from - 1)).ToList();
            if (opening.Any(p => p.IsTableRow) || !opening.Any(p => NumberHeader().IsMatch(p.Text))) continue;
            var (start, end) = (paragraphs[from].Start, to < paragraphs.Count ? paragraphs[to].Start : int.MaxValue);
            // A table printed in the Gazette gives a row's cells one after another too, each wrapped at its column's width: what
            // cells told by their form cannot put back is cut by the header's columns (GazetteTables).
            var rows = ScrambledRows.Rebuild(text, start, Math.Min(end, text.Length)) ?? GazetteTables.Rebuild(text, start, Math.Min(end, text.Length), directory);
            // A header whose "TT" shares its paragraph with the next cells (a viewer's copy) is in row order, which reads
            // fairly as paragraphs: when it cannot be rebuilt it is left to the tree, not dropped.
            if (rows is null && !opening.Any(p => NumberAlone().IsMatch(p.Text))) continue;
            Remove(root, start, end);
            if (rows is not null)
            {
                tables.Add((Title(paragraphs, from, to), rows));
                continue;
            }
            notes.Add($"{SectionNode.Clean(paragraphs[from].Text)}: a table given one cell per line (a PDF's text layer) whose rows cannot be put back in order; nothing is proposed from it, add its rows in review.");
        }
        Gazette(root, paragraphs, text, directory, headings, tables);
        return (notes, tables);
    }

    /// <summary>
    /// A Gazette's appendix heading that the paragraphs ran into the lines around it ("THỦ TƯỚNG" / "PHỤ LỤC" / "DANH MỤC CÁC
    /// NHIỆM VỤ …" / "(Kèm theo Kế hoạch …)" as one paragraph): its table, from the heading's line on, is rebuilt by
    /// <see cref="GazetteTables"/> alone, and when it is not, the appendix is left to the tree as before. Appendices the
    /// headings above already took are not read twice.
    /// </summary>
    private static void Gazette(SectionNode root, IReadOnlyList<Paragraph> paragraphs, string text, AgencyDirectory directory, List<int> headings,
        List<(string?, List<Paragraph>)> tables)
    {
        var runInto = new List<(int Paragraph, int Start)>();
        for (var i = 0; i < paragraphs.Count; i++)
            if (!headings.Contains(i) && HeadingLine(text, paragraphs[i]) is { } at) runInto.Add((i, at));
        var all = headings.Concat(runInto.Select(r => r.Paragraph)).Order().ToList();
        foreach (var (from, start) in runInto)
        {
            var next = all.FirstOrDefault(i => i > from, paragraphs.Count);
            var end = next < paragraphs.Count ? paragraphs[next].Start : text.Length;
            if (GazetteTables.Rebuild(text, start, end, directory) is not { } rows) continue;
            Remove(root, start, end);
            // The title: the heading's words from its line to the paragraph's end, without the label and the note under it.
            var title = LabelOnly().Replace(SectionNode.Clean(text[start..Math.Min(paragraphs[from].End, end)].Replace('\n', ' ')), "").Trim(' ', '-', '–', ':', '.');
            tables.Add((Note().Match(title) is { Success: true } note ? title[..note.Index].TrimEnd() : title, rows));
        }
    }

    /// <summary>The start of the paragraph's line that is an appendix's heading on its own ("PHỤ LỤC", "Phụ lục I"), if one is.</summary>
    private static int? HeadingLine(string text, Paragraph paragraph)
    {
        for (var at = paragraph.Start; at < paragraph.End; at = LineEnd(text, at) + 1)
            if (Heading().IsMatch(text[at..Math.Min(LineEnd(text, at), paragraph.End)].Trim())) return at;
        return null;
    }

    private static int LineEnd(string text, int at) => text.IndexOf('\n', at) is var n and >= 0 ? n : text.Length;

    /// <summary>The appendix's title: the heading's own words, else the lines in capitals under it ("CÁC CHỈ TIÊU CHỦ YẾU …").</summary>
    private static string Title(IReadOnlyList<Paragraph> paragraphs, int from, int to)
    {
        var heading = SectionNode.Clean(paragraphs[from].Text);
        var own = LabelOnly().Replace(heading, "").Trim(' ', '-', '–', ':', '.');
        if (own.Length > 0) return own;
        var caps = paragraphs.Skip(from + 1).Take(to - from - 1).TakeWhile(p => !p.Text.Any(char.IsLower) && !NumberHeader().IsMatch(p.Text))
            .Select(p => SectionNode.Clean(p.Text)).ToList();
        return caps.Count > 0 ? string.Join(' ', caps) : heading;
    }

    private static void Remove(SectionNode node, int start, int end)
    {
        node.Body.RemoveAll(p => p.Start >= start && p.Start < end);
        node.Children.RemoveAll(c => c.Head!.Start >= start && c.Head.Start < end);
        foreach (var child in node.Children) Remove(child, start, end);
    }

    /// <summary>"PHỤ LỤC 2", "Phụ lục", "PHỤ LỤC 1 – CÁC CHỈ TIÊU …" on a line of its own.</summary>
    [GeneratedRegex(@"^\W*(PHỤ LỤC|Phụ lục)(\s+(số\s+)?[\dIVXL]+)?\W*$|^\W*PHỤ LỤC\b[^\p{Ll}]*$")] private static partial Regex Heading();

    [GeneratedRegex(@"^\W*(PHỤ LỤC|Phụ lục)(\s+(số\s+)?[\dIVXL]+\b)?", RegexOptions.IgnoreCase)] private static partial Regex LabelOnly();

    /// <summary>The note under an appendix's title, "(Kèm theo Kế hoạch …)", run into the title's paragraph.</summary>
    [GeneratedRegex(@"\s\((Ban hành )?[Kk]èm theo\b")] private static partial Regex Note();

    /// <summary>The header's number column alone on its line ("TT", "STT", "Số TT"), or first with the next header cells after it on lines of their own (a viewer's copy: "TT / Nội dung công việc / Đơn vị chủ trì").</summary>
    [GeneratedRegex(@"^\W*(S\s*TT|Stt|TT|Số\s+TT|Số\s+thứ\s+tự|SỐ\s+TT)(\W*$|\s+\p{Lu})")] private static partial Regex NumberHeader();
    [GeneratedRegex(@"^\W*(S\s*TT|TT|Số\s+TT|Số\s+thứ\s+tự)\W*$", RegexOptions.IgnoreCase)] private static partial Regex NumberAlone();
}
