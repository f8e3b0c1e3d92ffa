using System.Text.RegularExpressions;

namespace PlanTracker.Core.Drafting;

/// <summary>
/// A section that names its assignees as a list before its duties ("2. Các sở quản lý … / Giao các sở … gồm: /
/// - Sở Công Thương (đối với tài sản … cụm công nghiệp); / - Sở Xây dựng (đối với …); / Có trách nhiệm: / a) … b) …"):
/// bullets that name only an agency, with the scope it answers for in brackets, are the section's assignees, not
/// its tasks. The first leads and the others coordinate (as joint subjects do); the line handing them the duties
/// ("Có trách nhiệm:", "thực hiện các nhiệm vụ sau:") is no task either.
/// </summary>
internal static partial class AssigneeLists
{
    public sealed record Found(IReadOnlySet<SectionNode> Nodes, Assignment Assignment);

    /// <summary>At most this many words in the line that hands over the duties.</summary>
    private const int MaxHandOverWords = 10;

    public static Found? Read(SectionNode node, AgencyDirectory directory)
    {
        var nodes = new HashSet<SectionNode>();
        var agencies = new List<AgencyMention>();
        foreach (var child in node.Children)
        {
            List<AgencyMention> named = child.Children.Count == 0 && child.Body.Count == 0 && child.Head is not null ? OnlyAgencies(child, directory) : [];
            if (named.Count > 0)
            {
                nodes.Add(child);
                agencies.AddRange(named);
                continue;
            }
            if (nodes.Count == 0) continue;
            if (child.Children.Count == 0 && child.Body.Count == 0 && HandsOver(child.HeadText)) nodes.Add(child);
            break;
        }
        // One bullet naming one agency may be a task written as a name ("- Sở Tài chính."); a list is two or more.
        if (nodes.Count(n => !HandsOver(n.HeadText)) < 2) return null;
        return new Found(nodes, new Assignment(agencies[0], agencies.Skip(1).ToList(), true));
    }

    /// <summary>The agencies a bullet names when it names nothing else (brackets and end punctuation aside).</summary>
    private static List<AgencyMention> OnlyAgencies(SectionNode child, AgencyDirectory directory)
    {
        var text = child.Head!.Text[(child.Marker?.Length ?? 0)..];
        var at = child.HeadTextStart;
        var mentions = directory.Mentions(text, at).Where(m => m.Agency is not null).ToList();
        if (mentions.Count == 0) return [];
        var rest = text;
        foreach (var m in mentions.OrderByDescending(m => m.Start))
            rest = rest[..(m.Start - at)] + rest[(m.End - at)..];
        // What is left may be a name the directory lacks ("…, Ban Quản lý các khu công nghiệp"): it must read as one.
        var pieces = Separators().Split(Scope().Replace(rest, " ")).Select(p => p.Trim(' ', '.', ':', '*')).Where(p => p.Length > 0);
        return pieces.All(AgencyDirectory.LooksLikeAgency) ? mentions : [];
    }

    private static bool HandsOver(string text) =>
        text.TrimEnd(' ', '*').EndsWith(':') && text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= MaxHandOverWords;

    /// <summary>"(đối với tài sản kết cấu hạ tầng đô thị)": the scope an agency answers for.</summary>
    [GeneratedRegex(@"\([^()]*\)")] private static partial Regex Scope();
    [GeneratedRegex(@"[,;]|\svà\s")] private static partial Regex Separators();
}
