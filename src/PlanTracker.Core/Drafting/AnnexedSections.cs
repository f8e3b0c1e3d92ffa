using System.Text.RegularExpressions;

namespace PlanTracker.Core.Drafting;

/// <summary>
/// Sections of the body that only summarise an appendix ("PHỤ LỤC 1 – CÁC CHỈ TIÊU CHỦ YẾU", "PHỤ LỤC 2 – DANH MỤC CÁC
/// NHIỆM VỤ"), whose rows are the items:
/// <list type="bullet">
/// <item>an objectives list that says its details are in the appendix ("2. Các chỉ tiêu chủ yếu giai đoạn 2026 - 2030 /
/// 2.1. … / - 95% chất thải rắn … / (Có biểu phụ lục số 01 chi tiết kèm theo)", "b) Mục tiêu cụ thể … (chi tiết tại Phụ lục
/// I)"): its bullets are the appendix's indicators said again, so none is proposed from the body, when the appendix was
/// read as a table (a scrambled one, see <see cref="ScrambledTables"/>, leaves the list as the only copy of its targets);</item>
/// <item>a heading whose text only sends the reader to the appendix ("1. Các nhiệm vụ cần làm ngay trong năm 2026 / Các
/// nhiệm vụ … được xác định tại Phụ lục 2 kèm theo Chương trình hành động; …"): it has no work of its own.</item>
/// <item>a note in brackets after a list that names the appendix ("(Một số nhiệm vụ trọng tâm thực hiện có Phụ lục kèm
/// theo)", "(Có biểu phụ lục số 01 chi tiết kèm theo)"): read after bullets it became one more item.</item>
/// </list>
/// Unlike <see cref="DraftParser.SummariesOfAppendix"/> this does not need the appendix to be an assignment table: an
/// indicator table is enough for the objectives, and a heading that only points has nothing to propose either way.
/// </summary>
internal static partial class AnnexedSections
{
    /// <summary>Takes such sections, and what is under them, out of the task sections <see cref="TaskSections"/> marked.</summary>
    /// <param name="appendixRead">The document's appendix was read as table rows; else an objectives list is the only readable copy of its indicators and stays.</param>
    public static void Unmark(SectionNode root, bool appendixRead)
    {
        foreach (var node in root.Descendants().Where(n => n.IsTaskSection && Summarises(n, appendixRead)).ToList())
            foreach (var part in node.Descendants().Prepend(node)) part.IsTaskSection = false;
    }

    private static bool Summarises(SectionNode node, bool appendixRead)
    {
        if (node.Head is null) return false;
        if (node.IsImplicit) return node.Children.Count == 0 && node.Body.Count == 0 && Note().IsMatch(node.HeadText);
        if (node.IsBullet) return false;
        if (node.Children.Count > 0)
            return appendixRead && IsObjectives(node.HeadText) && node.Descendants().Any(d => Texts(d).Any(t => Pointer().IsMatch(t)));
        return node.Body.Count > 0 && node.Body.All(p => Listed().IsMatch(p.Text) || Pointer().IsMatch(p.Text));
    }

    private static bool IsObjectives(string heading)
    {
        var key = " " + string.Join(' ', Tokens.Of(heading).Select(t => t.Key)) + " ";
        return key.Contains(" muc tieu ", StringComparison.Ordinal) || key.Contains(" chi tieu ", StringComparison.Ordinal);
    }

    private static IEnumerable<string> Texts(SectionNode node) => node.Body.Select(p => p.Text).Prepend(node.HeadText);

    /// <summary>"(Có biểu phụ lục số 01 chi tiết kèm theo)", "(chi tiết tại Phụ lục I)", "(chi tiết theo biểu kèm theo)".</summary>
    // The first look-ahead gives up on a "(" never closed after one scan, instead of one scan per keyword after it.
    [GeneratedRegex(@"\((?=[^()]*\))(?=[^()]*\bchi tiết\b)[^()]*\b(phụ lục|biểu)\b[^()]*\)", RegexOptions.IgnoreCase)] private static partial Regex Pointer();

    /// <summary>A paragraph that is only a bracketed note naming an appendix or a table ("biểu").</summary>
    [GeneratedRegex(@"^\((?=[^()]*\)\W*$)[^()]*\b(phụ lục|biểu)\b[^()]*\)\W*$", RegexOptions.IgnoreCase)] private static partial Regex Note();

    /// <summary>"Các nhiệm vụ … được xác định tại Phụ lục 2 kèm theo …": the paragraph opens by saying where its items are listed.</summary>
    [GeneratedRegex(@"^[^.;]{0,120}\b(được\s+)?(xác định|thể hiện|nêu|liệt kê|quy định)\s+(chi tiết\s+)?tại\s+(các\s+)?phụ lục\b", RegexOptions.IgnoreCase)]
    private static partial Regex Listed();
}
