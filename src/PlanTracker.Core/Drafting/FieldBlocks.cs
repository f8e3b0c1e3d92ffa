using System.Text.RegularExpressions;

namespace PlanTracker.Core.Drafting;

/// <summary>
/// Numbered field blocks: a task section whose fields follow its work as numbered or lettered headings
/// ("I. CÔNG TÁC QUÁN TRIỆT … / 1. Nội dung, biện pháp / a) … b) … / 2. Cơ quan chủ trì, phối hợp / a) Cơ quan chủ trì /
/// - Ban Chỉ đạo quốc gia. / - Các Bộ, ngành liên quan. / b) Cơ quan phối hợp / - … / 3. Thời gian thực hiện: …"; also
/// "2. Chủ trì thực hiện / - …", "a) Cơ quan chủ trì: Bộ Quốc phòng; Bộ Tài chính."). A heading whose whole text is a
/// field label, with agencies under it as bullets, paragraphs or its own value, is the section's data as the labelled
/// lines of <see cref="ItemFields"/> are: it applies to the section's work items and is never an item. The first
/// agency under the lead's label leads; the others under it, and all under the coordinating label, coordinate.
/// A "Thời gian …", "Sản phẩm", "Kinh phí" heading with its text under it is a field of the same block.
/// </summary>
internal static partial class FieldBlocks
{
    public sealed record Found(AgencyMention? Lead, IReadOnlyList<AgencyMention> Coordinating, IReadOnlySet<SectionNode> Nodes,
        IReadOnlyList<(string Label, string Text, int At)> Values);

    private enum Role { Lead, Coordinating }

    /// <summary>A bullet under an agency label that runs longer than this is a sentence, not a name list.</summary>
    private const int MaxBulletWords = 30;

    /// <summary>At most this many words in a bullet of the block that names no known agency.</summary>
    private const int MaxLooseWords = 10;

    public static Found? Read(SectionNode node, AgencyDirectory directory)
    {
        var leads = new List<AgencyMention>();
        var coordinating = new List<AgencyMention>();
        var nodes = new HashSet<SectionNode>();
        var others = new List<SectionNode>();
        foreach (var child in node.Children.Where(c => !c.IsBullet && c.Head is not null && (c.Children.Count > 0 || c.Body.Count > 0)))
        {
            if (OtherLabel().IsMatch(child.HeadText) && child.Children.Count == 0) { others.Add(child); continue; }
            if (AgencyLabel().Match(child.HeadText) is not { Success: true } m) continue;
            var (l, c) = (new List<AgencyMention>(), new List<AgencyMention>());
            if (!Collect(child, m, directory, l, c)) continue;
            leads.AddRange(l);
            coordinating.AddRange(c);
            nodes.Add(child);
        }
        if (nodes.Count == 0) return null;
        // Time, product and funds written as headings count only beside an agency block: alone, "7. Kinh phí thực hiện"
        // over sentences is a section of its own.
        var values = new List<(string, string, int)>();
        foreach (var other in others)
        {
            nodes.Add(other);
            var text = string.Join(" ", other.Body.Select(p => p.Text.Trim()));
            values.Add((Tokens.Fold(other.HeadText), text.TrimEnd(' ', ';', '.'), other.Body[0].Start));
        }
        var lead = leads.Count > 0 ? leads[0] : null;
        return new Found(lead, [.. leads.Skip(1), .. coordinating], nodes, values);
    }

    /// <summary>Adds the agencies a labelled heading names; false when something under it is not a name (no block then).</summary>
    private static bool Collect(SectionNode heading, Match label, AgencyDirectory directory, List<AgencyMention> leads, List<AgencyMention> coordinating)
    {
        var into = RoleOf(label) == Role.Lead ? leads : coordinating;
        if (label.Groups["value"] is { Success: true, Length: > 0 } value)
        {
            var text = value.Value.TrimEnd(' ', ';', '.');
            into.AddRange(ItemFields.Agencies(text, heading.HeadTextStart + value.Index, directory));
        }
        foreach (var p in heading.Body) into.AddRange(ItemFields.Agencies(p.Text.Trim().TrimEnd(';', '.'), p.Start, directory));
        foreach (var child in heading.Children)
        {
            if (child.Head is null) return false;
            if (AgencyLabel().Match(child.HeadText) is { Success: true } sub)
            {
                // "a) Cơ quan chủ trì" under "2. Cơ quan chủ trì, phối hợp": the sub-label says which.
                if (!Collect(child, sub, directory, leads, coordinating)) return false;
                continue;
            }
            var words = child.HeadText.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            // "(Văn phòng Ban Chỉ đạo, cơ quan thường trực đồng thời là cơ quan trung tâm giúp …)": a note on the names,
            // however long; the agencies it names take part.
            var note = child.HeadText.StartsWith('(') && child.HeadText.TrimEnd('.', ';').EndsWith(')');
            if (child.Children.Count > 0 || words > MaxBulletWords && !note) return false;
            var named = ItemFields.Agencies(child.HeadText.TrimEnd(';', '.'), child.HeadTextStart, directory);
            // "- Các cơ quan, đơn vị, địa phương.": a short bullet naming no agency the directory knows is a loose
            // group, still a name; a longer one is a sentence, and the heading no field label after all.
            if (named.Count == 0 && words > MaxLooseWords && !note) return false;
            into.AddRange(named);
            foreach (var p in child.Body) into.AddRange(ItemFields.Agencies(p.Text.Trim().TrimEnd(';', '.'), p.Start, directory));
        }
        return leads.Count + coordinating.Count > 0;
    }

    /// <summary>"phối hợp" alone coordinates; anything naming "chủ trì" or "thực hiện" leads (its first agency).</summary>
    private static Role RoleOf(Match label)
    {
        var folded = Tokens.Fold(label.Groups["label"].Value);
        return folded.Contains("phoi hop") && !folded.Contains("chu tri") && !folded.Contains("thuc hien") ? Role.Coordinating : Role.Lead;
    }

    // The whole heading is the label, with at most a value after a colon: "Cơ quan chủ trì, phối hợp", "Chủ trì thực hiện",
    // "Cơ quan chủ trì, thực hiện", "Đơn vị thực hiện: Các Đội chuyên trách của quân đội."
    [GeneratedRegex(@"^\**(?<label>(?:(?:cơ quan|đơn vị)(?:,\s*(?:cơ quan|đơn vị))?\s+(?:chủ trì|phối hợp|thực hiện)|chủ trì|phối hợp)(?:\s*(?:,|và|/)\s*(?:chủ trì|phối hợp|thực hiện))*(?:\s+thực hiện)?)\**\s*(?::\s*(?<value>.*?))?\s*$",
        RegexOptions.IgnoreCase)]
    private static partial Regex AgencyLabel();

    [GeneratedRegex(@"^\**(?:thời gian|thời hạn|tiến độ)(?:\s+(?:thực hiện|hoàn thành))?\s*:?\**\s*$|^\**(?:sản phẩm|kinh phí)(?:\s+(?:đầu ra|thực hiện))?\s*:?\**\s*$",
        RegexOptions.IgnoreCase)]
    private static partial Regex OtherLabel();
}
