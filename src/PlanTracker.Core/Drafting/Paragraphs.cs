using System.Text.RegularExpressions;

namespace PlanTracker.Core.Drafting;

/// <summary>
/// A paragraph of the source: <see cref="Text"/> is the source between <see cref="Start"/> and
/// <see cref="End"/> with line breaks read as spaces, so that an offset in it is an offset in the source.
/// </summary>
/// <param name="Cells">A table row's cells when they are not its text split at "|" (a table copied one cell per line, <see cref="CellLines"/>).</param>
public sealed record Paragraph(int Start, int End, string Text, bool IsTableRow = false, IReadOnlyList<string>? Cells = null)
{
    public SourceSpan Span => new(Start, End);
}

/// <summary>A range of the (normalised) source text: [Start, End).</summary>
public sealed record SourceSpan(int Start, int End);

/// <summary>
/// Cuts the source into paragraphs. Text copied from web pages is often hard-wrapped (every line
/// ends at a fixed width); such lines are joined back when the next line continues the sentence: it
/// starts in lower case, the line before ends with a comma or a word like "và"/"của", or the next
/// line's first word would have fitted on the line before (so the break was the wrapper's, not the author's).
/// Text laid out as its PDF was says the same by its indentation (<see cref="IndentedLayout"/>); a table copied one
/// cell per line under a pipe header is read into rows (<see cref="CellLines"/>).
/// </summary>
public static partial class Paragraphs
{
    private static readonly HashSet<string> OpenEndings =
    [
        "và", "của", "với", "các", "về", "cho", "trong", "tại", "theo", "để", "số", "ngày", "từ", "đến", "là", "có",
        "những", "được", "hoặc", "thuộc", "như", "trên", "giữa", "cùng", "mà", "nhằm", "qua", "bằng", "sở", "ban", "bộ",
    ];

    /// <param name="Tabs">Tabs after the line's first word: a row of a tab-separated table keeps them even when its last cells are empty.</param>
    /// <param name="Indent">Columns of white space before the line's first character.</param>
    internal sealed record Line(int Start, int End, string Text, bool BlankBefore, int Tabs, int Indent = 0)
    {
        public bool IsTableRow => Text.Count(c => c == '|') >= 2 || Tabs >= 2;
        public bool IsCellBreak => Text == "|";
        /// <summary>A wide gap inside the line: two blocks side by side (a letterhead, a signature), not running text.</summary>
        public bool IsColumns => Text.Contains("   ", StringComparison.Ordinal);
        public int EndColumn => Indent + Text.Length;
    }

    public static (List<Paragraph> Paragraphs, bool HardWrapped) Split(string text)
    {
        // Blanked, not cut: a paragraph's text stays the source between its offsets.
        text = PageBreaks.Blank(text);
        var lines = ReadLines(text);
        var layout = IndentedLayout.Detect(lines);
        // Without indentation (a PDF viewer's copy drops it) a short letter has too few lower-case continuations to
        // count; its lines ending at one right margin say it is wrapped all the same.
        var wrapped = IsHardWrapped(lines) || layout is null && HasRightMargin(lines);
        var widths = wrapped ? Widths(lines) : (0, 0);

        var result = new List<Paragraph>();
        int? start = null;
        var end = 0;
        var linesIn = 0;
        Line? previous = null, first = null;
        void Close()
        {
            if (start is { } s) result.Add(new Paragraph(s, end, text[s..end].Replace('\n', ' ')));
            start = null;
            linesIn = 0;
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.IsTableRow && CellLines.Read(lines, i, text) is { } table)
            {
                Close();
                result.AddRange(table.Rows);
                previous = null;
                i = table.Next - 1;
                continue;
            }
            if (line.IsCellBreak)
            {
                Close();
                previous = null;
                continue;
            }
            if (line.IsTableRow)
            {
                Close();
                result.Add(new Paragraph(line.Start, line.End, line.Text, IsTableRow: true));
                previous = null;
                continue;
            }
            if (start is not null && previous is not null && first is not null
                && Continues(first, previous, line, i + 1 < lines.Count ? lines[i + 1] : null, layout, linesIn, wrapped, widths, text[start.Value..end]))
            {
                end = line.End;
                linesIn++;
            }
            else
            {
                Close();
                start = line.Start;
                end = line.End;
                linesIn = 1;
                first = line;
            }
            previous = line;
        }
        Close();
        return (result, wrapped);
    }

    private static bool Continues(Line first, Line previous, Line line, Line? next, IndentedLayout? layout, int linesIn, bool wrapped,
        (int First, int Later) widths, string paragraphSoFar)
    {
        var width = linesIn == 1 ? widths.First : widths.Later;
        var s = line.Text;
        var prev = previous.Text;
        var last = prev[^1];
        // "từ 2\n- 3 cán bộ": a range broken at its dash, not a bullet.
        if (wrapped && char.IsDigit(last) && RangeContinuation().IsMatch(s)) return true;
        if (Markers.Match(s, strict: wrapped) is not null || ParagraphStart().IsMatch(s) || KindHeading().IsMatch(paragraphSoFar)) return false;
        // No sentence starts in lower case: the line goes on with the sentence, even across a page break.
        if (char.IsLower(s[0])) return !(line.BlankBefore && ".;:!?".Contains(last));
        if (layout?.Continues(first, previous, line) is { } byIndent) return byIndent;
        if (line.BlankBefore || !wrapped) return false;
        // A quotation or a parenthesis rarely opens a paragraph; in wrapped text it goes on with the line before.
        if (s[0] is '"' or '“' or '(' && !".;:!?".Contains(last)) return true;
        if (IsCaps(prev) && IsCaps(s)) return !BlockTitle().IsMatch(s) && !".;:!?".Contains(last);
        if (last is ',' or '-' || EndsOnOpenWord(prev)) return true;
        if (":!?".Contains(last)) return false;
        // A clause's end (";") before a capital is read as a sentence's: the capital is as often a name going on with the
        // sentence ("… gửi Sở Tài chính trước ngày 15/12;" / "Sở Tài chính tổng hợp …", h03) as a paragraph of its own, and
        // only the width says which.
        if (last is '.' or ';' && IsFirstLineOfIndentedParagraph(line, next, widths)) return false;
        // A line that stops mid-sentence within a tenth of the margin was broken by the wrapper: a PDF's proportional
        // font fills lines to unequal counts of characters, so the next word's length cannot tell ("… Công ty TNHH Đại
        // Đồng" / "Tiến theo …"). Headings that stop mid-phrase are short.
        if (char.IsLetterOrDigit(last) && prev.Length * 10 >= width * 9) return true;
        var firstWord = s.Split(' ', 2)[0];
        return prev.Length + 1 + firstWord.Length > width;
    }

    /// <summary>
    /// Whether a line after a sentence's or a clause's end ("." or ";") is the first line of a paragraph whose indent the copy dropped
    /// (a PDF viewer's): the document's first lines hold fewer characters than its later lines, and this one, itself wrapped (the line
    /// under it goes on in lower case), is that much shorter than the measure too (h05's "… theo quy định." / "Đồng thời, chủ trì …",
    /// 74 characters over 77). A line that only continues the sentence fills the measure ("… khoáng sản." / "Trong đó thực hiện …",
    /// 78). Text wrapped without indented first lines (a web page's, a paragraph a line cut at one width) has no shorter first lines
    /// and is left to whether the next word would have fitted.
    /// </summary>
    private static bool IsFirstLineOfIndentedParagraph(Line line, Line? next, (int First, int Later) widths) =>
        widths.Later - widths.First >= IndentedLayout.Step && line.Text.Length + IndentedLayout.Step <= widths.Later
        && next is { BlankBefore: false } && char.IsLower(next.Text[0]) && Markers.Match(next.Text) is null;

    /// <summary>
    /// The line ends on a word that needs the next ("và", "của", "các Sở"), not on a compound that ends a noun ("cơ sở",
    /// "cán bộ", "đảng bộ"): "… các chi bộ, đảng bộ cơ sở" / "Các cấp ủy …" is a heading over a new paragraph.
    /// </summary>
    internal static bool EndsOnOpenWord(string line)
    {
        var words = line.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || !OpenEndings.Contains(words[^1])) return false;
        return words.Length < 2 || !ClosedCompounds.Contains($"{words[^2]} {words[^1]}");
    }

    private static readonly HashSet<string> ClosedCompounds =
        ["cơ sở", "trụ sở", "cán bộ", "đảng bộ", "toàn bộ", "đồng bộ", "tiến bộ", "sơ bộ", "cục bộ", "bước đầu"];

    private static List<Line> ReadLines(string text)
    {
        var lines = new List<Line>();
        var blank = false;
        var at = 0;
        while (at <= text.Length)
        {
            var next = text.IndexOf('\n', at);
            if (next < 0) next = text.Length;
            var (s, e) = (at, next);
            while (s < e && char.IsWhiteSpace(text[s])) s++;
            while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
            if (e > s) lines.Add(new Line(s, e, text[s..e], blank, text[s..next].Count(c => c == '\t'), s - at));
            blank = e == s;
            at = next + 1;
        }
        return lines;
    }

    /// <summary>Hard-wrapped text has many lines that start in lower case without being a lettered item.</summary>
    private static bool IsHardWrapped(List<Line> lines)
    {
        var continued = lines.Count(l => char.IsLower(l.Text[0]) && Markers.Match(l.Text) is null);
        return continued >= 10 && continued * 5 >= lines.Count;
    }

    /// <summary>
    /// Lines wrapped at one right margin: at least <see cref="MinWrappedLines"/> lines certainly wrapped (the next goes on in
    /// lower case) (at least half of them) end within a tenth of their median length, and hardly any running line is longer than that margin
    /// (text with a paragraph to a line has lines far longer). Tables, letterheads and signatures are not running lines.
    /// </summary>
    private static bool HasRightMargin(List<Line> lines)
    {
        var running = lines.Where(l => !l.IsTableRow && !l.IsColumns).ToList();
        var ends = new List<int>();
        for (var i = 0; i + 1 < running.Count; i++)
            if (!running[i + 1].BlankBefore && char.IsLower(running[i + 1].Text[0]) && Markers.Match(running[i + 1].Text) is null)
                ends.Add(running[i].Text.Length);
        if (ends.Count < MinWrappedLines) return false;
        var margin = ends.Order().ElementAt(ends.Count / 2);
        var atMargin = ends.Count(e => Math.Abs(e - margin) * 10 <= margin);
        var beyond = running.Count(l => l.Text.Length * 10 > margin * 11);
        return atMargin * 2 >= ends.Count && beyond * 20 <= running.Count;
    }

    private const int MinWrappedLines = 3;

    /// <summary>The usual length of a paragraph's first line and of its later lines, from lines certainly wrapped.</summary>
    private static (int First, int Later) Widths(List<Line> lines)
    {
        var (first, later) = (new List<int>(), new List<int>());
        for (var i = 0; i + 1 < lines.Count; i++)
        {
            if (!char.IsLower(lines[i + 1].Text[0]) || Markers.Match(lines[i + 1].Text) is not null) continue;
            var isFirst = i == 0 || Markers.Match(lines[i].Text) is not null || ".;:".Contains(lines[i - 1].Text[^1]) || lines[i].BlankBefore;
            (isFirst ? first : later).Add(lines[i].Text.Length);
        }
        static int Median(List<int> xs, int fallback) => xs.Count == 0 ? fallback : xs.Order().ElementAt(xs.Count / 2);
        var laterWidth = Median(later, 80);
        return (Median(first, laterWidth), laterWidth);
    }

    private static bool IsCaps(string s) => s.Any(char.IsLetter) && !s.Any(char.IsLower);

    private static string LastWord(string s)
    {
        var i = s.LastIndexOf(' ');
        return i < 0 ? s : s[(i + 1)..];
    }

    [GeneratedRegex(@"^(Căn cứ|Xét đề nghị|Xét tờ trình|" + RecipientsHeading.Pattern + @"|TM\.|T/M\s|KT\.|Q\.|TL\.|Điều \d{1,3}\s*[.:]|\(\s*(Ban hành )?[Kk]èm theo)")] private static partial Regex ParagraphStart();
    [GeneratedRegex(@"^[-–]\s*\d")] private static partial Regex RangeContinuation();
    [GeneratedRegex(@"^\W*(QUYẾT ĐỊNH|KẾ HOẠCH|CHỈ THỊ|THÔNG BÁO|NGHỊ QUYẾT|CHƯƠNG TRÌNH( HÀNH ĐỘNG)?|PHỤ LỤC)\W*$")] private static partial Regex KindHeading();
    [GeneratedRegex(@"^(ỦY BAN NHÂN DÂN|UBND|CỘNG HÒA|CỘNG HOÀ|CHỦ TỊCH|PHÓ CHỦ TỊCH|QUYẾT ĐỊNH|KẾ HOẠCH|CHỈ THỊ|THÔNG BÁO|NGHỊ QUYẾT|TM\.|KT\.)")] private static partial Regex BlockTitle();
}
