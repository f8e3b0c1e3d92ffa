using System.Text.RegularExpressions;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Imports;

namespace PlanTracker.Core.Drafting;

/// <summary>
/// Assignment tables (STT / Nhiệm vụ / Cơ quan chủ trì / Cơ quan phối hợp / Thời gian hoàn thành, under
/// the names <see cref="AssignmentTable"/> knows) written as pipe- or tab-separated rows, as pasted
/// text or from a .docx table: each row an item, rows numbered I, II or without agencies as groups.
/// Other tables (rankings, budgets) are left alone.
/// </summary>
internal static partial class AppendixTables
{
    public static void Add(ItemBuilder builder, IReadOnlyList<(string? Heading, List<Paragraph> Rows)> tables, AgencyDirectory directory,
        WorkingDayCalendar? calendar)
    {
        var number = 0;
        foreach (var (heading, rows) in tables)
        {
            List<AssignmentTable.Row> parsed;
            try
            {
                parsed = AssignmentTable.Parse(rows.Select(r => Cells(r)).ToList());
            }
            catch (RuleViolationException)
            {
                continue; // no "Nhiệm vụ" and "Cơ quan chủ trì" columns: not an assignment table
            }
            if (parsed.Count == 0) continue;
            var prefix = ++number == 1 ? "PL" : "PL" + number;
            var table = new ProposedItem
            {
                Id = "i" + (builder.Items.Count + 1), Code = prefix, IsGroup = true, Origin = "table",
                Title = heading ?? "Phụ lục: phân công nhiệm vụ", Span = new SourceSpan(rows[0].Start, rows[^1].End),
            };
            builder.Items.Add(table);
            ProposedItem? section = null, subgroup = null;
            // "PHỤ LỤC 1 / CÁC CHỈ TIÊU CHỦ YẾU GIAI ĐOẠN 2026-2030" over a table with no time column: its rows are due by the
            // period its title names.
            DeadlinePhrase? sectionDeadline = parsed.All(r => r.Deadline.Length == 0) && heading is not null
                ? DeadlinePhrases.Choose(DeadlinePhrases.Find(heading, rows[0].Start, null, calendar)) : null;
            var byLabel = new Dictionary<string, ProposedItem>();
            var sections = new Dictionary<string, ProposedItem>();
            // "II.1" names its section: under section II (its label the rest, "1"), wherever the row stands; under the table
            // with its whole label when no section II was read, not under the section read last.
            (ProposedItem Owner, string Label) Nested(string label)
            {
                var dot = label.IndexOf('.');
                if (dot <= 0 || !Section().IsMatch(label[..dot])) return (section ?? table, label);
                return sections.TryGetValue(label[..dot], out var named) ? (named, label[(dot + 1)..]) : (table, label);
            }
            var subgroupDash = false;
            string? lastTime = null;
            var parsedHasUnits = parsed.Any(r => r.Unit.Length > 0);
            var used = new HashSet<string>();
            string Unique(string code)
            {
                while (!used.Add(code)) code += "bis";
                return code;
            }
            ProposedItem NewItem(ProposedItem parent, string code, bool isGroup, string text, Paragraph paragraph)
            {
                var item = new ProposedItem
                {
                    Id = "i" + (builder.Items.Count + 1), ParentId = parent.Id, Code = Unique(code), IsGroup = isGroup,
                    Origin = "table", Span = paragraph.Span, Title = Shorten(text), Description = text.Length > 300 ? text : null,
                };
                builder.Items.Add(item);
                return item;
            }
            foreach (var row in parsed)
            {
                var paragraph = rows[row.Line - 1];
                var task = Bullet().Replace(row.Task, "");
                var isSection = row.Lead.Length == 0 && (Section().IsMatch(row.Number.TrimEnd('.', ')'))
                    || row.Coordinating.Count == 0 && row.Deadline.Length == 0 && (row.Number.Length == 0 || task.Length == 0));
                var label = row.Number.TrimEnd('.', ')').Trim();
                if (isSection)
                {
                    if (label.Length == 0 || !label.Any(char.IsLetterOrDigit)) label = (builder.Items.Count(i => i.ParentId == table.Id) + 1).ToString();
                    section = NewItem(table, table.Code + "." + label, true, task.Length > 0 ? task : row.Group, paragraph);
                    sections[label] = section;
                    (subgroup, subgroupDash, lastTime) = (null, false, null);
                    // "| I | Đến năm 2030 |": a group row that names a time gives it to its rows.
                    sectionDeadline = DeadlinePhrases.Choose(DeadlinePhrases.Find(SectionNode.Clean(section.Title).Replace("*", ""), paragraph.Start, null, calendar))
                        ?? HeadingTime.Of(SectionNode.Clean(section.Title).Replace("*", ""), paragraph.Start);
                    continue;
                }
                // "| 1 | Lập nhiệm vụ quy hoạch |" over unnumbered rows: a numbered row with nothing but its title heads them.
                var next = parsed.IndexOf(row) + 1 < parsed.Count ? parsed[parsed.IndexOf(row) + 1] : null;
                if (row.Lead.Length == 0 && row.Coordinating.Count == 0 && row.Deadline.Length == 0 && label.Length > 0 && row.Group.Length == 0
                    && next is { Number.Length: 0, Group.Length: 0 } && next.Lead.Length > 0)
                {
                    var (owner, own) = Nested(label);
                    subgroup = NewItem(owner, owner.Code + "." + own, true, task, paragraph);
                    subgroupDash = true;
                    continue;
                }
                if (label.Length > 0 && row.Group.Length == 0 && subgroupDash) (subgroup, subgroupDash) = (null, false);
                // "Nhóm hoạt động | Hoạt động": a filled group cell opens a group of the rows under it.
                if (row.Group.Length > 0)
                {
                    var owner = section ?? table;
                    subgroup = NewItem(owner, owner.Code + "-" + (builder.Items.Count(i => i.ParentId == owner.Id) + 1), true, Bullet().Replace(row.Group, ""), paragraph);
                    subgroupDash = false;
                }
                var parent = subgroup ?? section ?? table;
                // "11.1" under "11": a row numbered below another row's number belongs to it, which becomes a group.
                var dot = label.LastIndexOf('.');
                if (subgroup is null && dot > 0 && byLabel.TryGetValue(label[..dot], out var above))
                {
                    if (!above.IsGroup)
                    {
                        above.IsGroup = true;
                        (above.Deadline, above.Targets) = (null, []);
                        builder.WithoutNamedLead.Remove(above);
                    }
                    (parent, label) = (above, label[(dot + 1)..]);
                }
                else if (subgroup is null) (parent, label) = Nested(label);
                var code = subgroup is not null ? parent.Code + (subgroupDash ? "-" : "+") + (builder.Items.Count(i => i.ParentId == parent.Id) + 1)
                    : parent.Code + "." + (label.Length > 0 && label.Any(char.IsLetterOrDigit) ? label : (builder.Items.Count(i => i.ParentId == parent.Id) + 1).ToString());
                var item = NewItem(parent, code, false, task, paragraph);
                if (label.Length > 0) byLabel[row.Number.TrimEnd('.', ')').Trim()] = item;
                item.Lead = Agency(builder, directory, row.Lead, paragraph);
                if (item.Lead is null) builder.WithoutNamedLead.Add(item);
                item.Coordinating = row.Coordinating.SelectMany(c => Agencies(builder, directory, c, paragraph)).Where(c => c.AgencyKey is null || c.AgencyKey != item.Lead?.AgencyKey)
                    .DistinctBy(c => c.AgencyKey ?? c.UnknownId).ToList();
                // A time cell merged over several rows (Word, PDF) leaves the rows under it empty: they share its time.
                var time = row.Deadline.Length > 0 ? lastTime = row.Deadline : sectionDeadline is null ? lastTime ?? "" : "";
                var deadline = time.Length == 0 ? Deadline.Unspecified() : DeadlineParser.Parse(time, calendar);
                if (deadline is null) builder.Notes.Add($"{code}: the deadline '{time}' was not understood; it is left unspecified.");
                var at = row.Deadline.Length > 0 ? paragraph.Text.IndexOf(row.Deadline, StringComparison.Ordinal) : -1;
                item.Deadline = ProposedDeadline.Of(deadline ?? Deadline.Unspecified(time),
                    at >= 0 ? new SourceSpan(paragraph.Start + at, paragraph.Start + at + row.Deadline.Length) : null, inherited: row.Deadline.Length == 0 && time.Length > 0);
                var taskAt = Math.Max(0, paragraph.Text.IndexOf(row.Task, StringComparison.Ordinal));
                // An indicator table's row: its unit and value cells; otherwise the task's and result's words.
                var targets = row.Unit.Length > 0 || parsedHasUnits
                    ? IndicatorTargets.Read(task, row.Unit, row.Value, paragraph.Start, paragraph.End)
                    : ValueCells.Read(task, row.Value, paragraph.Start, paragraph.End) ?? TargetPhrases.Find(row.Task, paragraph.Start + taskAt).Concat(TargetPhrases.Find(row.Value, paragraph.Start + Math.Max(0, paragraph.Text.IndexOf(row.Value, StringComparison.Ordinal)), result: true)).ToList();
                if (row.Deadline.Length == 0 && sectionDeadline is { } inherited)
                    item.Deadline = ProposedDeadline.Of(inherited.Deadline, new SourceSpan(inherited.Start, inherited.End), inherited: true, from: (section ?? table).Code);
                var due = item.Deadline?.DueOn is { } d && !Deadline.IsOngoingKind(item.Deadline.Kind) ? d : (DateOnly?)null;
                item.Targets = targets.Select(t => new ProposedTarget
                {
                    Indicator = t.Indicator, Unit = t.Unit, UnitText = t.UnitText, Comparison = t.Comparison, Value = t.Value, Text = t.Text,
                    DueOn = due, Span = new SourceSpan(t.Start, t.End),
                }).ToList();
            }
        }
    }

    /// <summary>Whether one of the tables is an assignment table (its header names tasks and lead agencies).</summary>
    public static bool HasAssignmentTable(IReadOnlyList<(string? Heading, List<Paragraph> Rows)> tables) => tables.Any(t =>
    {
        try
        {
            return AssignmentTable.Parse(t.Rows.Select(r => Cells(r)).ToList()).Count > 0;
        }
        catch (RuleViolationException)
        {
            return false;
        }
    });

    private static string[] Cells(Paragraph row) => row.Cells?.ToArray() ?? Cells(row.Text);

    private static string[] Cells(string row) => row.Contains('|')
        ? CellLines.PipeCells(row).ToArray()
        : row.Split('\t').Select(c => c.Trim()).ToArray();

    private static ProposedAssignee? Agency(ItemBuilder builder, AgencyDirectory directory, string cell, Paragraph row) =>
        cell.Length == 0 ? null : Agencies(builder, directory, cell, row).FirstOrDefault();

    /// <summary>The agencies a cell names: the whole cell as one name, else every name in it, else the cell as an unknown agency.</summary>
    private static List<ProposedAssignee> Agencies(ItemBuilder builder, AgencyDirectory directory, string cell, Paragraph row)
    {
        var at = Math.Max(0, row.Text.IndexOf(cell, StringComparison.Ordinal)) + row.Start;
        if (directory.Exactly(cell) is { } exact)
            return [builder.Assignee(new AgencyMention(exact, at, at + cell.Length, cell), AssigneeBasis.Table, null)];
        var mentions = directory.Mentions(cell, at);
        if (mentions.Count > 0) return mentions.Select(m => builder.Assignee(m, AssigneeBasis.Table, null)).ToList();
        // A cell drops the plural of a group's name: "Bộ, ngành, địa phương" is "các bộ, ngành, địa phương".
        if (directory.Exactly("các " + cell) is { IsGroup: true } group)
            return [builder.Assignee(new AgencyMention(group, at, at + cell.Length, cell), AssigneeBasis.Table, null)];
        // "Địa phương được lựa chọn", "Các tỉnh đủ điều kiện": some members of a group, chosen later, are the group (its
        // fan-out is narrowed in review).
        if (Chosen().Match(cell) is { Success: true } chosen && directory.Exactly("các " + Plural().Replace(cell[..chosen.Index], "")) is { IsGroup: true } some)
            return [builder.Assignee(new AgencyMention(some, at, at + cell.Length, cell), AssigneeBasis.Table, null)];
        return [builder.Assignee(new AgencyMention(null, at, at + cell.Length, cell.Trim()), AssigneeBasis.Table, null)];
    }

    private static string Shorten(string s) => s.Length <= 300 ? s : s[..s.LastIndexOf(' ', 299)] + " …";

    [GeneratedRegex(@"\s+(?:được (?:lựa )?chọn|(?:có )?đủ điều kiện|thí điểm)\b.*$", RegexOptions.IgnoreCase)] private static partial Regex Chosen();
    [GeneratedRegex(@"^\s*(?:các|một số|những)\s+", RegexOptions.IgnoreCase)] private static partial Regex Plural();
    [GeneratedRegex(@"^\s*[-+•]\s+")] private static partial Regex Bullet();
    [GeneratedRegex(@"^(?=[IVXL])L?X{0,3}(IX|IV|V?I{0,3})$|^[A-ZĐ]$")] private static partial Regex Section();
}
