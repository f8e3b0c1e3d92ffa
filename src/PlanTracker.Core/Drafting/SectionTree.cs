using System.Text.RegularExpressions;
using PlanTracker.Core.Common;

namespace PlanTracker.Core.Drafting;

/// <summary>A section or item of the document: its marked paragraph, the unmarked paragraphs under it, its sub-items.</summary>
public sealed partial class SectionNode
{
    public SectionNode(Marker? marker, Paragraph? head, SectionNode? parent, bool isImplicit = false)
    {
        Marker = marker;
        Head = head;
        Parent = parent;
        IsImplicit = isImplicit;
    }

    public Marker? Marker { get; }
    /// <summary>Null for the root, whose <see cref="Body"/> is the preamble.</summary>
    public Paragraph? Head { get; }
    public SectionNode? Parent { get; set; }
    /// <summary>An unmarked paragraph read as an item (after bullets, or one of several under a heading).</summary>
    public bool IsImplicit { get; }
    public List<Paragraph> Body { get; } = [];
    public List<SectionNode> Children { get; } = [];
    public string Code { get; set; } = "";
    public bool IsTaskSection { get; set; }

    public int Rank => Marker?.Rank ?? (IsImplicit ? Marker.Bullet : -1);
    public bool IsBullet => IsImplicit || Marker?.Kind is MarkerKind.Dash or MarkerKind.Plus;

    /// <summary>The head's words without the mark and the decoration around it.</summary>
    public string HeadText => Head is null ? "" : Clean(Head.Text[(Marker?.Length ?? 0)..]);
    public int HeadTextStart => Head is null ? 0 : Head.Start + (Marker?.Length ?? 0);

    public IEnumerable<SectionNode> Ancestors()
    {
        for (var n = Parent; n is not null; n = n.Parent) yield return n;
    }

    public IEnumerable<SectionNode> Descendants() => Children.SelectMany(c => c.Descendants().Prepend(c));

    public static string Clean(string s) => Decoration().Replace(s.Replace("**", "").Replace("__", ""), " ").Trim().TrimStart('#', ' ').Trim('"', '“', '”').Trim();

    [GeneratedRegex(@"\s{2,}")] private static partial Regex Decoration();
}

/// <summary>
/// Builds the section tree of the document's body: Roman numerals, Arabic numbers ("3.4.", "3.6.1."),
/// letters ("a)", "đ)"), dash and plus bullets, each closing the open sections of the same or an inner rank.
/// </summary>
public static partial class SectionTree
{
    /// <param name="Tables">Runs of table rows (pipe- or tab-separated), each with the appendix heading above it, if any.</param>
    public sealed record Result(SectionNode Root, IReadOnlyList<(string? Heading, List<Paragraph> Rows)> Tables);

    public static Result Build(IReadOnlyList<Paragraph> paragraphs, bool hardWrapped)
    {
        var root = new SectionNode(null, null, null);
        var stack = new Stack<SectionNode>();
        stack.Push(root);
        var tables = new List<(string?, List<Paragraph>)>();
        string? appendix = null;
        // After the content ("…/.", the signature or "Nơi nhận:") only an appendix ("PHỤ LỤC") is read again.
        var trailer = false;
        var caption = false;
        var greeting = false;
        var ocrNumbers = new OcrItemNumbers(paragraphs);
        for (var i = BodyStart(paragraphs); i < paragraphs.Count; i++)
        {
            var p = paragraphs[i];
            if (p.IsTableRow)
            {
                caption = false;
                if (i > 0 && paragraphs[i - 1].IsTableRow && tables.Count > 0) tables[^1].Item2.Add(p);
                else tables.Add((appendix, [p]));
                continue;
            }
            if (AppendixHeading().IsMatch(p.Text))
            {
                appendix = SectionNode.Clean(p.Text);
                trailer = false;
                caption = true;
                while (stack.Count > 1) stack.Pop();
                continue;
            }
            // Under "PHỤ LỤC" / "DANH MỤC", the title in capitals and the note "(Kèm theo Kế hoạch số …)" caption
            // the table that follows: they are neither items nor the start of another document.
            if (caption && Markers.Match(p.Text, strict: hardWrapped) is null)
            {
                var words = SectionNode.Clean(p.Text);
                if (CaptionNote().IsMatch(words)) continue;
                if (words.Length > 0 && !words.Any(char.IsLower))
                {
                    appendix = LabelOnly().IsMatch(appendix!) ? words : appendix + " " + words;
                    continue;
                }
            }
            caption = false;
            // A plan issued by a decision starts again at its own heading ("KẾ HOẠCH …").
            if (trailer && PlanHeading().IsMatch(p.Text))
            {
                trailer = false;
                while (stack.Count > 1) stack.Pop();
                continue;
            }
            if (trailer || !p.Text.Any(char.IsLetterOrDigit)) continue;
            if (Recipients().IsMatch(p.Text) || Signature().IsMatch(p.Text))
            {
                trailer = true;
                continue;
            }
            var marker = Markers.Match(p.Text, strict: hardWrapped) ?? ocrNumbers.Match(i);
            // "# BAN HÀNH KẾ HOẠCH …" between a web page's sections: a page heading in capitals, repeated above each part, is
            // no item's content.
            if (marker is null && stack.Count > 1 && PageHeading().IsMatch(p.Text) && !PlanHeading().IsMatch(p.Text)) continue;
            // "Kính gửi: / - Các Sở, ban, ngành; / - Công an tỉnh;": the letter's recipients, not items.
            if (Greeting().IsMatch(p.Text)) greeting = true;
            else if (greeting && marker?.Kind is MarkerKind.Dash or MarkerKind.Plus) continue;
            // "- Các cơ quan chuyên trách tham mưu, giúp việc / Đảng ủy Ủy ban nhân dân tỉnh,": a recipient's name wrapped onto
            // the next line of a hard-wrapped letter continues the recipient list.
            else if (greeting && marker is null && i > 0 && !paragraphs[i - 1].Text.TrimEnd().EndsWith('.') && RecipientTail().IsMatch(p.Text)) continue;
            else greeting = false;
            // "Mong nhận được sự quan tâm, phối hợp của Quý Cơ quan.": a letter's courtesy closes it as the formula does.
            var closing = Closing().IsMatch(p.Text) || Courtesy().IsMatch(p.Text) || AskedToCarryOut().IsMatch(p.Text);
            if (marker is not null)
            {
                while (stack.Count > 1 && stack.Peek().Rank >= marker.Rank) stack.Pop();
                var node = new SectionNode(marker, p, stack.Peek());
                stack.Peek().Children.Add(node);
                stack.Push(node);
            }
            else if (closing)
            {
                // The closing sentence ("… biết và tổ chức thực hiện./.") is a formula, not a task; one that charges a single
                // agency with following the document up is that agency's task, after the last numbered item.
                if (stack.Count > 1 && ChargesOneAgency().IsMatch(p.Text))
                {
                    var outermost = stack.ElementAt(stack.Count - 2);
                    outermost.Parent!.Children.Add(new SectionNode(null, p, outermost.Parent, isImplicit: true));
                }
            }
            else if (stack.Peek().IsBullet && RomanPart().IsMatch(p.Text) && DescribesParts(stack.Peek()))
            {
                // "+ Bảo đảm … theo quy định tại khoản 1 Điều 49 Nghị định …, cụ thể: / (i) … / (ii) … / (iii) …": the parts
                // after a bullet that introduces them describe it; they are its text, not more bullets (decision 0023 rules 11, 35).
                stack.Peek().Body.Add(p);
            }
            else if (stack.Peek().IsBullet)
            {
                // An unmarked paragraph after bullets is one more item of the dash list ("Ngoài ra, …").
                while (stack.Count > 1 && stack.Peek().IsBullet) stack.Pop();
                var node = new SectionNode(null, p, stack.Peek(), isImplicit: true);
                stack.Peek().Children.Add(node);
                stack.Push(node);
            }
            else stack.Peek().Body.Add(p);
            trailer = closing;
        }
        PromoteParagraphLists(root);
        PromoteDutiesBeforeList(root);
        PromoteUnnumberedConclusion(root);
        InlineEnumerations.Split(root);
        AssignCodes(root);
        return new Result(root, tables);
    }

    /// <summary>The bullet ends by introducing parts ("…, cụ thể:", "… gồm:"), or its parts have begun under it.</summary>
    private static bool DescribesParts(SectionNode bullet) =>
        bullet.Body.Count > 0 ? RomanPart().IsMatch(bullet.Body[^1].Text) : bullet.Head!.Text.TrimEnd(' ', '*').EndsWith(':');

    /// <summary>
    /// The content of an annexed plan starts after "(Ban hành kèm theo Quyết định …)": what comes before
    /// is the decision issuing it (its articles are not the plan's tasks).
    /// </summary>
    private static int BodyStart(IReadOnlyList<Paragraph> paragraphs)
    {
        for (var i = 0; i < paragraphs.Count; i++)
            if (AnnexNote().IsMatch(paragraphs[i].Text) && !IsCaption(paragraphs, i)) return i + 1;
        return 0;
    }

    /// <summary>A note under an appendix heading or right above a table captions the table; it does not start the plan.</summary>
    private static bool IsCaption(IReadOnlyList<Paragraph> paragraphs, int at) =>
        paragraphs.Skip(Math.Max(0, at - 3)).Take(Math.Min(3, at)).Any(p => AppendixHeading().IsMatch(p.Text))
        || paragraphs.Skip(at + 1).FirstOrDefault(p => p.Text.Any(char.IsLetterOrDigit)) is { IsTableRow: true };

    /// <summary>
    /// A letter that numbers nothing ("Về đề nghị của Bộ …, Phó Thủ tướng Chính phủ có ý kiến như sau: / Bộ Tài chính
    /// báo cáo … / Văn phòng Chính phủ thông báo để … biết, thực hiện./."): each paragraph after the sentence that
    /// introduces the conclusion is one item.
    /// </summary>
    private static void PromoteUnnumberedConclusion(SectionNode root)
    {
        if (root.Children.Count > 0) return;
        var intro = root.Body.FindLastIndex(p => Introduces().IsMatch(p.Text));
        // No such sentence ("Ủy ban nhân dân tỉnh nhận được Văn bản số … / Sau khi xem xét, Chủ tịch UBND tỉnh giao Sở …
        // chủ trì, …"): after the greeting, the paragraphs that give an order are the items, the others its background.
        var greeting = root.Body.FindIndex(p => Greeting().IsMatch(p.Text));
        var after = intro >= 0 ? root.Body.Skip(intro + 1) : greeting >= 0 ? root.Body.Skip(greeting + 1).Where(p => Orders().IsMatch(p.Text)) : Enumerable.Empty<Paragraph>();
        foreach (var p in after.ToList())
        {
            root.Body.Remove(p);
            root.Children.Add(new SectionNode(null, p, root, isImplicit: true));
        }
    }

    /// <summary>
    /// "1. Công an tỉnh / Tham mưu giúp UBND tỉnh … / Trong đó giao Giám đốc Công an tỉnh chỉ đạo thực hiện: / - Đôn đốc … /
    /// - …": under a heading that only names an agency, a paragraph before the sentence introducing its bullets is one
    /// more of that agency's duties, the first of its items.
    /// </summary>
    private static void PromoteDutiesBeforeList(SectionNode node)
    {
        foreach (var child in node.Children) PromoteDutiesBeforeList(child);
        if (node.Head is null || node.Children.Count == 0 || !AgencyHeading().IsMatch(node.HeadText)) return;
        var intro = node.Body.FindLastIndex(p => p.Text.TrimEnd(' ', '*').EndsWith(':'));
        var duties = node.Body.Take(Math.Max(intro, 0)).Where(p => !p.Text.TrimEnd(' ', '*').EndsWith(':')).ToList();
        for (var k = 0; k < duties.Count; k++)
        {
            node.Body.Remove(duties[k]);
            node.Children.Insert(k, new SectionNode(null, duties[k], node, isImplicit: true));
        }
    }

    /// <summary>Several unmarked paragraphs directly under a heading with no sub-items are its items.</summary>
    private static void PromoteParagraphLists(SectionNode node)
    {
        foreach (var child in node.Children) PromoteParagraphLists(child);
        if (node.Head is null || node.Children.Count > 0) return;
        // A pointer to the annex ("(chi tiết Phụ lục 04 đính kèm)") and the forms "(i) …", "(ii) …" that an item lists
        // as its own parts are no items of their own: they stay the item's text.
        var items = node.Body.Where(p => !p.Text.TrimEnd().EndsWith(':') && !DraftParser.PointsToAnnex(p.Text) && !RomanPart().IsMatch(p.Text)).ToList();
        if (items.Count < 2) return;
        foreach (var p in items)
        {
            node.Body.Remove(p);
            node.Children.Add(new SectionNode(null, p, node, isImplicit: true));
        }
    }

    private static void AssignCodes(SectionNode root)
    {
        var used = new HashSet<string>();
        void Visit(SectionNode parent)
        {
            var (dashes, pluses) = (0, 0);
            SectionNode? previous = null;
            foreach (var n in parent.Children)
            {
                var prefix = parent.Code;
                // The charge after a list's last numbered item (above) is coded after it: "9-1" follows "9".
                if (n.IsImplicit && previous is { Marker.Kind: MarkerKind.Arabic or MarkerKind.Roman or MarkerKind.Letter })
                    (prefix, dashes) = (previous.Code, 0);
                previous = n;
                var code = n.Marker?.Kind switch
                {
                    // Under a lettered part ("B. …"), its roman sections are the part's ("B.I").
                    MarkerKind.Roman or MarkerKind.Part => Join(parent.Marker?.Kind == MarkerKind.Part ? prefix : "", ".", n.Marker.Label),
                    MarkerKind.Article => "Đ" + n.Marker.Label,
                    // "3.4." already names its parent "3.": it hangs under the nearest non-Arabic section.
                    MarkerKind.Arabic when n.Marker.Label.Contains('.') =>
                        Join(n.Ancestors().FirstOrDefault(a => a.Marker?.Kind is not MarkerKind.Arabic)?.Code ?? "", ".", n.Marker.Label),
                    MarkerKind.Arabic or MarkerKind.Letter or MarkerKind.Bracketed => Join(prefix, ".", n.Marker.Label),
                    MarkerKind.Plus => Join(prefix, "+", (++pluses).ToString()),
                    _ => Join(prefix, "-", (++dashes).ToString()),
                };
                var unique = code;
                for (var k = 0; !used.Add(unique); k++) unique = code + (k < Repeats.Length ? Repeats[k] : "-" + (k + 2));
                n.Code = unique;
                Visit(n);
            }
        }
        Visit(root);
    }

    private static readonly string[] Repeats = ["bis", "ter", "quater"];

    private static string Join(string prefix, string separator, string label) => prefix.Length == 0 ? label : prefix + separator + label;

    [GeneratedRegex(@"^[\W_]*\(?\s*(Ban hành )?kèm theo (Quyết định|Nghị quyết|Chỉ thị|Kế hoạch|Công văn)", RegexOptions.IgnoreCase)] private static partial Regex AnnexNote();
    [GeneratedRegex(@"^\W*Kính gửi\b", RegexOptions.IgnoreCase)] private static partial Regex Greeting();
    [GeneratedRegex(@"^#+\s+[^\p{Ll}]+$")] private static partial Regex PageHeading();
    /// <summary>
    /// "Đề nghị Ủy ban nhân dân tỉnh và các tổ chức đảng nghiêm túc triển khai thực hiện." (CV 2449-CV/ĐU): asking the
    /// addressees to carry the letter out, with no work of its own, closes it as "./." does.
    /// </summary>
    [GeneratedRegex(@"^\W*(?:Đề nghị|Yêu cầu)\s[^.;:]{0,120}?\s(?:nghiêm túc|khẩn trương|tổ chức)\s+(?:triển khai\s+)?thực hiện\s*\.?\s*$")] private static partial Regex AskedToCarryOut();
    /// <summary>The rest of a wrapped recipient: a few words closing with "," ";" "." or nothing, no sentence.</summary>
    [GeneratedRegex(@"^\s*\p{Lu}[^.:;]{0,60}[,;.]?\s*$")] private static partial Regex RecipientTail();
    /// <summary>A heading that is an agency's name and nothing more: "Công an tỉnh", "Sở Nội vụ", "Văn phòng UBND tỉnh".</summary>
    [GeneratedRegex(@"^(Các\s+)?(Sở|Ban|Văn phòng|Ủy ban|Uỷ ban|UBND|Công an|Bộ Chỉ huy|Bộ|Cục|Vụ|Thanh tra|Trung tâm|Đài|Báo|Kho bạc|Viện)\s+[^.:;,]{1,60}$")] private static partial Regex AgencyHeading();
    /// <summary>"giao Sở …", "Yêu cầu các Sở …", "đề nghị Ủy ban …": an order to a named agency.</summary>
    [GeneratedRegex(@"\b([Gg]iao|[Yy]êu cầu|[Đđ]ề nghị)\s+([Cc]ác\s+)?\p{Lu}")] private static partial Regex Orders();
    [GeneratedRegex(@"^\W*((Rất\s+)?mong nhận được sự (quan tâm|phối hợp|ủng hộ|hợp tác)|(Xin\s+)?trân trọng( cảm ơn)?\W*$)", RegexOptions.IgnoreCase)] private static partial Regex Courtesy();
    /// <summary>"(ii) Giao tài sản …", "(iv) …"; an OCR may lose the thin "i" of "(i)".</summary>
    [GeneratedRegex(@"^\W{0,3}\(\s*[ivx]{0,5}\s*\)\s")] private static partial Regex RomanPart();
    [GeneratedRegex(@"(như sau|sau đây)\s*[:.]?\W*$", RegexOptions.IgnoreCase)] private static partial Regex Introduces();
    [GeneratedRegex(@"^\W*" + RecipientsHeading.Pattern, RegexOptions.IgnoreCase)] private static partial Regex Recipients();
    [GeneratedRegex(@"\s*\.?\s*/\s*\.\s*\**$")] private static partial Regex Closing();
    /// <summary>
    /// "Bộ Kế hoạch và Đầu tư chịu trách nhiệm hướng dẫn, theo dõi, đôn đốc thực hiện …/.", "Sở Nội vụ có trách nhiệm theo dõi …":
    /// one agency (no list before the verb) charged with work other than executing the document ("chịu trách nhiệm thi hành").
    /// Decision 0023 rules 12 and 29.
    /// </summary>
    [GeneratedRegex(@"^\W*(?:Bộ|Sở|Ủy ban|Uỷ ban|UBND|Văn phòng|Ban|Cục|Thanh tra|Công an|Đảng ủy|Đảng uỷ)\s[^.;:,]{1,80}?\s(?:chịu trách nhiệm|có trách nhiệm)\s+(?!(?:tổ chức\s+)?thi hành)")] private static partial Regex ChargesOneAgency();
    /// <summary>"TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", and a party body's "T/M BAN THƯỜNG VỤ", "T/M TỈNH ỦY".</summary>
    [GeneratedRegex(@"^\W*(?:(?:TM|KT|Q|TL|TUQ)\.|T/M|K/T)\s*\p{Lu}|^\W*(PHÓ )?(CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG BAN|BÍ THƯ)\W*$")] private static partial Regex Signature();
    [GeneratedRegex(@"^\W*(PHỤ LỤC|DANH MỤC)\b")] private static partial Regex AppendixHeading();
    [GeneratedRegex(@"^\W*PHỤ LỤC(\s+(\d+|[IVXL]+|SỐ \d+))?\W*$")] private static partial Regex LabelOnly();
    [GeneratedRegex(@"^\W*\(?\s*(Ban hành )?kèm theo\b", RegexOptions.IgnoreCase)] private static partial Regex CaptionNote();
    /// <summary>"KẾ HOẠCH", "CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ", "# ĐỀ ÁN": the annexed plan's own heading, in capitals.</summary>
    [GeneratedRegex(@"^[\W_]*(KẾ HOẠCH|CHƯƠNG TRÌNH HÀNH ĐỘNG|CHƯƠNG TRÌNH|ĐỀ ÁN)(\s+[^\p{Ll}]*)?$")] private static partial Regex PlanHeading();
}
