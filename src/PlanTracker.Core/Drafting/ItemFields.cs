using System.Text.RegularExpressions;
using PlanTracker.Core.Domain;

namespace PlanTracker.Core.Drafting;

/// <summary>
/// Labelled lines under an item, as many plans write each task: "- Cơ quan chủ trì: Sở TT&amp;TT",
/// "- Cơ quan phối hợp: …", "- Thời gian hoàn thành: Quý II/2023", "- Sản phẩm: Quyết định phê duyệt".
/// They are the item's data, not items of their own, and they say it more plainly than its sentence.
/// A responsibility line after a group's bullets ("Trách nhiệm chỉ đạo thực hiện: Đảng ủy UBND tỉnh; các cấp ủy, tổ chức
/// đảng.", "Trách nhiệm thực hiện: …", "Chỉ đạo thực hiện: …") is the group's field the same way: its first agency leads the
/// bullets, the others coordinate; a line that names no agency stays what it was.
/// </summary>
public static partial class ItemFields
{
    public sealed record Fields(AgencyMention? Lead, IReadOnlyList<AgencyMention> Coordinating, DeadlinePhrase? Deadline, string? ExpectedOutput,
        IReadOnlySet<SectionNode> Nodes, IReadOnlySet<Paragraph> Paragraphs)
    {
        public bool Any => Nodes.Count > 0 || Paragraphs.Count > 0;

        /// <summary>The agencies came from a numbered field block (<see cref="FieldBlocks"/>) or a responsibility line: they are the section's work items' too.</summary>
        public bool FromBlock { get; init; }
    }

    public static Fields Read(SectionNode node, AgencyDirectory directory, DateOnly? issuedOn, WorkingDayCalendar? calendar)
    {
        AgencyMention? lead = null;
        var coordinating = new List<AgencyMention>();
        DeadlinePhrase? deadline = null;
        string? output = null;
        var nodes = new HashSet<SectionNode>();
        var paragraphs = new HashSet<Paragraph>();
        var responsibility = false;
        var lines = node.Children.Where(c => c.Children.Count == 0 && c.Body.Count == 0 && c.Head is not null)
            .Select(c => (Node: (SectionNode?)c, Paragraph: c.Head!, Skip: c.Marker?.Length ?? 0))
            .Concat(node.Body.Select(p => (Node: (SectionNode?)null, Paragraph: p, Skip: 0)));
        foreach (var (child, paragraph, skip) in lines)
        {
            var m = Field().Match(paragraph.Text, skip);
            if (!m.Success || m.Index != skip + LeadingSpace(paragraph.Text, skip)) continue;
            var value = m.Groups["value"];
            var (text, at) = (value.Value.TrimEnd(' ', ';', '.'), paragraph.Start + value.Index);
            var label = Tokens.Fold(m.Groups["label"].Value);
            if (label.StartsWith("trach nhiem", StringComparison.Ordinal) || label.StartsWith("chi dao", StringComparison.Ordinal))
            {
                // "Trách nhiệm chỉ đạo thực hiện: X; Y" after a group's bullets: X leads them, Y coordinates.
                var named = Agencies(text, at, directory);
                if (named.Count == 0) continue;
                if (lead is null) (lead, named) = (named[0], [.. named.Skip(1)]);
                coordinating.AddRange(named);
                responsibility = true;
            }
            else if (label.Contains("chu tri")) lead ??= Agencies(text, at, directory).FirstOrDefault();
            else if (label.Contains("phoi hop")) coordinating.AddRange(Agencies(text, at, directory));
            else if (label.StartsWith("san pham", StringComparison.Ordinal) || label.StartsWith("ket qua", StringComparison.Ordinal)) output ??= text;
            else deadline ??= ReadDeadline(text, at, issuedOn, calendar);
            if (child is not null) nodes.Add(child);
            else paragraphs.Add(paragraph);
        }
        var block = FieldBlocks.Read(node, directory);
        if (block is not null)
        {
            lead ??= block.Lead;
            coordinating.AddRange(block.Coordinating);
            nodes.UnionWith(block.Nodes);
            foreach (var (label, text, at) in block.Values.Where(v => v.Text.Length > 0))
                if (label.StartsWith("san pham", StringComparison.Ordinal)) output ??= text;
                else if (!label.StartsWith("kinh phi", StringComparison.Ordinal)) deadline ??= ReadDeadline(text, at, issuedOn, calendar);
        }
        return new Fields(lead, coordinating, deadline, output, nodes, paragraphs) { FromBlock = block is not null || responsibility };
    }

    private static DeadlinePhrase? ReadDeadline(string text, int at, DateOnly? issuedOn, WorkingDayCalendar? calendar) =>
        DeadlineParser.Parse(text, calendar) is { } d
            ? new DeadlinePhrase(d, at, at + text.Length, DeadlinePhrases.Strength.Dated)
            : DeadlinePhrases.Choose(DeadlinePhrases.Find(text, at, issuedOn, calendar));

    /// <summary>The agencies a field names; a name the province does not have is kept as an unknown agency.</summary>
    internal static List<AgencyMention> Agencies(string text, int at, AgencyDirectory directory)
    {
        if (directory.Exactly(text) is { } exact) return [new AgencyMention(exact, at, at + text.Length, text)];
        var mentions = directory.Mentions(text, at);
        if (mentions.Count > 0) return mentions;
        return text.Split([';', ','], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(AgencyDirectory.LooksLikeAgency)
            .Select(name => new AgencyMention(null, at + text.IndexOf(name, StringComparison.Ordinal), at + text.IndexOf(name, StringComparison.Ordinal) + name.Length, name))
            .ToList();
    }

    private static int LeadingSpace(string s, int from)
    {
        var i = from;
        while (i < s.Length && (char.IsWhiteSpace(s[i]) || s[i] is '*' or '_')) i++;
        return i - from;
    }

    [GeneratedRegex(@"(?<label>(?:cơ quan|đơn vị|cơ quan, đơn vị)?\s*(?:chủ trì|phối hợp)(?: thực hiện)?|thời gian(?: thực hiện| hoàn thành)?|thời hạn(?: hoàn thành| thực hiện)?|tiến độ(?: thực hiện| hoàn thành)?|sản phẩm(?: đầu ra)?|kết quả(?: đầu ra)?|trách nhiệm(?: chỉ đạo)?(?: tổ chức)? thực hiện|chỉ đạo(?: tổ chức)? thực hiện)\s*:\s*(?<value>\S.*)$",
        RegexOptions.IgnoreCase)]
    private static partial Regex Field();
}
