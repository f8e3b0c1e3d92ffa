using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace PlanTracker.Core.Drafting;

/// <summary>A line of a PDF page: text, or a table row (<see cref="Cells"/>), with where it ends on the page.</summary>
internal sealed record PdfLine(string Text, IReadOnlyList<string>? Cells, double Left, double Right, double TextRight, bool Columns, double FirstWord = 0)
{
    public bool IsRow => Cells is not null;
}

/// <summary>
/// One page of a PDF's text layer as the lines a reader sees: words grouped into lines by their vertical
/// extent and ordered left to right, a wide gap between words written " | " (two columns side by side: a
/// letterhead, a signature block), and each row of a table drawn with ruling lines as one pipe row
/// ("| a | b |"), each cell's words in reading order. Lines are ordered top to bottom; a page number alone
/// at the top or bottom of the page is dropped.
/// </summary>
internal static class PdfLayout
{
    /// <summary>Ruling lines thinner than this (points) are borders; a table row is at least this tall.</summary>
    private const double Thin = 2.5, MinRowHeight = 4;

    private sealed record Row(double Top, double Bottom, List<double> Columns);

    private sealed record Block(double Top, PdfLine Line);

    public static List<PdfLine> Lines(Page page)
    {
        var words = page.GetWords().Where(w => !string.IsNullOrWhiteSpace(w.Text)).ToList();
        var blocks = new List<Block>();
        var inTable = new HashSet<Word>();
        foreach (var row in TableRows(page))
        {
            var cells = new List<Word>[row.Columns.Count - 1];
            for (var i = 0; i < cells.Length; i++) cells[i] = [];
            foreach (var w in words)
            {
                var c = w.BoundingBox.Centroid;
                if (c.Y > row.Top || c.Y < row.Bottom || c.X < row.Columns[0] || c.X > row.Columns[^1] || inTable.Contains(w)) continue;
                cells[row.Columns.FindLastIndex(x => x <= c.X)].Add(w);
                inTable.Add(w);
            }
            if (cells.All(c => c.Count == 0)) continue;
            var texts = cells.Select(c => CellText(c).Replace('|', '/')).ToList();
            blocks.Add(new Block(row.Top, new PdfLine("| " + string.Join(" | ", texts) + " |", texts, row.Columns[0], row.Columns[^1], 0, false)));
        }
        var loose = Group(words.Where(w => !inTable.Contains(w)).ToList());
        var joined = loose.Select(l => (Words: l, Joined: Join(l, gaps: true))).ToList();
        // The right edge of the page's text: where its longest single-column lines end.
        var textRight = joined.Where(l => !l.Joined.Columns).Select(l => l.Words[^1].BoundingBox.Right).DefaultIfEmpty(0).Max();
        foreach (var (line, (text, columns)) in joined)
            blocks.Add(new Block(line.Max(w => w.BoundingBox.Top), new PdfLine(text, null, line[0].BoundingBox.Left, line[^1].BoundingBox.Right, textRight, columns, line[0].BoundingBox.Width)));
        var ordered = blocks.OrderByDescending(b => b.Top).Select(b => b.Line).ToList();
        if (ordered.Count > 0 && IsPageNumber(ordered[^1])) ordered.RemoveAt(ordered.Count - 1);
        if (ordered.Count > 0 && IsPageNumber(ordered[0])) ordered.RemoveAt(0);
        return ordered;
    }

    private static bool IsPageNumber(PdfLine line) => !line.IsRow && line.Text.Trim() is { Length: > 0 and <= 3 } t && t.All(char.IsDigit);

    /// <summary>Words grouped into lines: the same line when their vertical extents overlap by half the smaller height.</summary>
    private static List<List<Word>> Group(List<Word> words)
    {
        var lines = new List<List<Word>>();
        foreach (var w in words.OrderByDescending(w => w.BoundingBox.Bottom))
        {
            var line = lines.LastOrDefault();
            if (line is not null && Overlaps(line, w)) line.Add(w);
            else lines.Add([w]);
        }
        foreach (var l in lines) l.Sort((a, b) => a.BoundingBox.Left.CompareTo(b.BoundingBox.Left));
        return lines;
    }

    private static bool Overlaps(List<Word> line, Word w)
    {
        var top = line.Max(x => x.BoundingBox.Top);
        var bottom = line.Min(x => x.BoundingBox.Bottom);
        var overlap = Math.Min(top, w.BoundingBox.Top) - Math.Max(bottom, w.BoundingBox.Bottom);
        return overlap >= 0.5 * Math.Min(top - bottom, w.BoundingBox.Height);
    }

    /// <summary>A cell's lines joined into one text; a token a narrow column broke ("11/20" + "19") is mended.</summary>
    private static string CellText(List<Word> words)
    {
        var s = "";
        foreach (var line in Group(words).Select(l => Join(l, gaps: false).Text))
            s = s.Length == 0 ? line : s + (PdfText.Glued(s, line) ? "" : " ") + line;
        return s;
    }

    /// <summary>A line's words joined by spaces; a gap wider than four average letters (and 24 points) marks a second column.</summary>
    private static (string Text, bool Columns) Join(List<Word> line, bool gaps)
    {
        var s = new StringBuilder();
        var columns = false;
        for (var i = 0; i < line.Count; i++)
        {
            if (i > 0)
            {
                var gap = line[i].BoundingBox.Left - line[i - 1].BoundingBox.Right;
                var letter = line[i - 1].BoundingBox.Width / Math.Max(1, line[i - 1].Text.Length);
                var wide = gaps && gap > Math.Max(24, 4 * letter);
                columns |= wide;
                s.Append(wide ? " | " : " ");
            }
            s.Append(line[i].Text);
        }
        return (s.ToString(), columns);
    }

    /// <summary>
    /// The rows of the ruled tables on the page: each band between a horizontal rule and the next one below
    /// it over the same stretch, cut into cells by the vertical rules that cross the band's middle. A cell
    /// merged across columns has no rule inside it and stays one cell; a cell merged down several rows puts
    /// its text in the band its text sits in.
    /// </summary>
    private static List<Row> TableRows(Page page)
    {
        var horizontal = new List<PdfRectangle>();
        var vertical = new List<PdfRectangle>();
        foreach (var path in page.Paths)
        {
            if ((!path.IsStroked && !path.IsFilled) || path.GetBoundingRectangle() is not { } box) continue;
            if (box.Height <= Thin && box.Width > 10) horizontal.Add(box);
            else if (box.Width <= Thin && box.Height > 3) vertical.Add(box);
        }
        var rows = new List<Row>();
        if (horizontal.Count < 2 || vertical.Count < 2) return rows;
        var rules = horizontal.OrderByDescending(h => h.Bottom).ToList();
        for (var i = 0; i < rules.Count; i++)
        {
            var upper = rules[i];
            var lower = rules.Skip(i + 1).FirstOrDefault(h => upper.Bottom - h.Bottom >= MinRowHeight
                && Math.Min(upper.Right, h.Right) - Math.Max(upper.Left, h.Left) > 0.5 * Math.Min(upper.Width, h.Width));
            if (lower.Width == 0) continue;
            var top = (upper.Top + upper.Bottom) / 2;
            var bottom = (lower.Top + lower.Bottom) / 2;
            var left = Math.Max(upper.Left, lower.Left) - Thin;
            var right = Math.Min(upper.Right, lower.Right) + Thin;
            var middle = (top + bottom) / 2;
            var columns = new List<double>();
            foreach (var x in vertical.Where(v => v.Bottom <= middle && v.Top >= middle && v.Left >= left - Thin && v.Right <= right + Thin)
                         .Select(v => (v.Left + v.Right) / 2).Order())
                if (columns.Count == 0 || x - columns[^1] > Thin) columns.Add(x);
            if (columns.Count < 2 || rows.Any(r => Math.Abs(r.Top - top) < Thin && Math.Abs(r.Bottom - bottom) < Thin && Math.Abs(r.Columns[0] - columns[0]) < 10))
                continue;
            rows.Add(new Row(top, bottom, columns));
        }
        return rows;
    }
}
