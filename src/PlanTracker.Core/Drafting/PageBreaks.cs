using System.Text.RegularExpressions;

namespace PlanTracker.Core.Drafting;

/// <summary>
/// Text copied out of a PDF viewer keeps each page's foot: the page number on a line of its own ("2", "3", …)
/// and the footnotes above it ("1 Các quy định của Luật Địa chất và Khoáng sản …", called from "khoáng sản1.").
/// Left in, they split the paragraph that runs across the page ("… (i) Khai thác khoáng sản / 2 trái phép; …")
/// and become items of their own. They are blanked (replaced by spaces, so every offset stays the source's).
/// Two forms of the page number: copied from a viewer, a bare number told from a numbered table's one-cell-per-line
/// rows by running on (2, 3, 4 …) a page apart; taken from the PDF's layout (pdftotext -layout), a number alone on
/// a line far indented. Either way the footnotes above it go with it. A third form is the marker an extraction or OCR
/// tool writes between pages ("===== Trang 3 =====", "--- Page 3 ---"): it too is a page's foot, with the footnotes
/// above it (an OCR reads the footnote's superscript ¹ as "!": "… tương ứng!." over "! Tại khoản 6 Điều 3 …").
/// </summary>
public static partial class PageBreaks
{
    /// <summary>Fewer lines than this between two numbers and they are not page numbers.</summary>
    private const int MinLinesPerPage = 20;

    /// <summary>How far above a page number a footnote may start.</summary>
    private const int MaxFootnoteLines = 15;

    public static string Blank(string text)
    {
        var lines = Lines(text);
        var pages = PageNumbers(lines);
        var indented = IndentedPageNumbers(lines, text);
        var markers = Enumerable.Range(0, lines.Count).Where(i => PageMarker().IsMatch(lines[i].Text)).ToList();
        if (pages.Count == 0 && indented.Count == 0 && markers.Count == 0) return text;
        var chars = text.ToCharArray();
        void Clear(int i)
        {
            for (var k = lines[i].Start; k < lines[i].End; k++)
                if (chars[k] != '\n' && chars[k] != '\r') chars[k] = ' ';
        }
        foreach (var p in pages.Union(indented).Union(markers))
        {
            Clear(p);
            if (Footnote(text, lines, p) is { } first)
                for (var i = first; i < p; i++) Clear(i);
        }
        return new string(chars);
    }

    private sealed record Line(int Start, int End, string Text);

    private static List<Line> Lines(string text)
    {
        var lines = new List<Line>();
        for (var at = 0; at <= text.Length;)
        {
            var next = text.IndexOf('\n', at);
            if (next < 0) next = text.Length;
            lines.Add(new Line(at, next, text[at..next].Trim()));
            at = next + 1;
        }
        return lines;
    }

    /// <summary>Lines holding only a number, beside a blank line, that run on by one with a page's lines between them.</summary>
    private static List<int> PageNumbers(List<Line> lines)
    {
        bool Blank(int i) => i < 0 || i >= lines.Count || lines[i].Text.Length == 0;
        var candidates = Enumerable.Range(0, lines.Count)
            .Where(i => Number().IsMatch(lines[i].Text) && (Blank(i - 1) || Blank(i + 1)))
            .ToList();
        var found = new List<int>();
        for (var k = 0; k + 1 < candidates.Count; k++)
        {
            var (a, b) = (candidates[k], candidates[k + 1]);
            var filled = Enumerable.Range(a + 1, b - a - 1).Count(i => !Blank(i));
            if (int.Parse(lines[b].Text) != int.Parse(lines[a].Text) + 1 || filled < MinLinesPerPage) continue;
            if (!found.Contains(a)) found.Add(a);
            found.Add(b);
        }
        return found;
    }

    /// <summary>A number of at most three digits alone on a line indented ten columns or more: a page's foot in layout text.</summary>
    private static List<int> IndentedPageNumbers(List<Line> lines, string text) =>
        Enumerable.Range(0, lines.Count)
            .Where(i => Number().IsMatch(lines[i].Text) && text.AsSpan(lines[i].Start, lines[i].End - lines[i].Start).IndexOfAnyExcept(' ', '\t', '\f') >= 10)
            .ToList();

    /// <summary>
    /// The first line of the footnotes above the page number at <paramref name="page"/>: a line after a blank one that
    /// opens with a number which the text before it carries glued to a word ("khoáng sản1."), with no list line between.
    /// </summary>
    private static int? Footnote(string text, List<Line> lines, int page)
    {
        for (var i = page - 1; i >= Math.Max(0, page - MaxFootnoteLines); i--)
        {
            var line = lines[i].Text;
            if (line.Length == 0) continue;
            if (ListLine().IsMatch(line)) return null;
            if (FootnoteStart().Match(line) is not { Success: true } m || i == 0 || lines[i - 1].Text.Length > 0) continue;
            var call = new Regex(@"\p{L}" + Regex.Escape(m.Groups[1].Value) + @"(?=[\s.,;:)])");
            return call.IsMatch(text[..lines[i].Start]) ? i : null;
        }
        return null;
    }

    [GeneratedRegex(@"^\d{1,3}$")] private static partial Regex Number();
    [GeneratedRegex(@"^(\d{1,2}|[!¹²³])\s+\p{Lu}")] private static partial Regex FootnoteStart();
    [GeneratedRegex(@"^[=\-–—_*#]{2,}\s*(Trang|Page)\s+\d{1,3}\s*[=\-–—_*#]{2,}$", RegexOptions.IgnoreCase)] private static partial Regex PageMarker();
    [GeneratedRegex(@"^([-+•–]\s|\d{1,2}\.\s|[a-zđ]\)\s|[IVX]+\.\s)")] private static partial Regex ListLine();
}
