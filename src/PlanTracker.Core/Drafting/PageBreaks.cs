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
/// A document printed in the Official Gazette (Công báo) and extracted from its PDF opens every page with the Gazette's
/// header, "CÔNG BÁO/Số 286/Ngày 27-05-2026", and the page number on the next line, and its first page carries the
/// digital signature's stamp ("Ký bởi: CÔNG BÁO …" / "Cơ quan: VĂN PHÒNG CHÍNH PHỦ" / "Ngày ký: 2026-05-21 08:05:48 +07:00"):
/// both are blanked, so that they neither split a paragraph or a table's row nor read as an item.
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
        var gazette = GazetteLines(lines);
        if (pages.Count == 0 && indented.Count == 0 && markers.Count == 0 && gazette.Count == 0) return text;
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
        foreach (var g in gazette) Clear(g);
        return new string(chars);
    }

    /// <summary>"CÔNG BÁO/Số 286/Ngày 27-05-2026": the Gazette's page header (a table read from the source skips it too).</summary>
    internal static bool IsGazetteHeader(string line) => GazetteHeader().IsMatch(line.Trim());

    /// <summary>The Gazette's page headers with the page number under each, and the signature's stamp.</summary>
    private static List<int> GazetteLines(List<Line> lines)
    {
        var found = new List<int>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (IsGazetteHeader(lines[i].Text))
            {
                found.Add(i);
                var next = i + 1;
                while (next < lines.Count && lines[next].Text.Length == 0) next++;
                if (next < lines.Count && Number().IsMatch(lines[next].Text)) found.Add(next);
            }
            else if (SignatureStamp().IsMatch(lines[i].Text))
                for (var k = i; k < Math.Min(lines.Count, i + 3) && (k == i || StampLine().IsMatch(lines[k].Text)); k++) found.Add(k);
        }
        return found;
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
    /// <summary>"CÔNG BÁO/Số 286/Ngày 27-05-2026", "CÔNG BÁO / Số 12 + 13 / Ngày 05-01-2026".</summary>
    [GeneratedRegex(@"^CÔNG BÁO\s*/\s*Số\s+[\d\s+]+/\s*Ngày\s+\d{1,2}[-/.]\d{1,2}[-/.]\d{4}$", RegexOptions.IgnoreCase)] private static partial Regex GazetteHeader();
    [GeneratedRegex(@"^Ký bởi:\s*CÔNG BÁO\b", RegexOptions.IgnoreCase)] private static partial Regex SignatureStamp();
    [GeneratedRegex(@"^(Cơ quan|Ngày ký):\s*\S")] private static partial Regex StampLine();
    [GeneratedRegex(@"^(\d{1,2}|[!¹²³])\s+\p{Lu}")] private static partial Regex FootnoteStart();
    [GeneratedRegex(@"^[=\-–—_*#]{2,}\s*(Trang|Page)\s+\d{1,3}\s*[=\-–—_*#]{2,}$", RegexOptions.IgnoreCase)] private static partial Regex PageMarker();
    [GeneratedRegex(@"^([-+•–]\s|\d{1,2}\.\s|[a-zđ]\)\s|[IVX]+\.\s)")] private static partial Regex ListLine();
}
