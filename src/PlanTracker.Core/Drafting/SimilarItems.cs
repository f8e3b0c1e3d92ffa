using System.Globalization;
using PlanTracker.Core.Domain;

namespace PlanTracker.Core.Drafting;

/// <summary>
/// Plans often state a target or task in one part without saying who does it or by when, and assign
/// the same work, in nearly the same words, in another part ("II. Mục tiêu, chỉ tiêu": "Năm 2016, xây
/// dựng trang tin doanh nghiệp trên Cổng Thông tin - Giao tiếp điện tử tỉnh"; "III. Nhiệm vụ cụ thể",
/// "Sở Kế hoạch và Đầu tư: … triển khai trang tin doanh nghiệp … trên Cổng Thông tin - Giao tiếp điện tử
/// tỉnh"). An item that names no lead takes the lead of the most similar item of another part that
/// names one; an item with no time at all takes the date of the most similar item of another part that
/// gives one (never an appendix row's date to an item of the text); in both cases only when they share
/// enough rare word pairs, and marked with where it came from.
/// </summary>
internal static class SimilarItems
{
    /// <summary>
    /// The share of the shorter text's word pairs, weighted by rarity in the document, two items must
    /// have in common. Set on the seed documents (docs/decisions/0009-drafting.md): lower values start
    /// linking items that merely share the plan's vocabulary.
    /// </summary>
    public static readonly double MinimumShare = double.Parse(Environment.GetEnvironmentVariable("SIMT") ?? "0.3", CultureInfo.InvariantCulture);

    private static readonly HashSet<string> StopWords =
    [
        "va", "cua", "cac", "cho", "trong", "voi", "de", "theo", "ve", "tai", "tren", "den", "tu", "nhung", "duoc", "co", "la",
        "mot", "so", "nay", "do", "khi", "hoac", "nhu", "da", "se", "thi", "ma", "vao", "ra", "con", "bao", "dam", "dia", "ban",
        "tinh", "nham", "viec", "cong", "tac", "thuc", "hien", "trien", "khai", "tang", "cuong", "day", "manh", "nang", "cao",
    ];

    public static void Infer(ItemBuilder builder)
    {
        var leaves = builder.Items.Where(i => !i.IsGroup).Select(i => (Item: i, Pairs: Pairs(i.Description ?? i.Title))).ToList();
        // Pairs every item says ("thong tin", "dien tu") tell nothing: each pair weighs by how rare it is.
        var weight = leaves.SelectMany(l => l.Pairs).GroupBy(p => p)
            .ToDictionary(g => g.Key, g => Math.Log((double)(leaves.Count + 1) / g.Count()));
        double Weight(IEnumerable<string> pairs) => pairs.Sum(p => weight.GetValueOrDefault(p));
        var byId = builder.Items.ToDictionary(i => i.Id);
        string Part(ProposedItem i) => i.ParentId is { } p && byId.TryGetValue(p, out var parent) ? Part(parent) : i.Id;

        // The same work is stated in another part of the plan, not next to it.
        (ProposedItem Item, double Score)? Best(ProposedItem item, HashSet<string> pairs, Func<ProposedItem, bool> usable)
        {
            var own = Weight(pairs);
            var best = leaves.Where(l => usable(l.Item) && Part(l.Item) != Part(item))
                .Select(l => (l.Item, Score: Weight(l.Pairs.Where(pairs.Contains)) / Math.Max(1e-9, Math.Min(own, Weight(l.Pairs)))))
                .OrderByDescending(x => x.Score).FirstOrDefault();
            return best.Item is not null && best.Score >= MinimumShare ? best : null;
        }

        // A collective's similar work ("Các sở, ban, ngành", "UBND các xã, phường" quán triệt …) says the item concerns everyone,
        // not whose it is: when the plan names who carries out the rest (its standing agency, or a party document's executor),
        // that agency takes the item instead (decision 0009, round 6: such guesses were right 0 times of 6 where one was named).
        var executor = ProgrammeOwner.HasStanding(builder) || builder.DefaultLead is { } fallback && fallback.Key != builder.Directory.Secretariat?.Key;
        foreach (var (item, pairs) in leaves.Where(l => builder.WithoutNamedLead.Contains(l.Item) && l.Item.Lead is null))
        {
            if (Best(item, pairs, c => c.Lead is { AgencyKey: not null, Basis: AssigneeBasis.Named or AssigneeBasis.Heading or AssigneeBasis.Table })
                is not var (source, _)) continue;
            if (executor && DocumentExecutor.IsCollective(source.Lead!, builder.Directory)) continue;
            var lead = source.Lead!;
            item.Lead = new ProposedAssignee
            {
                AgencyId = lead.AgencyId, AgencyKey = lead.AgencyKey, Name = lead.Name, Basis = AssigneeBasis.SimilarAssignment,
                Span = source.Span, From = source.Code,
            };
        }
        // A date is taken only from the item's counterpart: each is the other's best match, as a statement
        // and its assignment are one to one, while one agency's assignment may cover several statements.
        bool Timeless(ProposedItem i) => i.Deadline is { Kind: DeadlineKind.Unspecified, Inherited: false, Text.Length: 0 };
        bool Dated(ProposedItem i) => i.Deadline is { Inherited: false, DueOn: not null } d && !Deadline.IsOngoingKind(d.Kind);
        var pairsOf = leaves.ToDictionary(l => l.Item, l => l.Pairs);
        var links = new List<(ProposedItem Item, ProposedItem Source)>();
        foreach (var (item, pairs) in leaves.Where(l => Timeless(l.Item)))
        {
            // A numbered item of the text that an appendix row restates is a task of its own, with its own
            // (here: no) time: the row's date is not lent to it (the corpus' 07 and 09 state both).
            if (Best(item, pairs, c => Dated(c) && !(c.Origin == "table" && item.Origin == "text")) is not var (source, _)) continue;
            if (Best(source, pairsOf[source], c => Timeless(c) && Part(c) == Part(item)) is var (back, _) && back == item) links.Add((item, source));
        }
        foreach (var (item, source) in links)
        {
            var d = source.Deadline!;
            item.Deadline = new ProposedDeadline
            {
                Text = d.Text, Kind = d.Kind, StartOn = d.StartOn, DueOn = d.DueOn, WorkingDays = d.WorkingDays,
                Inherited = true, From = source.Code, Span = d.Span,
            };
        }
    }

    /// <summary>Consecutive content words, as pairs ("trang tin", "tin doanh", "doanh nghiep").</summary>
    public static HashSet<string> Pairs(string text)
    {
        var words = Tokens.Of(text).Select(t => t.Key).Where(k => !StopWords.Contains(k) && !k.All(char.IsDigit)).ToList();
        return words.Zip(words.Skip(1), (a, b) => a + " " + b).ToHashSet();
    }
}
