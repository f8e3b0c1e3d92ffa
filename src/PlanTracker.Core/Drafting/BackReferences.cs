using System.Text.RegularExpressions;

namespace PlanTracker.Core.Drafting;

/// <summary>
/// Addressees named by pointing back: "Sở Công Thương yêu cầu đơn vị nêu trên thực hiện một số nội dung sau:" after an
/// inspection's results name three enterprises (TB 1894/TB-SCT Lào Cai), "Đề nghị các doanh nghiệp trên …", "các đơn vị
/// được kiểm tra có trách nhiệm …". The words name no one; the agencies the document named before them are meant, and
/// when it sends itself to a list ("Nơi nhận: - Công ty A; - Công ty B; …") only those it also sends to (the issuer, the
/// bodies of its legal basis and its own offices are no addressees). Joint subjects: the first named leads, the others
/// coordinate (0023 rule 33). Decision 0009, "Round 7 — leads by description, role or third party".
/// </summary>
internal sealed partial class BackReferences(IReadOnlyList<Paragraph> paragraphs, AgencyDirectory directory)
{
    /// <summary>
    /// Where a sentence addresses "(các) đơn vị / doanh nghiệp / công ty / cơ sở … nêu trên" rather than a name: as its subject
    /// ("Các đơn vị nêu trên có trách nhiệm:") or as whom it asks ("Sở Y tế đề nghị các doanh nghiệp trên …"), over the asker.
    /// Not "phối hợp với các đơn vị trên", which names partners. -1 when it does not.
    /// </summary>
    public static int PointingAt(string sentence) => PointingBack().Match(sentence) is { Success: true } m ? m.Groups["ref"].Index : -1;

    /// <summary>
    /// "Đề nghị Công ty tiếp tục …" in a list already addressed: a kind noun standing alone ("Công ty", "Doanh nghiệp", "Đơn
    /// vị") names no one new, so it is the list's addressee, whatever directory entry happens to go by the bare noun.
    /// </summary>
    public static bool IsBareKind(string mention) => BareKind().IsMatch(mention.Trim());

    /// <summary>
    /// The agencies the document names before <paramref name="before"/> (the pointing words), as joint subjects; None when it
    /// names none. Not the one asking ("Sở Xây dựng yêu cầu …"), nor a heading in capitals (the issuer's name in the header).
    /// </summary>
    public Assignment Named(int before)
    {
        var named = Candidates.Where(m => m.End <= before).DistinctBy(m => m.Agency!.Key).ToList();
        return named.Count == 0 ? Assignment.None : new Assignment(named[0], named.Skip(1).ToList(), false);
    }

    /// <summary>
    /// Every agency the document names that a pointing sentence may mean, in order, read once: each section that points back
    /// would otherwise read every paragraph before it again, and a long notice of such sections took quadratic time. When the
    /// document sends itself to a list, only those it also sends to (<see cref="SentTo"/>).
    /// </summary>
    private List<AgencyMention> Candidates => candidates ??= ReadCandidates();
    private List<AgencyMention>? candidates;

    private List<AgencyMention> ReadCandidates()
    {
        var named = paragraphs.Where(p => p.Text.Any(char.IsLower) && !LegalBasis().IsMatch(p.Text))
            .SelectMany(p => directory.Mentions(p.Text, p.Start).Where(m => !Asking().IsMatch(p.Text.AsSpan(m.End - p.Start))))
            .Where(m => m.Agency is { IsGroup: false, IsSecretariat: false }).ToList();
        var sentTo = SentTo();
        return sentTo.Count > 0 ? named.Where(m => sentTo.Contains(m.Agency!.Key)).ToList() : named;
    }

    /// <summary>The agencies of the "Nơi nhận" list, after the content.</summary>
    private HashSet<string> SentTo()
    {
        var at = paragraphs.ToList().FindLastIndex(p => Recipients().IsMatch(p.Text));
        return at < 0 ? [] : paragraphs.Skip(at).TakeWhile(p => !Appendix().IsMatch(p.Text))
            .SelectMany(p => directory.Mentions(p.Text, p.Start)).Where(m => m.Agency is not null).Select(m => m.Agency!.Key).ToHashSet();
    }

    [GeneratedRegex(@"(?:^\W*|\b(?:yêu cầu|đề nghị|giao|đối với)\s+)(?<ref>(?:các\s+)?(?:đơn vị|doanh nghiệp|công ty|cơ sở|tổ chức|nhà thầu|chủ đầu tư)(?:\s*,\s*(?:đơn vị|doanh nghiệp|công ty|cơ sở|tổ chức))*\s+(?:nêu trên|nói trên|kể trên|trên|được kiểm tra|được thanh tra|có tên trên))\b", RegexOptions.IgnoreCase)]
    private static partial Regex PointingBack();
    [GeneratedRegex(@"^\s*(?:yêu cầu|đề nghị|giao|thông báo|kiến nghị)\b", RegexOptions.IgnoreCase)] private static partial Regex Asking();
    [GeneratedRegex(@"^(?:các\s+)?(?:công ty|tổng công ty|doanh nghiệp|đơn vị)$", RegexOptions.IgnoreCase)] private static partial Regex BareKind();
    [GeneratedRegex(@"^\W*(?:Căn cứ|Thực hiện|Theo|Xét|Trên cơ sở)\b")] private static partial Regex LegalBasis();
    [GeneratedRegex(@"^\W*" + RecipientsHeading.Pattern, RegexOptions.IgnoreCase)] private static partial Regex Recipients();
    [GeneratedRegex(@"^\W*(?:PHỤ LỤC|DANH MỤC)\b")] private static partial Regex Appendix();
}
