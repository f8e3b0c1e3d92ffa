using System.Text.RegularExpressions;
using PlanTracker.Core.Common;

namespace PlanTracker.Core.Drafting;

/// <summary>
/// Puts back together the rows of an appendix table that a PDF's text layer (or a copy out of a PDF viewer) gave one cell
/// per line with no pipe header: "TT / Nội dung / Mục tiêu / 1 / 2 / … / Tỷ lệ che phủ rừng / 60% / Cơ quan, tổ chức đảng
/// chủ trì / Đảng ủy UBND tỉnh / Đồng chí … / 13 / …". Each cell is told by its own form which column it belongs to: the
/// header's cells by their names (<see cref="Column"/>), a row's number or a page number by being a number alone, a group
/// row by its Roman number ("II.1 Hoàn thiện thể chế …"), a time by its opening ("Trước ngày …", "2026 - 2030", "Quý III"),
/// a target value ("Tối thiểu 2%", "&lt;30%", "01 khu"), an agency ("Đảng ủy …", "Sở …", "UBND …"), a person ("Đồng chí …",
/// "Thủ trưởng …"), and the rest are tasks. The text layer keeps each column's cells in their order down the page even when
/// it gives the columns one after another, so the k-th cell of a column belongs to the k-th task (column order); when every
/// task is followed by its own cells only, each cell goes to the task before it (row order, as a viewer's copy gives it).
/// Either reading must account for every cell; otherwise nothing is rebuilt and <see cref="ScrambledTables"/> drops the
/// table with a note. Persons name no agency and are dropped; a table with a coordinating column is rebuilt in row order
/// only (column order cannot tell a lead's cell from a coordinating one).
/// </summary>
internal static partial class ScrambledRows
{
    internal enum Kind { Number, Task, Lead, Coordinating, Person, Time, Value, Product }

    private sealed record Cell(Kind Kind, int Start, int End, string Text, bool IsGroup = false, string Label = "");

    private sealed record Line(int Start, int End, string Text, bool BlankBefore);

    /// <summary>The table's rows (a header first) from the source between <paramref name="start"/> and <paramref name="end"/>, or null.</summary>
    public static List<Paragraph>? Rebuild(string text, int start, int end)
    {
        var blocks = Blocks(text, start, end);
        var columns = new HashSet<Kind>();
        var cells = new List<Cell>();
        // Header cells first, wherever they come (the text layer gives some after the first rows); the rest are data.
        var data = new List<List<Line>>();
        foreach (var block in blocks)
        {
            // A header cell is a few lines: each is read from a short window, so that a block of many header-like lines costs
            // linear time, not a copy of the block per cell.
            var first = 0;
            while (first < block.Count && HeaderLength(block.GetRange(first, Math.Min(HeaderWindow, block.Count - first))) is var (n, kind) && n > 0)
            {
                columns.Add(kind);
                first += n;
            }
            if (first < block.Count) data.Add(block.GetRange(first, block.Count - first));
        }
        if (!columns.Contains(Kind.Task) || !columns.Contains(Kind.Lead) || columns.Count > 0 && data.Count == 0) return null;
        foreach (var block in data)
            foreach (var cell in Classify(block, columns, cells)) cells.Add(cell);
        if (cells.Count(c => c.Kind == Kind.Task && !c.IsGroup) < 2) return null;
        // Two tasks run together are split only when the cells do not add up otherwise.
        var rows = ByRows(cells, columns) ?? ByColumns(cells, columns);
        if (rows is null && SplitByOpening(cells) is { } split) rows = ByRows(split, columns) ?? ByColumns(split, columns);
        return rows is null ? null : Assemble(text, rows, columns);
    }

    /// <summary>Runs of non-blank lines, captions and rules dropped.</summary>
    private static List<List<Line>> Blocks(string text, int start, int end)
    {
        var blocks = new List<List<Line>>();
        var at = start;
        var blank = true;
        var caption = true;
        while (at < end)
        {
            var next = text.IndexOf('\n', at);
            if (next < 0 || next > end) next = end;
            var (s, e) = (at, next);
            while (s < e && char.IsWhiteSpace(text[s])) s++;
            while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
            at = next + 1;
            if (e == s || Rule().IsMatch(text[s..e]) || CaptionNote().IsMatch(text[s..e]))
            {
                blank = true;
                continue;
            }
            var line = new Line(s, e, text[s..e], blank);
            // The appendix's title in capitals and its "(Kèm theo …)" note come before the table.
            if (caption && !line.Text.Any(char.IsLower) && !NumberAlone().IsMatch(line.Text) && Column(TextKey.Fold(line.Text)) is null) continue;
            caption = false;
            if (blank || blocks.Count == 0) blocks.Add([line]);
            else blocks[^1].Add(line);
            blank = false;
        }
        return blocks;
    }

    /// <summary>
    /// The block's first lines that are a header cell, and its column: the fewest lines that name a column ("Cơ quan, / tổ chức
    /// / đảng / chủ trì"), with the lines after them that still read as the same name and name no column of their own
    /// ("Thời hạn / thực hiện / (*)"), so that "Đơn vị chủ trì / Đơn vị phối hợp" are two cells.
    /// </summary>
    private const int HeaderWindow = 12;

    private static (int Lines, Kind Kind) HeaderLength(List<Line> block)
    {
        string Prefix(int n) => TextKey.Fold(string.Join(' ', block.Take(n).Select(l => l.Text)));
        for (var n = 1; n <= Math.Min(block.Count, 6); n++)
        {
            if (Column(Prefix(n)) is not { } kind) continue;
            while (n < block.Count && Column(TextKey.Fold(block[n].Text)) is null && Column(Prefix(n + 1)) == kind) n++;
            return (n, kind);
        }
        return (0, Kind.Number);
    }

    /// <summary>A header cell's column by its (folded) name: "TT", "Nhiệm vụ cụ thể", "Cơ quan, tổ chức đảng chủ trì", "Đơn vị phối hợp", "Cá nhân phụ trách chỉ đạo", "Thời hạn thực hiện (*)", "Mục tiêu", "Sản phẩm".</summary>
    internal static Kind? Column(string folded)
    {
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || words.Length > 10) return null;
        if (folded is "tt" or "stt" or "so tt" or "so thu tu") return Kind.Number;
        if (TaskHeader().IsMatch(folded) && words.Length <= 6) return Kind.Task;
        if (PersonHeader().IsMatch(folded)) return Kind.Person;
        if (words.Length <= 8 && (folded.StartsWith("co quan", StringComparison.Ordinal) || folded.StartsWith("don vi", StringComparison.Ordinal)
            || folded.StartsWith("cac co quan", StringComparison.Ordinal) || folded.StartsWith("so nganh", StringComparison.Ordinal)))
        {
            if (folded.Contains("phoi hop", StringComparison.Ordinal)) return Kind.Coordinating;
            if (LeadHeaderEnd().IsMatch(folded)) return Kind.Lead;
            return null;
        }
        if (TimeHeader().IsMatch(folded) && words.Length <= 7) return Kind.Time;
        if (folded is "muc tieu" or "chi tieu dat" or "gia tri" or "muc phan dau" || ValueHeader().IsMatch(folded)) return Kind.Value;
        if (ProductHeader().IsMatch(folded) && words.Length <= 6) return Kind.Product;
        return null;
    }

    /// <summary>The longest cell read as a value: "Tối thiểu 2%/năm trong tổng chi" is far shorter.</summary>
    internal const int MaxValueLength = 60;

    /// <summary>A block's cells: its kind from its first line; a task that a page break cut goes on with the task before.</summary>
    private static IEnumerable<Cell> Classify(List<Line> block, HashSet<Kind> columns, List<Cell> before)
    {
        var i = 0;
        while (i < block.Count)
        {
            var line = block[i];
            if (NumberAlone().IsMatch(line.Text))
            {
                yield return new Cell(Kind.Number, line.Start, line.End, line.Text);
                i++;
                continue;
            }
            if (GroupRow().Match(line.Text) is { Success: true } group)
            {
                var label = group.Groups[1].Value;
                var j = i + 1;
                while (j < block.Count && char.IsLower(block[j].Text[0])) j++;
                // The whole label ("II.1"): the table nests it under its section II, wherever the text layer put the row.
                yield return new Cell(Kind.Task, line.Start, block[j - 1].End, (group.Groups[2].Value + " " + Join(block, i + 1, j)).Trim(), IsGroup: true, Label: label);
                i = j;
                continue;
            }
            var kind = KindOf(line.Text, columns);
            var end = i + 1;
            if (kind == Kind.Task)
            {
                // A task's lines up to the block's end; a block that opens in lower case goes on with the task a page break cut,
                // up to its first line in capitals, which opens the next task.
                if (char.IsLower(line.Text[0]) && before.LastOrDefault(c => c.Kind == Kind.Task && !c.IsGroup) is { } cut)
                {
                    while (end < block.Count && !char.IsUpper(block[end].Text[0])) end++;
                    before[before.IndexOf(cut)] = cut with { Text = cut.Text + " " + Join(block, i, end) };
                    i = end;
                    continue;
                }
                while (end < block.Count && !OpensAfterTask(block[end - 1].Text, block[end].Text, columns)) end++;
            }
            else
                while (end < block.Count && !Opens(kind, block[end - 1].Text, block[end].Text, columns)) end++;
            var cellText = Join(block, i, end);
            if (kind == Kind.Task && InlineNumber().Match(cellText) is { Success: true } number) cellText = cellText[number.Length..];
            yield return new Cell(kind, line.Start, block[end - 1].End, cellText);
            i = end;
        }
    }

    /// <summary>
    /// Whether a line inside a block opens another cell: a number alone, another person ("Đồng chí …"), a time or value after
    /// another column's cell, an agency after a time or value. Otherwise it goes on with the cell: "Đảng ủy / UBND / tỉnh",
    /// "Trước ngày / 15/10/2026", "Đồng chí Phan Trung Bá - / Tỉnh ủy viên, Phó Chủ / tịch UBND tỉnh".
    /// </summary>
    private static bool Opens(Kind cell, string previous, string line, HashSet<Kind> columns)
    {
        if (NumberAlone().IsMatch(line) || columns.Contains(Kind.Person) && PersonOpening().IsMatch(line)) return true;
        var kind = KindOf(line, columns);
        // With a coordinating column a viewer's copy gives the lead and the coordinating bodies on lines of their own.
        if (kind == Kind.Lead && cell == Kind.Lead && columns.Contains(Kind.Coordinating)) return !Continues(previous);
        return kind is Kind.Time or Kind.Value && kind != cell || kind == Kind.Lead && cell is not (Kind.Lead or Kind.Person)
            || kind == Kind.Product && cell != Kind.Product;
    }

    /// <summary>A line that does not end its cell: after a comma, a dash or a word such as "và", "của".</summary>
    private static bool Continues(string line) =>
        line[^1] is ',' or '-' or '–' || Paragraphs.EndsOnOpenWord(line);

    /// <summary>
    /// Whether a line inside a task's block opens another cell (a viewer's copy gives a row's cells on the lines after its task):
    /// a number alone, or a whole short cell of another column after a line that does not go on ("… của tỉnh / Sở Nội vụ /
    /// Quí III/2026"); not "… của / Ban Chấp hành Trung ương …" nor "… giai đoạn / 2031 - 2040, tầm nhìn đến năm 2060 …".
    /// </summary>
    private static bool OpensAfterTask(string previous, string line, HashSet<Kind> columns)
    {
        if (NumberAlone().IsMatch(line)) return true;
        var kind = KindOf(line, columns);
        if (kind == Kind.Task || Continues(previous)) return false;
        return kind switch
        {
            Kind.Person => PersonOpening().IsMatch(line),
            Kind.Time => line.Length <= 30,
            Kind.Value => line.Length <= 25,
            _ => line.Length <= 60,
        };
    }

    private static Kind KindOf(string line, HashSet<Kind> columns)
    {
        if (columns.Contains(Kind.Person) && PersonStart().IsMatch(line)) return Kind.Person;
        // A value is a few words ("Tối thiểu 2%"); the length check also keeps ValueStart's optional parts off long lines.
        var value = columns.Contains(Kind.Value) && line.Length <= MaxValueLength && ValueStart().IsMatch(line);
        if (columns.Contains(Kind.Time) && TimeStart().IsMatch(line) && !value) return Kind.Time;
        if (value) return Kind.Value;
        if (AgencyStart().IsMatch(line) && line.Length <= 120) return Kind.Lead;
        if (columns.Contains(Kind.Product) && ProductStart().IsMatch(line) && line.Length <= 80) return Kind.Product;
        return Kind.Task;
    }

    /// <summary>
    /// Two task cells the text layer ran together ("Tỷ lệ … thu gom, xử lý / Tỷ lệ chất thải rắn …"): a line inside a task that
    /// opens with the two words most of the table's tasks open with starts another task.
    /// </summary>
    private static List<Cell>? SplitByOpening(List<Cell> cells)
    {
        var tasks = cells.Where(c => c.Kind == Kind.Task && !c.IsGroup).ToList();
        var opening = tasks.Select(c => Opening(c.Text)).GroupBy(o => o).Where(g => g.Key.Length > 0 && g.Count() >= 3)
            .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
        if (opening is null) return null;
        var split = new List<Cell>();
        foreach (var c in cells)
        {
            if (c.Kind != Kind.Task || c.IsGroup)
            {
                split.Add(c);
                continue;
            }
            var at = c.Text.IndexOf(" " + opening + " ", 1, StringComparison.Ordinal);
            if (at > 0 && c.Text.IndexOf(opening, StringComparison.Ordinal) == 0)
            {
                split.Add(c with { Text = c.Text[..at] });
                split.Add(c with { Text = c.Text[(at + 1)..] });
            }
            else split.Add(c);
        }
        return split;
    }

    private static string Opening(string text)
    {
        var words = text.Split(' ', 3);
        return words.Length >= 3 && char.IsUpper(words[0][0]) ? words[0] + " " + words[1] : "";
    }

    private sealed record Row(Cell Task, List<Cell> Cells);

    /// <summary>Row order: each cell belongs to the task before it; every task has its cells, no column twice.</summary>
    private static List<Row>? ByRows(List<Cell> cells, HashSet<Kind> columns)
    {
        var rows = new List<Row>();
        foreach (var c in cells.Where(c => c.Kind is not (Kind.Number or Kind.Person)))
        {
            if (c.Kind == Kind.Task) rows.Add(new Row(c, []));
            else if (rows.Count == 0 || rows[^1].Task.IsGroup) return null;
            else rows[^1].Cells.Add(c);
        }
        foreach (var row in rows.Where(r => !r.Task.IsGroup))
        {
            var agencies = row.Cells.Count(c => c.Kind == Kind.Lead);
            if (agencies == 0 || agencies > (columns.Contains(Kind.Coordinating) ? 2 : 1)) return null;
            if (row.Cells.GroupBy(c => c.Kind).Any(g => g.Key != Kind.Lead && g.Count() > 1)) return null;
            var second = row.Cells.Where(c => c.Kind == Kind.Lead).Skip(1).FirstOrDefault();
            if (second is not null) row.Cells[row.Cells.IndexOf(second)] = second with { Kind = Kind.Coordinating };
        }
        return rows;
    }

    /// <summary>Column order: the k-th cell of each column belongs to the k-th task; each column must have one cell for every task.</summary>
    private static List<Row>? ByColumns(List<Cell> cells, HashSet<Kind> columns)
    {
        if (columns.Contains(Kind.Coordinating)) return null;
        var rows = cells.Where(c => c.Kind == Kind.Task).Select(c => new Row(c, [])).ToList();
        var tasks = rows.Where(r => !r.Task.IsGroup).ToList();
        foreach (var kind in new[] { Kind.Lead, Kind.Time, Kind.Value, Kind.Product })
        {
            var column = cells.Where(c => c.Kind == kind).ToList();
            if (column.Count == 0 && kind != Kind.Lead) continue;
            if (column.Count != tasks.Count) return null;
            for (var k = 0; k < column.Count; k++) tasks[k].Cells.Add(column[k]);
        }
        return rows;
    }

    /// <summary>The rows as table paragraphs under a header <see cref="Imports.AssignmentTable"/> reads; a row's text is its task's source.</summary>
    private static List<Paragraph> Assemble(string text, List<Row> rows, HashSet<Kind> columns)
    {
        var order = new[] { Kind.Number, Kind.Task, Kind.Lead, Kind.Coordinating, Kind.Time, Kind.Value, Kind.Product }
            .Where(k => k is Kind.Number or Kind.Task or Kind.Lead || columns.Contains(k)).ToList();
        string Name(Kind k) => k switch
        {
            Kind.Number => "TT", Kind.Task => "Nhiệm vụ", Kind.Lead => "Cơ quan chủ trì", Kind.Coordinating => "Cơ quan phối hợp",
            Kind.Time => "Thời gian thực hiện", Kind.Value => "Mục tiêu", _ => "Sản phẩm",
        };
        var first = rows[0].Task;
        var result = new List<Paragraph> { new(first.Start, first.Start, "", IsTableRow: true, Cells: order.Select(Name).ToList()) };
        foreach (var row in rows)
        {
            var cells = order.Select(k => k switch
            {
                Kind.Number => row.Task.Label,
                Kind.Task => row.Task.Text,
                _ => string.Join("; ", row.Cells.Where(c => c.Kind == k).Select(c => c.Text)),
            }).ToList();
            result.Add(new Paragraph(row.Task.Start, row.Task.End, text[row.Task.Start..row.Task.End].Replace('\n', ' '), IsTableRow: true, Cells: cells));
        }
        return result;
    }

    private static string Join(List<Line> block, int from, int to) =>
        Spaces().Replace(string.Join(' ', block.Skip(from).Take(to - from).Select(l => l.Text)), " ").Trim();

    [GeneratedRegex(@"^(nhiem vu|noi dung|ten nhiem vu|hoat dong|ten hoat dong|ten chi tieu|chi tieu|danh muc|ten de an|cong viec)\b")] private static partial Regex TaskHeader();
    [GeneratedRegex(@"^(ca nhan|lanh dao|nguoi|dong chi)\b.*\b(phu trach|chi dao|theo doi)\b")] private static partial Regex PersonHeader();
    [GeneratedRegex(@"^(thoi han|thoi gian|tien do|moc thoi gian|nam hoan thanh|thoi diem)\b")] private static partial Regex TimeHeader();
    [GeneratedRegex(@"^(muc tieu|chi tieu|gia tri)\b.{0,30}\b(nam \d{4}|dat|chu yeu)$")] private static partial Regex ValueHeader();
    [GeneratedRegex(@"^(san pham|ket qua|dau ra)\b")] private static partial Regex ProductHeader();
    /// <summary>"… chủ trì", "… chủ trì thực hiện", "Cơ quan thực hiện", "Đơn vị tham mưu".</summary>
    [GeneratedRegex(@"\b(chu tri( thuc hien| tham muu)?|thuc hien|tham muu)$")] private static partial Regex LeadHeaderEnd();

    [GeneratedRegex(@"^[-–_=.…\s]{3,}$")] private static partial Regex Rule();
    [GeneratedRegex(@"^\(?\s*(Kèm theo|Ban hành kèm theo)\b|^của\b.*\)$")] private static partial Regex CaptionNote();
    [GeneratedRegex(@"\s{2,}")] private static partial Regex Spaces();
    /// <summary>A row's number or a page number alone: "7", "1.2", "12.".</summary>
    [GeneratedRegex(@"^\d{1,3}(\.\d{1,2}){0,2}\.?$")] private static partial Regex NumberAlone();
    /// <summary>"I Các nhiệm vụ cần làm ngay", "II.1 Hoàn thiện thể chế", "A. NHIỆM VỤ TRỌNG TÂM".</summary>
    [GeneratedRegex(@"^([IVXL]{1,5}(?:\.\d{1,2})*|[A-ZĐ])[.)]?\s+(\p{Lu}.*)$")] private static partial Regex GroupRow();
    /// <summary>A row number printed on the task's first line: "7 Tỷ lệ che phủ rừng", "1.2. Xây dựng …".</summary>
    [GeneratedRegex(@"^\d{1,3}(\.\d{1,2}){0,2}\.?\s+(?=\p{Lu})")] private static partial Regex InlineNumber();
    [GeneratedRegex(@"^(Đồng chí|Đ/c|Ông|Bà)\s")] private static partial Regex PersonOpening();
    [GeneratedRegex(@"^(Đồng chí|Đ/c|Ông|Bà|Thủ trưởng|Lãnh đạo|Chủ tịch|Phó Chủ tịch|Bí thư|Phó Bí thư|Giám đốc|Trưởng ban)\b")] private static partial Regex PersonStart();
    /// <summary>"Trước ngày 15/10/2026", "2026 - 2030", "Quý III/2026", "Quí IV", "Năm 2027", "Tháng 6/2026", "Hằng năm", "Thường xuyên".</summary>
    [GeneratedRegex(@"^(Trước|Trong|Từ|Đến|Chậm nhất|Năm|Quý|Quí|Tháng|Hằng|Hàng|Thường xuyên|Định kỳ|Giai đoạn|Sau|\d{4}\b|\d{1,2}/\d{4}\b|\d{1,2}/\d{1,2}/\d{4})")]
    internal static partial Regex TimeStart();
    /// <summary>A target's value: "Tối thiểu 2%", "&lt;30%", "≥ 95%", "01 khu", "1,0-1,5%", "&gt;25", "100%".</summary>
    [GeneratedRegex(@"^(Tối thiểu|Tối đa|Ít nhất|Trên|Dưới|Khoảng|Đạt|[<>≥≤]=?)?\s*(\d[\d.,]*\s*([-–]\s*\d[\d.,]*)?\s*(%|[\p{L}/²]+)|[<>≥≤]\s*\d[\d.,]*)\s*$|^(Tối thiểu|Tối đa|Ít nhất|Trên|Dưới|Khoảng)$")]
    private static partial Regex ValueStart();
    /// <summary>The bodies that lead or coordinate: "Đảng ủy UBND tỉnh", "Các cấp ủy, tổ chức đảng", "Sở Tài chính", "UBND các xã"; not a task that opens with such a word ("Ban hành …", "Hội nghị …", "Bộ máy …").</summary>
    [GeneratedRegex(@"^(?!Ban hành|Ban bố|Hội nghị|Hội thảo|Hội thi|Bộ máy|Bộ tiêu chí|Bộ chỉ số|Bộ dữ liệu|Đoàn kết|Sở hữu)(Đảng ủy|Đảng uỷ|Đảng đoàn|Ban cán sự|Các cấp ủy|Cấp ủy|Tỉnh ủy|Tỉnh uỷ|Thành ủy|UBND|Ủy ban|Uỷ ban|HĐND|Hội đồng nhân dân|Sở|Các sở|Bộ|Các bộ|Ban|Các ban|Văn phòng|Công an|Bộ Chỉ huy|Cục|Chi cục|Mặt trận|Ủy ban Mặt trận|Liên đoàn|Hội|Các hội|Đoàn|Tỉnh đoàn|Cơ quan|Các cơ quan|Đơn vị|Các đơn vị|Viện|Kho bạc|Thuế|Ngân hàng|Bảo hiểm|Trung tâm|Các địa phương|Địa phương|Các xã|Các huyện|Doanh nghiệp|Các doanh nghiệp)\b")]
    internal static partial Regex AgencyStart();
    /// <summary>A product: "Kế hoạch của UBND tỉnh", "Quyết định phê duyệt", "Báo cáo".</summary>
    [GeneratedRegex(@"^(Kế hoạch|Quyết định|Báo cáo|Đề án|Chương trình|Văn bản|Công văn|Nghị quyết|Chỉ thị|Hướng dẫn|Thông báo|Tờ trình|Hệ thống|Cơ sở dữ liệu|Quy chế|Quy định|Hồ sơ|Danh mục|Dự thảo)\b")]
    private static partial Regex ProductStart();
}
