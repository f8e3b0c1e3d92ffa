using PlanTracker.Core.Common;

namespace PlanTracker.Core.Imports;

/// <summary>
/// An appendix assignment table (Phụ lục): STT / Nhiệm vụ / Cơ quan chủ trì / Cơ quan phối hợp /
/// Thời gian hoàn thành, under the names real plans give these columns.
/// </summary>
public static class AssignmentTable
{
    public sealed record Row(int Line, string Number, string Task, string Lead, IReadOnlyList<string> Coordinating, string Deadline);

    private static readonly string[] NumberNames = ["stt", "tt", "so tt", "so thu tu"];
    private static readonly string[] TaskNames = ["nhiem vu", "noi dung", "noi dung nhiem vu", "ten nhiem vu", "nhiem vu giai phap", "noi dung cong viec"];
    private static readonly string[] LeadNames = ["co quan chu tri", "don vi chu tri", "chu tri", "co quan don vi chu tri"];
    private static readonly string[] CoordinatingNames = ["co quan phoi hop", "don vi phoi hop", "phoi hop", "co quan don vi phoi hop"];
    private static readonly string[] DeadlineNames = ["thoi gian hoan thanh", "thoi han", "thoi han hoan thanh", "thoi gian thuc hien", "tien do", "tien do thuc hien"];

    public static List<Row> Parse(List<string[]> table)
    {
        var headerAt = table.FindIndex(r => Find(r, TaskNames) >= 0 && Find(r, LeadNames) >= 0);
        if (headerAt < 0)
            throw new RuleViolationException("file", "No header row found: the table needs at least the columns 'Nhiệm vụ' and 'Cơ quan chủ trì'.");
        var header = table[headerAt];
        var (number, task, lead, coordinating, deadline) =
            (Find(header, NumberNames), Find(header, TaskNames), Find(header, LeadNames), Find(header, CoordinatingNames), Find(header, DeadlineNames));
        var rows = new List<Row>();
        for (var i = headerAt + 1; i < table.Count; i++)
        {
            var cells = table[i];
            string Cell(int column) => column >= 0 && column < cells.Length ? cells[column].Trim() : "";
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            // A numbering row under the header ("(1) (2) (3)") carries no task.
            if (Cell(task) is var text && (text.Length == 0 || text.StartsWith('(') && text.EndsWith(')') && text.Length <= 4)) continue;
            rows.Add(new Row(i + 1, Cell(number), Cell(task), Cell(lead), SplitLists(Cell(coordinating)), Cell(deadline)));
        }
        return rows;
    }

    /// <summary>Splits on line breaks and semicolons only: agency names themselves hold commas ("các Sở, ban, ngành").</summary>
    private static IReadOnlyList<string> SplitLists(string text) =>
        text.Split([';', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s.TrimStart('-', '+', '•').Trim()).Where(s => s.Length > 0).ToList();

    private static int Find(string[] row, string[] names) =>
        Array.FindIndex(row, cell => names.Contains(TextKey.Fold(cell)));
}
