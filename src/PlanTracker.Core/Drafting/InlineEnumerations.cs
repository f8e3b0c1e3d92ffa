using System.Text.RegularExpressions;

namespace PlanTracker.Core.Drafting;

/// <summary>
/// A list written inside one paragraph: "Giao các cơ quan thực hiện: (1) Sở Nội vụ chủ trì …, hoàn thành trước ngày
/// 30/6/2026; (2) Sở Tài chính …, trong quý III/2026; (3) …", "… như sau: a) Sở Y tế …; b) Công an tỉnh …". Each part
/// names its own agency and time, so each is an item under the words that introduce them, as if it had its own line.
/// A part is a mark "(1)" or "a)" after a space or punctuation; the marks must run in order from the first ("(1)", "(2)",
/// …; "a)", "b)", … in the Vietnamese alphabet, "đ" after "d", no "f", "j", "w", "z"), at least two of them, so that a
/// citation ("điểm a) khoản 2") or a lone "(1)" footnote is no list.
/// </summary>
public static partial class InlineEnumerations
{
    private const string Letters = "abcdđeghiklmnopqrstuvxy";

    /// <summary>Splits every item (and every paragraph under an item with no sub-items) that holds an inline list.</summary>
    public static void Split(SectionNode root)
    {
        foreach (var node in root.Descendants().Where(n => n.Children.Count == 0).ToList())
        {
            if (Parts(node.Head!.Text, node.Marker?.Length ?? 0) is { Count: >= 2 } parts && Intro(node.Head, parts[0].Index) is { } head)
            {
                // The words before the first part introduce them ("Giao các cơ quan thực hiện:"): the item becomes their group.
                Replace(node, head, parts);
                continue;
            }
            var at = node.Body.FindIndex(p => Parts(p.Text, 0).Count >= 2);
            if (at < 0) continue;
            var body = node.Body[at];
            var bodyParts = Parts(body.Text, 0);
            var intro = Intro(body, bodyParts[0].Index);
            // The list's paragraph becomes its intro; the paragraphs after it ("Thời gian thực hiện: …") stay the item's.
            node.Body.RemoveAt(at);
            if (intro is not null) node.Body.Insert(at, intro);
            node.Children.AddRange(Children(node, body, bodyParts));
        }
    }

    /// <summary>The parts of a paragraph's text after <paramref name="from"/>: each mark's place, label and length (with its spaces).</summary>
    internal static List<(int Index, string Label, int Length)> Parts(string text, int from)
    {
        foreach (var pattern in new[] { Numbered(), Lettered() })
        {
            var found = new List<(int, string, int)>();
            foreach (Match m in pattern.Matches(text, from))
            {
                var label = m.Groups["n"].Value;
                var expected = pattern == Numbered() ? (found.Count + 1).ToString() : Letters[Math.Min(found.Count, Letters.Length - 1)].ToString();
                if (label != expected) continue;
                found.Add((m.Groups["mark"].Index, label, m.Index + m.Length - m.Groups["mark"].Index));
            }
            if (found.Count >= 2) return found;
        }
        return [];
    }

    /// <summary>The item becomes the words before its first part, with one sub-item per part.</summary>
    private static void Replace(SectionNode node, Paragraph intro, List<(int Index, string Label, int Length)> parts)
    {
        var parent = node.Parent!;
        var group = new SectionNode(node.Marker, intro, parent, node.IsImplicit);
        group.Body.AddRange(node.Body);
        parent.Children[parent.Children.IndexOf(node)] = group;
        group.Children.AddRange(Children(group, node.Head!, parts));
    }

    private static Paragraph? Intro(Paragraph p, int end)
    {
        var text = p.Text[..end].TrimEnd();
        return text.Any(char.IsLetterOrDigit) ? p with { End = p.Start + text.Length, Text = text } : null;
    }

    private static IEnumerable<SectionNode> Children(SectionNode parent, Paragraph p, List<(int Index, string Label, int Length)> parts) =>
        parts.Select((part, k) =>
        {
            var end = k + 1 < parts.Count ? parts[k + 1].Index : p.Text.Length;
            var text = p.Text[part.Index..end].TrimEnd();
            var kind = char.IsDigit(part.Label[0]) ? MarkerKind.Arabic : MarkerKind.Letter;
            return new SectionNode(new Marker(kind, part.Label, part.Length), new Paragraph(p.Start + part.Index, p.Start + part.Index + text.Length, text), parent);
        });

    [GeneratedRegex(@"(?:^|(?<=[\s:;,.]))(?<mark>\((?<n>\d{1,2})\))\s+(?=\S)")] private static partial Regex Numbered();
    [GeneratedRegex(@"(?<=[\s:;,.])(?<mark>(?<n>[a-zđ])\))\s+(?=\S)")] private static partial Regex Lettered();
}
