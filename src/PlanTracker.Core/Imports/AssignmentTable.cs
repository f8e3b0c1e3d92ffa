using PlanTracker.Core.Common;

namespace PlanTracker.Core.Imports;

/// <summary>
/// An appendix assignment table (Phụ lục): STT / Nhiệm vụ / Cơ quan chủ trì / Cơ quan phối hợp /
/// Thời gian hoàn thành, under the names real plans give these columns.
/// </summary>
public static partial class AssignmentTable
{
    /// <param name="Group">The row's cell in a group column ("Nhóm hoạt động" beside "Hoạt động"), when the table has one.</param>
    /// <param name="Unit">The unit column of an indicator table ("Đơn vị": "%", "Doanh nghiệp", "Thứ bậc").</param>
    /// <param name="Value">The value or result column ("Kết quả", "Chỉ tiêu đạt", "Đầu ra chủ yếu": "≥ 55", "Ít nhất 10 cơ sở").</param>
    public sealed record Row(int Line, string Number, string Task, string Lead, IReadOnlyList<string> Coordinating, string Deadline, string Group = "",
        string Unit = "", string Value = "");

    private static readonly string[] NumberNames = ["stt", "tt", "so tt", "so thu tu"];
    private static readonly string[] TaskNames = ["nhiem vu", "noi dung", "noi dung nhiem vu", "ten nhiem vu", "nhiem vu giai phap", "noi dung cong viec",
        "nhiem vu va giai phap", "hoat dong", "ten hoat dong", "noi dung hoat dong", "chi tieu", "ten chi tieu"];
    private static readonly string[] UnitNames = ["don vi", "don vi tinh", "dvt"];
    private static readonly string[] ValueNames = ["ket qua", "ket qua dat duoc", "chi tieu dat", "muc tieu", "gia tri", "san pham", "ket qua san pham",
        "dau ra", "dau ra chu yeu", "ket qua dau ra", "san pham dau ra"];
    /// <summary>A column grouping the task column's rows ("Nhóm hoạt động | Hoạt động", "Nhóm nhiệm vụ | Nhiệm vụ").</summary>
    private static readonly string[] GroupNames = ["nhom hoat dong", "nhom nhiem vu"];
    private static readonly string[] LeadNames = ["co quan chu tri", "don vi chu tri", "chu tri", "co quan don vi chu tri"];
    /// <summary>
    /// "Cơ quan chịu trách nhiệm quản lý nhà nước" beside "Đơn vị chủ trì": who answers for a row; it leads the rows
    /// whose lead cell is empty ("Phê duyệt nhiệm vụ lập quy hoạch | Thủ tướng Chính phủ | | ").
    /// </summary>
    private static readonly string[] ResponsibleNames = ["co quan chiu trach nhiem", "don vi chiu trach nhiem", "chiu trach nhiem"];
    private static readonly string[] CoordinatingNames = ["co quan phoi hop", "don vi phoi hop", "phoi hop", "co quan don vi phoi hop"];
    private static readonly string[] DeadlineNames = ["thoi gian hoan thanh", "thoi han", "thoi han hoan thanh", "thoi gian thuc hien", "tien do", "tien do thuc hien",
        "thoi gian", "thoi gian trinh", "thoi han trinh"];

    public static List<Row> Parse(List<string[]> table)
    {
        var headerAt = table.FindIndex(r => Find(r, TaskNames) >= 0 && Lead(r) >= 0);
        var header = headerAt >= 0 ? table[headerAt] : null;
        // A header on two rows ("Nội dung công việc | Thực hiện" over "| | Đơn vị chủ trì | Đơn vị phối hợp"): the lower row's
        // cells name the columns they stand over, the upper row's the others.
        if (header is null && table.FindIndex(r => Find(r, TaskNames) >= 0) is var upper and >= 0 && upper + 1 < table.Count
            && Lead(table[upper + 1]) >= 0)
        {
            var (top, bottom) = (table[upper], table[upper + 1]);
            header = Enumerable.Range(0, Math.Max(top.Length, bottom.Length))
                .Select(c => c < bottom.Length && bottom[c].Trim().Length > 0 ? bottom[c] : c < top.Length ? top[c] : "").ToArray();
            headerAt = upper + 1;
        }
        if (header is null)
            throw new RuleViolationException("file", Wording.Pick("Không tìm thấy dòng tiêu đề: bảng cần có ít nhất các cột 'Nhiệm vụ' và 'Cơ quan chủ trì'.", "No header row found: the table needs at least the columns 'Nhiệm vụ' and 'Cơ quan chủ trì'."));
        var (number, task, lead, coordinating, deadline) =
            (Find(header, NumberNames), Find(header, TaskNames), Lead(header), Find(header, CoordinatingNames), Find(header, DeadlineNames));
        var group = Find(header, GroupNames) is var g && g != task ? g : -1;
        var responsible = Find(header, ResponsibleNames) is var r && r != lead ? r : -1;
        var (unit, value) = (Find(header, UnitNames) is var u && u != lead && u != coordinating ? u : -1, Find(header, ValueNames));
        var rows = new List<Row>();
        for (var i = headerAt + 1; i < table.Count; i++)
        {
            var cells = table[i];
            string Cell(int column) => column >= 0 && column < cells.Length ? cells[column].Trim() : "";
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            // A markdown separator row ("| --- | :---: |") carries nothing.
            if (cells.All(c => c.Trim().Trim(':').Trim('-').Length == 0)) continue;
            // The header repeated at the top of the next page, and a row numbering the columns ("1 | 2 | 3 | 4"), carry no task.
            if (cells.Select(TextKey.Fold).SequenceEqual(table[headerAt].Select(TextKey.Fold)) || ColumnNumbers(cells)) continue;
            // A numbering row under the header ("(1) (2) (3)") carries no task.
            if (Cell(task) is var text && (text.Length == 0 && Cell(group).Length == 0 || text.StartsWith('(') && text.EndsWith(')') && text.Length <= 4)) continue;
            // With no number column, the time column holds the numbering of group rows ("| I | GIAI ĐOẠN 1 … |").
            var (label, time) = (Cell(number), Cell(deadline));
            if (number < 0 && Numbering().IsMatch(time)) (label, time) = (time, "");
            var leadCell = Cell(lead) is { Length: > 0 } named ? named : Cell(responsible);
            rows.Add(new Row(i + 1, label, Cell(task), leadCell, SplitLists(Cell(coordinating)), time, Cell(group), Cell(unit), Cell(value)));
        }
        return rows;
    }

    private static bool ColumnNumbers(string[] cells)
    {
        var filled = cells.Select(c => c.Trim()).Where(c => c.Length > 0).ToList();
        return filled.Count >= 3 && filled.Select((c, k) => c == (k + 1).ToString()).All(x => x);
    }

    /// <summary>Splits on line breaks and semicolons only: agency names themselves hold commas ("các Sở, ban, ngành").</summary>
    private static IReadOnlyList<string> SplitLists(string text) =>
        text.Split([';', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s.TrimStart('-', '+', '•').Trim()).Where(s => s.Length > 0).ToList();

    /// <summary>
    /// The lead's column by its names, else the one cell whose words say "chủ trì" after the kind of body that leads
    /// ("Sở, ngành chủ trì tham mưu", "Cơ quan, tổ chức đảng chủ trì"), a coordinating column excepted.
    /// </summary>
    private static int Lead(string[] row)
    {
        if (Find(row, LeadNames) is var named and >= 0) return named;
        var folded = row.Select(TextKey.Fold).ToArray();
        var found = Enumerable.Range(0, folded.Length)
            .Where(c => (" " + folded[c] + " ").Contains(" chu tri ", StringComparison.Ordinal) && !folded[c].Contains("phoi hop", StringComparison.Ordinal)).ToList();
        return found.Count == 1 ? found[0] : -1;
    }

    /// <summary>
    /// The column a header names: exactly, else by its first words, the longest name first ("Cơ quan chủ trì
    /// thực hiện", "Thời gian thực hiện/ hoàn thành", "Nhiệm vụ và giải pháp" in real plans).
    /// </summary>
    private static int Find(string[] row, string[] names)
    {
        var folded = row.Select(TextKey.Fold).ToArray();
        var exact = Array.FindIndex(folded, names.Contains);
        if (exact >= 0) return exact;
        foreach (var name in names.OrderByDescending(n => n.Length))
            if (Array.FindIndex(folded, cell => cell.StartsWith(name + " ", StringComparison.Ordinal)) is var at and >= 0) return at;
        return -1;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^([IVXL]{1,5}|\d{1,2}|[a-zđ])[.)]?$")] private static partial System.Text.RegularExpressions.Regex Numbering();
}
