namespace PlanTracker.Core.Drafting;

/// <summary>
/// Text laid out as its PDF was (pdftotext -layout, a viewer's copy that keeps the spaces): a paragraph's first
/// line is indented and the lines it wraps onto start further left, most often at column 0
/// ("      Sau khi xem xét … giao Sở Nông nghiệp và" / "Môi trường chủ trì, …"). There the indentation says
/// what a line's first word cannot:
/// <list type="bullet">
/// <item>a line further left than its paragraph's first line goes on with it, though it opens with a capital
/// ("… (Âu Lâu, Yên Thế, Thịnh Hưng, Đông An, Yên" / "Thế, Khánh Yên Thượng).", "… trước ngày 15/12;" /
/// "Sở Tài chính tổng hợp …"), when the line above ran to the right margin (a line ending short is a
/// heading or the letterhead's "Số: …", not wrapped text);</item>
/// <item>a line back at its paragraph's first-line indent after such lines starts a new paragraph, though the line
/// above ran to the margin ("… theo quy định." / "      Đồng thời, chủ trì …");</item>
/// <item>a name that runs on under the words after its dash ("- Các Sở: …, Xây dựng," / "  Công Thương;") goes on with it.</item>
/// </list>
/// Text without such indentation (web pages, Word, pipe tables) is left to the other rules.
/// </summary>
internal sealed class IndentedLayout(int margin)
{
    /// <summary>A paragraph's first-line indent is at most this; further right stand letterheads, captions and signatures.</summary>
    private const int MaxFirstIndent = 15;

    /// <summary>The least difference in columns that is an indent rather than a stray space.</summary>
    internal const int Step = 3;

    /// <summary>This many first lines over less indented continuations, and the text is laid out so.</summary>
    private const int MinIndentedParagraphs = 3;

    public static IndentedLayout? Detect(IReadOnlyList<Paragraphs.Line> lines)
    {
        var indented = 0;
        var wrappedEnds = new List<int>();
        for (var i = 1; i < lines.Count; i++)
        {
            var (above, line) = (lines[i - 1], lines[i]);
            if (line.BlankBefore || above.IsColumns || line.IsColumns) continue;
            // A line going on in lower case: the one above was certainly wrapped, so it ends at the margin.
            if (char.IsLower(line.Text[0])) wrappedEnds.Add(above.EndColumn);
            if (above.Indent <= MaxFirstIndent && above.Indent - line.Indent >= Step && Markers.Match(line.Text) is null) indented++;
        }
        if (indented < MinIndentedParagraphs) return null;
        return new IndentedLayout(wrappedEnds.Count == 0 ? 0 : wrappedEnds.Order().ElementAt(wrappedEnds.Count / 2));
    }

    /// <summary>Whether <paramref name="line"/> goes on with the paragraph opened by <paramref name="first"/>; null when its indentation does not say.</summary>
    public bool? Continues(Paragraphs.Line first, Paragraphs.Line previous, Paragraphs.Line line)
    {
        if (line.BlankBefore || previous.IsColumns || line.IsColumns) return null;
        if (first.Indent <= MaxFirstIndent)
        {
            if (line.Indent + Step <= first.Indent && previous.EndColumn * 5 >= margin * 4) return true;
            if (first.Indent >= Step && line.Indent >= previous.Indent + Step && line.Indent + 1 >= first.Indent) return false;
        }
        if (Markers.Match(first.Text) is { Kind: MarkerKind.Dash or MarkerKind.Plus } bullet && line.Indent > first.Indent
            && Math.Abs(line.Indent - (first.Indent + bullet.Length)) <= 1 && !".;".Contains(previous.Text[^1]))
            return true;
        return null;
    }
}
