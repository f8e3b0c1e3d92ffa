using System.Text.RegularExpressions;

namespace PlanTracker.Core.Drafting;

/// <summary>
/// A table copied out of Word or a PDF one cell per line under its header row, the header's last cells on lines of
/// their own when the row had no room: "| TT | Nội dung hoạt động | Cơ quan chủ trì | Cơ quan phối hợp |" / "Thời gian
/// thực hiện" / "1" / "Tổ chức tuyên truyền …" / "a)" / "Tổ chức Hội nghị …" / "Cục Lâm nghiệp và Kiểm lâm" / "Vụ Pháp
/// chế; …" / "Quý III, IV/2026" / "b)" …. A line holding only a row's number ("1", "a)", "II") opens a row and the lines
/// up to the next such line are its cells, in the header's order. A row with fewer cells is a group row (its number
/// and title); the lettered rows after a numbered one are its sub-rows ("a)" under "1" is "1.a"). A row with more cells
/// was cut by a page break: the cells past the last column go on with the columns from the task's on ("… thẩm định" /
/// "Viện …, Cục" / … / "kết quả giảm phát thải; …" / "Lâm nghiệp và Kiểm lâm").
/// Not read: a header written one cell per line too, and a cell that is only a small number (it reads as a row's number).
/// </summary>
internal static partial class CellLines
{
    /// <summary>Header cells that may follow the pipe header on lines of their own.</summary>
    private const int MaxHeaderOverflow = 3;

    /// <summary>The rows read from the header row at <paramref name="at"/>, and the index of the first line after them; null when the lines after the header are no such table.</summary>
    public static (List<Paragraph> Rows, int Next)? Read(IReadOnlyList<Paragraphs.Line> lines, int at, string text)
    {
        var header = lines[at];
        var columns = PipeCells(header.Text);
        var headerCells = columns.Count;
        if (columns.Count < 3 || !columns.Any(c => Tokens.Fold(c).Contains("chu tri", StringComparison.Ordinal))) return null;
        var i = at + 1;
        while (i < lines.Count && lines[i].IsTableRow && PipeCells(lines[i].Text).All(c => c.Trim(':', '-', ' ').Length == 0)) i++;
        while (i < lines.Count && !lines[i].IsTableRow && !RowNumber().IsMatch(lines[i].Text) && columns.Count < headerCells + MaxHeaderOverflow)
            columns.Add(lines[i++].Text);
        var rows = new List<Paragraph> { new(header.Start, header.End, header.Text, IsTableRow: true, Cells: columns) };
        string? parent = null;
        var widest = lines.Skip(i).Where(l => !l.IsTableRow).Select(l => l.Text.Length).DefaultIfEmpty(0).Max();
        while (i < lines.Count && !lines[i].IsTableRow && RowNumber().IsMatch(lines[i].Text))
        {
            var start = i++;
            var cells = new List<string> { lines[start].Text };
            for (; i < lines.Count && !lines[i].IsTableRow && !RowNumber().IsMatch(lines[i].Text) && !Ends().IsMatch(lines[i].Text); i++)
            {
                // A cell a PDF viewer wrapped: the line above ran to the widest line's margin and this one goes on in lower
                // case ("… về lâm nghiệp ở" / "trung ương, địa phương."). A page break's cut cells start lower case too, but
                // after a cell that ends short.
                if (cells.Count > 1 && char.IsLower(lines[i].Text[0]) && lines[i - 1].Text.Length * 10 >= widest * 9) cells[^1] += " " + lines[i].Text;
                else cells.Add(lines[i].Text);
            }
            var number = cells[0];
            if (char.IsDigit(number[0])) parent = number.TrimEnd('.', ')');
            else if (char.IsLower(number[0]) && parent is not null) cells[0] = parent + "." + number;
            rows.Add(new Paragraph(lines[start].Start, lines[i - 1].End, text[lines[start].Start..lines[i - 1].End].Replace('\n', ' '), IsTableRow: true,
                Cells: Fit(cells, columns.Count)));
            if (i < lines.Count && Ends().IsMatch(lines[i].Text)) break;
        }
        return rows.Count >= 3 ? (rows, i) : null;
    }

    /// <summary>A row cut by a page break: the cells past the last column go on with the columns from the second (the task's) on.</summary>
    private static List<string> Fit(List<string> cells, int columns)
    {
        var fitted = cells.Take(columns).ToList();
        for (var j = columns; j < cells.Count && 1 + j - columns < columns; j++) fitted[1 + j - columns] += " " + cells[j];
        return fitted;
    }

    /// <summary>A pipe row's cells, bold markers dropped (also <see cref="AppendixTables"/>'s).</summary>
    internal static List<string> PipeCells(string row) => row.Trim().Trim('|').Split('|').Select(c => c.Replace("**", "").Trim()).ToList();

    /// <summary>A row's number alone on its line: "1", "2.1", "II", "a)", "đ)".</summary>
    [GeneratedRegex(@"^(\d{1,2}(\.\d{1,2}){0,3}\.?|[IVXL]{1,5}\.?|[a-zđ]\))$")] private static partial Regex RowNumber();
    /// <summary>What follows a table: the recipients, the signature, another appendix.</summary>
    [GeneratedRegex(@"^\W*(Nơi nhận|PHỤ LỤC|TM\.|KT\.|TL\.)", RegexOptions.IgnoreCase)] private static partial Regex Ends();
}
