using System.Text.RegularExpressions;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;

namespace PlanTracker.Core.Drafting;

/// <summary>
/// An appendix table of tasks printed in the Official Gazette (Công báo) and extracted from its PDF: every cell is wrapped at
/// its own column's width, justified text breaks into one or a few words per line, and a row's cells follow one another line
/// after line with nothing between them ("1." / "Tăng cường lãnh đạo, chỉ đạo xây dựng và" / "tổ chức thực hiện …" / "Các" /
/// "bộ" / "ở" / "Trung ương," / "Ủy ban nhân" / "dân cấp tỉnh" / "Các cơ quan, tổ" / "chức, …" / "Văn bản chỉ đạo" /
/// "Thường xuyên" / "2." …). The header gives the columns and their order, one cell per line or a few ("Cơ quan" /
/// "chủ trì"); a row opens at a line that is only its number ("1.", "12", "2.1", or the number before the task's first
/// words, "16  Tiếp tục …") that runs on from the row before, and a Roman number opens a group row. A row's lines are then
/// cut into the header's columns, in order, by the cut that costs least (<see cref="Cost"/>): the task's lines are the
/// table's longest, the other columns' lines are short; an agency cell reads as agencies once its lines are joined, a time
/// cell as a deadline, a result as a noun phrase that is neither; no cell ends on a word that needs the next ("của", "và",
/// a comma) and none but the task opens in lower case. A page break (the Gazette's page header, blanked by
/// <see cref="PageBreaks"/>, and the table's header printed again) cuts a row: the lines after it go on with the cells
/// before it, column by column. When the rows so cut do not read (most leads no agency, most times no deadline), the
/// table is not rebuilt and the reader does what it did before (<see cref="ScrambledTables"/>).
/// Not read: a row that holds several results each with its own lead and time (the extra cells run into the columns), a
/// column the header names in words no column is known by (kept apart, not read), a header whose number column is not
/// "TT"/"STT".
/// </summary>
internal static partial class GazetteTables
{
    private sealed record Line(int Start, int End, string Text);

    /// <summary>A column the reader does not read ("Cấp trình", "Căn cứ bổ sung"): kept apart so that its lines go nowhere else.</summary>
    private const ScrambledRows.Kind Other = (ScrambledRows.Kind)(-1);

    /// <summary>Lines longer than this share of the task column's width belong to no narrow column.</summary>
    private const double NarrowShare = 0.7;

    /// <summary>A task's line shorter than this share of its width ends the task (justified text fills every line but the last).</summary>
    private const double FullShare = 0.6;

    /// <summary>A task's last line at least this share of its width ran to the margin.</summary>
    private const double LastShare = 0.9;

    /// <summary>The share of rows that must read (a lead that is an agency, a time that is a deadline) for the table to be rebuilt.</summary>
    private const double ReadShare = 0.8;

    /// <summary>A row's cells longer than this many lines are not cut (no Gazette cell is that long; it bounds the cost).</summary>
    private const int MaxRowLines = 160;

    private sealed class Row(string number, Line first, bool isGroup)
    {
        public string Number { get; } = number;
        public Line First { get; } = first;
        public bool IsGroup { get; } = isGroup;
        public List<List<Line>> Pieces { get; } = [[]];
        public Line Last { get; set; } = first;
    }

    /// <summary>The table's rows (a header first) from the source between <paramref name="start"/> and <paramref name="end"/>, or null.</summary>
    public static List<Paragraph>? Rebuild(string text, int start, int end, AgencyDirectory directory)
    {
        var lines = Lines(text, start, end);
        var at = lines.FindIndex(l => NumberHeader().IsMatch(l.Text));
        if (at < 0) return null;
        var (columns, headerLength) = Header(lines, at);
        if (!columns.Contains(ScrambledRows.Kind.Task) || !columns.Contains(ScrambledRows.Kind.Lead) || columns[0] != ScrambledRows.Kind.Task) return null;
        var header = lines.Skip(at).Take(headerLength).Select(l => l.Text).ToList();
        var rows = Rows(lines, at + headerLength, header);
        if (rows.Count(r => !r.IsGroup) < 2) return null;
        // The task column's width: the longest lines of the rows (a group row's title spans the table and does not count),
        // a few outliers aside (a line the extraction ran past its column).
        var lengths = rows.Where(r => !r.IsGroup).SelectMany(r => r.Pieces.SelectMany(p => p)).Select(l => l.Text.Length).OrderDescending().ToList();
        if (lengths.Count == 0) return null;
        var width = lengths[lengths.Count / 20];
        var known = new Dictionary<string, bool>();
        bool Agencies(string cell) => known.TryGetValue(cell, out var yes) ? yes : known[cell] = IsAgencies(cell, directory);
        var cut = new List<(Row Row, string[] Cells)>();
        foreach (var row in rows)
        {
            if (row.IsGroup)
            {
                cut.Add((row, [Join(row.Pieces.SelectMany(p => p))]));
                continue;
            }
            if (row.Pieces.Sum(p => p.Count) > MaxRowLines) return null;
            var cells = new string[columns.Count];
            Array.Fill(cells, "");
            var first = true;
            foreach (var piece in row.Pieces.Where(p => p.Count > 0))
            {
                Cut(piece, columns, cells, first, width, Agencies);
                first = false;
            }
            cut.Add((row, cells));
        }
        var tasks = cut.Where(c => !c.Row.IsGroup).ToList();
        var lead = columns.IndexOf(ScrambledRows.Kind.Lead);
        var time = columns.IndexOf(ScrambledRows.Kind.Time);
        var read = tasks.Count(c => Agencies(c.Cells[lead]) && (time < 0 || IsTime(c.Cells[time])));
        if (read < tasks.Count * ReadShare) return null;
        return Assemble(text, cut, columns, directory);
    }

    /// <summary>Non-blank trimmed lines; the Gazette's page headers and the page number under each are dropped.</summary>
    private static List<Line> Lines(string text, int start, int end)
    {
        var lines = new List<Line>();
        var at = start;
        var afterPageHeader = false;
        while (at < end)
        {
            var next = text.IndexOf('\n', at);
            if (next < 0 || next > end) next = end;
            var (s, e) = (at, next);
            at = next + 1;
            while (s < e && char.IsWhiteSpace(text[s])) s++;
            while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
            if (e == s || Rule().IsMatch(text[s..e])) continue;
            var line = text[s..e];
            if (PageBreaks.IsGazetteHeader(line))
            {
                afterPageHeader = true;
                continue;
            }
            if (afterPageHeader && PageNumber().IsMatch(line))
            {
                afterPageHeader = false;
                continue;
            }
            afterPageHeader = false;
            lines.Add(new Line(s, e, line));
        }
        return lines;
    }

    /// <summary>
    /// The header's columns after its number column, in order, and how many lines the header takes: each cell is the fewest
    /// lines that name a column ("Cơ quan" / "chủ trì") and the lines after them that still read as the same name ("Thời gian
    /// hoàn" / "thành"); lines that name no known column make one column of their own (<see cref="Other"/>). The header ends
    /// at the first row.
    /// </summary>
    private static (List<ScrambledRows.Kind> Columns, int Length) Header(List<Line> lines, int at)
    {
        var columns = new List<ScrambledRows.Kind>();
        var end = at + 1;
        while (end < lines.Count && !RowStart().IsMatch(lines[end].Text) && !GroupStart().IsMatch(lines[end].Text)) end++;
        var i = at + 1;
        string Prefix(int from, int n) => TextKey.Fold(string.Join(' ', lines.Skip(from).Take(n).Select(l => l.Text)));
        // A line that opens another column's name with the lines after it ("Cơ quan" / "chủ trì"), or opens in capitals
        // ("Cấp trình"), goes on no name before it; "Thời gian hoàn" / "thành" goes on.
        bool StartsColumn(int from) => Enumerable.Range(1, Math.Min(4, end - from)).Any(n => ScrambledRows.Column(Prefix(from, n)) is not null);
        while (i < end && columns.Count < 12)
        {
            var named = 0;
            ScrambledRows.Kind kind = Other;
            for (var n = 1; n <= 4 && i + n <= end; n++)
                if (ScrambledRows.Column(Prefix(i, n)) is { } k)
                {
                    (named, kind) = (n, k);
                    break;
                }
            if (named == 0)
            {
                if (columns.Count == 0 || columns[^1] != Other) columns.Add(Other);
                i++;
                continue;
            }
            while (i + named < end && !char.IsUpper(lines[i + named].Text[0]) && !StartsColumn(i + named) && ScrambledRows.Column(Prefix(i, named + 1)) == kind)
                named++;
            columns.Add(kind);
            i += named;
        }
        return (columns, i - at);
    }

    /// <summary>The rows after the header: a number that runs on opens a row, a Roman one a group row; the header printed again marks a page break.</summary>
    private static List<Row> Rows(List<Line> lines, int from, List<string> header)
    {
        var rows = new List<Row>();
        for (var i = from; i < lines.Count; i++)
        {
            var line = lines[i];
            if (Ends().IsMatch(line.Text)) break;
            if (line.Text == header[0] && lines.Skip(i).Take(header.Count).Select(l => l.Text).SequenceEqual(header))
            {
                i += header.Count - 1;
                if (rows.Count > 0) rows[^1].Pieces.Add([]);
                continue;
            }
            var previous = rows.LastOrDefault(r => !r.IsGroup)?.Number;
            if (RowStart().Match(line.Text) is { Success: true } number && RunsOn(previous, number.Groups["n"].Value, rows.LastOrDefault()?.IsGroup ?? true))
            {
                rows.Add(new Row(number.Groups["n"].Value, line, false));
                if (number.Groups["t"].Success) rows[^1].Pieces[0].Add(line with { Start = line.Start + number.Groups["t"].Index, Text = number.Groups["t"].Value });
                continue;
            }
            if (GroupStart().Match(line.Text) is { Success: true } group && Roman(group.Groups["n"].Value) == 1 + rows.Where(r => r.IsGroup).Select(r => Roman(r.Number)).LastOrDefault())
            {
                rows.Add(new Row(group.Groups["n"].Value, line, true));
                if (group.Groups["t"].Success) rows[^1].Pieces[0].Add(line with { Start = line.Start + group.Groups["t"].Index, Text = group.Groups["t"].Value });
                continue;
            }
            if (rows.Count == 0) continue;
            rows[^1].Pieces[^1].Add(line);
            rows[^1].Last = line;
        }
        return rows;
    }

    /// <summary>Whether a row's number follows the one before (any number opens the table, right under its header): "1" after a group row, "3" after "2" or "2.4", "2.1" after "2".</summary>
    private static bool RunsOn(string? previous, string number, bool afterGroup)
    {
        var parts = number.Split('.').Select(int.Parse).ToList();
        if (previous is null) return true;
        if (afterGroup && parts is [1]) return true;
        var before = previous.Split('.').Select(int.Parse).ToList();
        if (parts.Count == before.Count + 1 && parts[^1] == 1 && parts.Take(before.Count).SequenceEqual(before)) return true;
        if (parts.Count > before.Count) return false;
        return parts.Take(parts.Count - 1).SequenceEqual(before.Take(parts.Count - 1)) && parts[^1] == before[parts.Count - 1] + 1;
    }

    private static int Roman(string roman)
    {
        var values = roman.Select(c => c switch { 'I' => 1, 'V' => 5, 'X' => 10, _ => 50 }).ToList();
        return values.Select((v, k) => k + 1 < values.Count && values[k + 1] > v ? -v : v).Sum();
    }

    /// <summary>
    /// Cuts a piece of a row (its lines, or those after a page break) into the columns in order, each cell a run of lines,
    /// by dynamic programming over where each cell ends: the cut whose cells cost least. After a page break a piece goes on
    /// with the cells before it, and a cell is costed whole.
    /// </summary>
    private static void Cut(List<Line> piece, List<ScrambledRows.Kind> columns, string[] cells, bool first, int width, Func<string, bool> agencies)
    {
        var n = piece.Count;
        var k = columns.Count;
        var best = new double[k + 1, n + 1];
        var from = new int[k + 1, n + 1];
        for (var c = 0; c <= k; c++)
            for (var i = 0; i <= n; i++) best[c, i] = double.PositiveInfinity;
        best[0, 0] = 0;
        for (var c = 1; c <= k; c++)
            for (var i = 0; i <= n; i++)
                for (var j = 0; j <= i; j++)
                {
                    if (double.IsPositiveInfinity(best[c - 1, j])) continue;
                    var cost = best[c - 1, j] + Cost(columns[c - 1], cells[c - 1], piece, j, i, first, width, agencies);
                    if (cost < best[c, i]) (best[c, i], from[c, i]) = (cost, j);
                }
        var end = n;
        for (var c = k; c >= 1; c--)
        {
            var startAt = from[c, end];
            if (end > startAt) cells[c - 1] = (cells[c - 1] + " " + Join(piece.Skip(startAt).Take(end - startAt))).Trim();
            end = startAt;
        }
    }

    /// <summary>What it costs to read lines [from, to) of a piece as the column's cell (after <paramref name="before"/>, its lines before a page break).</summary>
    private static double Cost(ScrambledRows.Kind column, string before, List<Line> piece, int from, int to, bool first, int width, Func<string, bool> agencies)
    {
        if (from == to)
        {
            if (!first) return Cost(column, before, before.Length == 0, agencies);
            return column switch
            {
                ScrambledRows.Kind.Task => double.PositiveInfinity,
                ScrambledRows.Kind.Lead => 4,
                ScrambledRows.Kind.Time => 1.5,
                Other => 0.5,
                _ => 1,
            };
        }
        var lines = piece.GetRange(from, to - from);
        var cost = 0.0;
        if (column == ScrambledRows.Kind.Task)
        {
            cost += lines.Take(lines.Count - 1).Count(l => l.Text.Length < width * FullShare);
            // A task whose last line runs to the margin may well go on: the next line is likelier its end than another cell.
            if (lines[^1].Text.Length >= width * LastShare) cost += 0.3;
        }
        else
        {
            cost += lines.Count(l => l.Text.Length > width * NarrowShare);
            if (before.Length == 0 && char.IsLower(lines[0].Text[0])) cost += 2;
        }
        var cell = (before + " " + Join(lines)).Trim();
        return cost + Cost(column, cell, false, agencies);
    }

    /// <summary>What it costs to read a whole cell as the column's: its form, and an end that needs the next word.</summary>
    private static double Cost(ScrambledRows.Kind column, string cell, bool empty, Func<string, bool> agencies)
    {
        if (empty) return column == ScrambledRows.Kind.Lead ? 4 : 0;
        var cost = Continues(cell) ? 2.0 : 0;
        return cost + column switch
        {
            ScrambledRows.Kind.Lead or ScrambledRows.Kind.Coordinating => agencies(cell) ? 0 : 3,
            // A time is a few words: each word past three costs a little, so that a time does not take the words of the cell
            // before or after it ("2026" / "Nghị quyết số 66-NQ/TW", not "2026 Nghị quyết …").
            ScrambledRows.Kind.Time => (IsTime(cell) ? 0 : 3) + 0.1 * Math.Max(0, cell.Split(' ').Length - 3),
            ScrambledRows.Kind.Product or ScrambledRows.Kind.Value => IsTime(cell) || StartsAsAgency(cell) ? 1.5 : 0,
            _ => 0,
        };
    }

    /// <summary>A cell that ends on a word needing the next; "cơ quan ngang bộ" (a ministry-level body) ends an agency's name.</summary>
    private static bool Continues(string cell) =>
        cell[^1] is ',' or '-' or '–' or '(' || Paragraphs.EndsOnOpenWord(cell) && !cell.EndsWith("ngang bộ", StringComparison.OrdinalIgnoreCase);

    /// <summary>A cell of agencies: it opens as an agency's name does ("Các bộ", "Ủy ban nhân dân", "Bộ Tài chính"), or the directory names agencies in most of it.</summary>
    private static bool IsAgencies(string cell, AgencyDirectory directory)
    {
        if (cell.Length == 0) return false;
        if (StartsAsAgency(cell)) return true;
        var letters = cell.Count(char.IsLetter);
        return letters > 0 && directory.Mentions(cell).Sum(m => m.Text.Count(char.IsLetter)) * 2 >= letters;
    }

    private static bool StartsAsAgency(string cell) => ScrambledRows.AgencyStart().IsMatch(cell) || AgencyDirectory.LooksLikeAgency(cell);

    /// <summary>A time cell: short, opening as a time does ("Chính phủ phê duyệt Tháng 9/2026" is a result's end and a time), and a deadline the parser knows ("Thường xuyên", "Quý IV/2026", "2026-2030", "Hằng năm và từng giai đoạn").</summary>
    private static bool IsTime(string cell) =>
        cell.Length is > 0 and <= ScrambledRows.MaxValueLength && ScrambledRows.TimeStart().IsMatch(cell) && DeadlineParser.Parse(cell) is { Kind: not DeadlineKind.Unspecified };

    /// <summary>The rows as table paragraphs under a header <see cref="Imports.AssignmentTable"/> reads; a lead cell that names several bodies leads with the first, the others coordinate.</summary>
    private static List<Paragraph> Assemble(string text, List<(Row Row, string[] Cells)> rows, List<ScrambledRows.Kind> columns, AgencyDirectory directory)
    {
        var order = new[] { ScrambledRows.Kind.Task, ScrambledRows.Kind.Lead, ScrambledRows.Kind.Coordinating, ScrambledRows.Kind.Time, ScrambledRows.Kind.Product }
            .Where(k => k is ScrambledRows.Kind.Task or ScrambledRows.Kind.Lead or ScrambledRows.Kind.Coordinating || columns.Contains(k)).ToList();
        string Name(ScrambledRows.Kind k) => k switch
        {
            ScrambledRows.Kind.Task => "Nhiệm vụ", ScrambledRows.Kind.Lead => "Cơ quan chủ trì", ScrambledRows.Kind.Coordinating => "Cơ quan phối hợp",
            ScrambledRows.Kind.Time => "Thời gian thực hiện", _ => "Sản phẩm",
        };
        var firstRow = rows[0].Row.First;
        var result = new List<Paragraph> { new(firstRow.Start, firstRow.Start, "", IsTableRow: true, Cells: ["TT", .. order.Select(Name)]) };
        foreach (var (row, cells) in rows)
        {
            string Cell(ScrambledRows.Kind k) => columns.IndexOf(k) is var at and >= 0 && at < cells.Length ? cells[at] : "";
            var (lead, coordinating) = (Cell(ScrambledRows.Kind.Lead), Cell(ScrambledRows.Kind.Coordinating));
            var named = lead.Length > 0 && directory.Exactly(lead) is null ? directory.Mentions(lead) : new List<AgencyMention>();
            if (named.Count > 1)
                (lead, coordinating) = (named[0].Text, string.Join("; ", named.Skip(1).Select(m => m.Text).Append(coordinating).Where(c => c.Length > 0)));
            var values = row.IsGroup
                ? order.Select(k => k == ScrambledRows.Kind.Task ? cells[0] : "").ToList()
                : order.Select(k => k switch { ScrambledRows.Kind.Lead => lead, ScrambledRows.Kind.Coordinating => coordinating, _ => Cell(k) }).ToList();
            var (s, e) = (row.First.Start, Math.Max(row.First.End, row.Last.End));
            result.Add(new Paragraph(s, e, text[s..e].Replace('\n', ' '), IsTableRow: true, Cells: [row.Number, .. values]));
        }
        return result;
    }

    private static string Join(IEnumerable<Line> lines) => Spaces().Replace(string.Join(' ', lines.Select(l => l.Text)), " ").Trim();

    /// <summary>The header's number column: "TT", "STT", "Số TT".</summary>
    [GeneratedRegex(@"^(S\s*TT|TT|Số\s+TT|Số\s+thứ\s+tự)\.?$", RegexOptions.IgnoreCase)] private static partial Regex NumberHeader();
    /// <summary>A row's number alone, or before its task's first words: "1.", "12", "2.1", "16  Tiếp tục …".</summary>
    [GeneratedRegex(@"^(?<n>\d{1,2}(?:\.\d{1,2}){0,2})\.?(?:\s+(?<t>\p{Lu}.*))?$")] private static partial Regex RowStart();
    /// <summary>A group row: "I", "II.", "III Tiếp tục sắp xếp …", "IV. NHIỆM VỤ …".</summary>
    [GeneratedRegex(@"^(?<n>[IVXL]{1,5})\.?(?:\s+(?<t>\p{Lu}.*))?$")] private static partial Regex GroupStart();
    [GeneratedRegex(@"^\d{1,4}$")] private static partial Regex PageNumber();
    [GeneratedRegex(@"^[-–_=.…\s]{3,}$")] private static partial Regex Rule();
    [GeneratedRegex(@"\s{2,}")] private static partial Regex Spaces();
    /// <summary>What follows a table: the recipients, the signature, another appendix, a note under it.</summary>
    [GeneratedRegex(@"^\W*(Nơi nhận|TM\.|KT\.|TL\.|Ghi chú\s*:)", RegexOptions.IgnoreCase)] private static partial Regex Ends();
}
