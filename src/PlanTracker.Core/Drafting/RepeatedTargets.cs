namespace PlanTracker.Core.Drafting;

/// <summary>
/// A target the document states among its objectives ("(7) Tỷ lệ các khu công nghiệp có công trình xử lý nước thải tập trung
/// đạt chuẩn 100%") and says again in a task ("… bảo đảm 100% khu công nghiệp có công trình xử lý nước thải tập trung đạt
/// chuẩn") is one target, recorded once, where the objectives state it (0023 rules 28 and 32): the task's copy is dropped.
/// The same when the same value measures something else ("100% cán bộ được tập huấn") is another target and stays: the
/// indicators must share most of their words. Decision 0009, "Round 7 — objectives and OCR numbers".
/// </summary>
internal static class RepeatedTargets
{
    /// <summary>Share of the indicators' folded words (Jaccard) above which two equal values are one target.</summary>
    private const double SameIndicator = 0.7;

    public static void Drop(List<ProposedItem> items)
    {
        var byId = items.ToDictionary(i => i.Id);
        bool IsObjective(ProposedItem item) => Ancestors(item, byId).Prepend(item).Any(a => Objectives(a.Title));
        var stated = items.Where(IsObjective).SelectMany(i => i.Targets).ToList();
        if (stated.Count == 0) return;
        foreach (var item in items.Where(i => !IsObjective(i)))
            item.Targets.RemoveAll(t => stated.Any(s => s.Value == t.Value && s.Unit == t.Unit && s.Comparison == t.Comparison
                && Similarity(s.Indicator, t.Indicator) >= SameIndicator));
    }

    private static IEnumerable<ProposedItem> Ancestors(ProposedItem item, Dictionary<string, ProposedItem> byId)
    {
        for (var p = item.ParentId; p is not null && byId.TryGetValue(p, out var parent); p = parent.ParentId) yield return parent;
    }

    /// <summary>"Mục tiêu năm 2026", "b) Mục tiêu cụ thể", "CÁC CHỈ TIÊU CHỦ YẾU": a heading of objectives or indicators.</summary>
    private static bool Objectives(string title)
    {
        var keys = Tokens.Of(title).Select(t => t.Key).ToList();
        var at = keys.FirstOrDefault() == "cac" ? 1 : 0;
        return keys.Count >= at + 2 && keys[at + 1] == "tieu" && keys[at] is "muc" or "chi";
    }

    private static double Similarity(string a, string b)
    {
        var (x, y) = (Tokens.Of(a).Select(t => t.Key).ToHashSet(), Tokens.Of(b).Select(t => t.Key).ToHashSet());
        var union = x.Union(y).Count();
        return union == 0 ? 0 : (double)x.Intersect(y).Count() / union;
    }
}
