using System.Text.RegularExpressions;

namespace PlanTracker.Core.Drafting;

/// <summary>
/// A reply to an agency's question ("Trả lời Văn bản số … của Sở …, Cục … có ý kiến như sau:", "sau khi xem xét, Bộ … có ý
/// kiến như sau:") answers point by point. A point that only explains — opens on the law ("Tại Điều 12 Nghị định …", "Căn
/// cứ quy định tại …") and says who is competent ("Vì vậy, Ủy ban nhân dân cấp tỉnh quyết định …") — asks nobody to do
/// anything and is no task; a point that asks ("đề nghị địa phương …", "cần lưu ý", "yêu cầu", "giao", "chủ trì", "có
/// trách nhiệm"), or opens on its agency ("2. Ủy ban nhân dân tỉnh Nghệ An chủ động rà soát …", u03), is read as before.
/// Decision 0023 rule 35; decision 0009, round 7.
/// </summary>
internal static partial class ReplyExplanations
{
    public static void Unmark(SectionNode root)
    {
        if (!root.Body.Any(p => Reply().IsMatch(p.Text))) return;
        foreach (var point in root.Children.Where(c => c.IsTaskSection && c.Marker?.Kind is MarkerKind.Arabic or MarkerKind.Roman))
        {
            var texts = point.Descendants().Prepend(point).SelectMany(n => n.Body.Select(p => p.Text).Prepend(n.HeadText)).ToList();
            // Its words open on the law (under a topic heading "Về …", its first paragraph does), and nothing in it asks.
            var opening = Topic().IsMatch(texts[0]) && texts.Count > 1 ? texts[1] : texts[0];
            if (!CitesTheLaw().IsMatch(opening) || texts.Any(t => Asks().IsMatch(t))) continue;
            foreach (var n in point.Descendants().Prepend(point)) n.IsTaskSection = false;
        }
    }

    [GeneratedRegex(@"^\W*Về\s", RegexOptions.IgnoreCase)] private static partial Regex Topic();
    /// <summary>"Tại Điều 12 Nghị định …", "Căn cứ quy định tại Điều 42 …", "Theo quy định tại khoản 3 Điều 9 Luật …".</summary>
    [GeneratedRegex(@"^\W*(?:Căn cứ|Tại|Theo)\s+(?:(?:các\s+)?quy định\s+(?:tại\s+|của\s+)?)?(?:(?:điểm|khoản)\s+\S+\s+)*(?:Điều|khoản|điểm|Luật|Nghị định|Thông tư|Quyết định)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CitesTheLaw();
    [GeneratedRegex(@"\b(?:có|cho)\s+ý\s+kiến\s+(?:như sau|trả lời|trao đổi)|^\W*Trả lời\s+(?:Văn bản|Công văn|Tờ trình)", RegexOptions.IgnoreCase)] private static partial Regex Reply();
    [GeneratedRegex(@"\b(?:đề nghị|yêu cầu|giao|cần|lưu ý|chủ trì|chịu trách nhiệm|có trách nhiệm)\b", RegexOptions.IgnoreCase)] private static partial Regex Asks();
}
