using System.Text.RegularExpressions;
using PlanTracker.Core.Domain;

namespace PlanTracker.Core.Drafting;

/// <summary>A parent plan's task the reader may link an item to (issue 18, item 1; decision 0027).</summary>
public sealed record ParentTaskCandidate(long TaskId, string Code, string Text, string? DocumentNumber, IReadOnlyList<ParentTargetCandidate> Targets);

public sealed record ParentTargetCandidate(long TargetId, TargetUnit Unit, TargetComparison Comparison, decimal Value);

/// <summary>Why the reader proposes a link: the item cites the parent task, says the same, or sets the same target.</summary>
public enum ParentLinkBasis { Cited, SameWording, SameTarget, Reviewer }

/// <summary>A proposed link; the secretariat confirms it in review. <see cref="OwnTargetIndex"/>: the item's target that measures the parent's.</summary>
public sealed record ProposedParentLink(long ParentTaskId, string ParentCode, long? ParentTargetId, int? OwnTargetIndex, ParentLinkBasis Basis, double Score);

/// <summary>
/// Proposes which tasks of the parent plans an item of a province's plan carries out, from its text:
/// an explicit citation ("thực hiện nhiệm vụ 7 tại Nghị quyết số 36a/NQ-CP"), the same wording (the
/// province's plan restates the parent's task: most of the item's rare word pairs are the parent's),
/// or the same target (same unit, comparison and value, with words in common). Only proposals: the
/// secretariat confirms each in review, so a doubtful match costs a click, a missed one a search.
/// </summary>
public static partial class ParentLinks
{
    /// <summary>Share of the shorter text's weighted word pairs two texts must share to "say the same".</summary>
    public const double SameWordingShare = 0.5;
    /// <summary>With an identical target, fewer words in common suffice: the number says most of it.</summary>
    public const double SameTargetShare = 0.2;

    [GeneratedRegex(@"(?:thực hiện|triển khai)\s+(?:các\s+)?nhiệm vụ\s+(?:số\s+|tại\s+)?(?:(?:mục|điểm|khoản)\s+)?(?<code>[0-9IVXivx]+(?:[.\-][0-9a-zđ]+)*)\s*,?\s*(?:(?:tại|của|theo|thuộc)\s+)?(?:Phụ lục[^,;]*?\s+)?(?:Nghị quyết|Quyết định|Chương trình hành động|Chương trình|Kế hoạch|Chỉ thị)\s+(?:số\s+)?(?<number>[0-9]+[a-zđ]?/[A-ZĐ0-9\-]+)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Citation();

    /// <summary>The document numbers an item's text cites tasks of ("… tại Nghị quyết số 36a/NQ-CP"): their plans are candidate parents.</summary>
    public static IEnumerable<string> CitedNumbers(string text) => Citation().Matches(text).Select(m => m.Groups["number"].Value);

    public static List<ProposedParentLink> Propose(ProposedItem item, IReadOnlyList<ParentTaskCandidate> parents)
    {
        var text = item.Description ?? item.Title;
        var links = new List<ProposedParentLink>();
        foreach (Match m in Citation().Matches(text))
        {
            var code = m.Groups["code"].Value.TrimEnd('.');
            var number = m.Groups["number"].Value;
            foreach (var p in parents.Where(p => p.Code.Equals(code, StringComparison.OrdinalIgnoreCase)
                         && string.Equals(p.DocumentNumber, number, StringComparison.OrdinalIgnoreCase)))
                links.Add(new ProposedParentLink(p.TaskId, p.Code, null, null, ParentLinkBasis.Cited, 1));
        }
        if (links.Count > 0) return links;

        // Pairs that every parent task says ("dich vu", "thong tin") weigh little; rare ones decide.
        var pairsOf = parents.ToDictionary(p => p.TaskId, p => SimilarItems.Pairs(p.Text));
        var weight = pairsOf.Values.SelectMany(p => p).GroupBy(p => p)
            .ToDictionary(g => g.Key, g => Math.Log((double)(parents.Count + 1) / g.Count()));
        double Weight(IEnumerable<string> pairs) => pairs.Sum(p => weight.GetValueOrDefault(p, Math.Log(parents.Count + 1)));
        var own = SimilarItems.Pairs(text);
        var scored = parents
            .Select(p => (Parent: p, Share: Weight(pairsOf[p.TaskId].Where(own.Contains)) / Math.Max(1e-9, Math.Min(Weight(own), Weight(pairsOf[p.TaskId])))))
            .Where(x => x.Share > 0).OrderByDescending(x => x.Share).ToList();

        foreach (var (parent, share) in scored)
        {
            var sameTargets = parent.Targets.Select(pt => (pt, Own: item.Targets.FindIndex(t => t.Unit == pt.Unit && t.Comparison == pt.Comparison && t.Value == pt.Value)))
                .Where(x => x.Own >= 0).ToList();
            if (share >= SameWordingShare)
            {
                if (sameTargets.Count == 0) links.Add(new ProposedParentLink(parent.TaskId, parent.Code, null, null, ParentLinkBasis.SameWording, share));
                links.AddRange(sameTargets.Select(x => new ProposedParentLink(parent.TaskId, parent.Code, x.pt.TargetId, x.Own, ParentLinkBasis.SameWording, share)));
            }
            else if (share >= SameTargetShare)
                links.AddRange(sameTargets.Select(x => new ProposedParentLink(parent.TaskId, parent.Code, x.pt.TargetId, x.Own, ParentLinkBasis.SameTarget, share)));
        }
        return links;
    }
}
