using System.Text.RegularExpressions;

namespace PlanTracker.Core.Drafting;

/// <summary>
/// Who carries out the document's programme as a whole, as its implementation section says: "Bộ Nông nghiệp và
/// Phát triển nông thôn: + Chủ trì, phối hợp với các bộ, ngành liên quan, … tổ chức triển khai thực hiện Chương
/// trình." (QĐ 419/QĐ-TTg), "Trên cơ sở các nhiệm vụ, giải pháp trong Chương trình hành động này, …, Bộ trưởng,
/// Thủ trưởng cơ quan ngang bộ, …, Chủ tịch Ủy ban nhân dân các tỉnh, … có trách nhiệm xây dựng kế hoạch tổ chức
/// thực hiện." (NQ 88/NQ-CP). The items of the text that name no one are theirs, as a list's items are its
/// addressee's; this comes before guessing from a similar item elsewhere, which would give a national task to the
/// one ministry that holds a similar appendix row. A plan's standing agency (<see cref="IsStanding"/>) only follows and
/// guides the others' work, so it takes what is left after that guess, in place of the secretariat.
/// </summary>
internal static partial class ProgrammeOwner
{
    public static void Assign(ItemBuilder builder)
    {
        Give(builder, CarriesOut);
        // "Đảng ủy UBND tỉnh lãnh đạo Ủy ban nhân dân tỉnh ban hành kế hoạch thực hiện Nghị quyết (trong tháng 01/2026) …" (NQ
        // 34-NQ/TU Lào Cai, IV.3): the one body charged with the plan that carries the resolution out carries out what the
        // resolution gives no one. Not a collective ("Các cấp ủy … cụ thể hóa thành kế hoạch thực hiện Nghị quyết"): each
        // of its members plans its own part.
        if (Owner(builder, ChargedWithPlan, i => !DocumentExecutor.IsCollective(i.Lead!, builder.Directory)) is { } implementer)
            GiveUnnamed(builder, implementer.Lead!, implementer.Code);
    }

    /// <summary>
    /// "Theo đề nghị của Bộ trưởng Bộ Lao động - Thương binh và Xã hội" (QĐ 773/QĐ-TTg), "Theo đề nghị của Giám đốc Công an
    /// tỉnh" (QĐ 254/QĐ-UBND Sơn La), "Theo đề nghị của Cục trưởng Cục Lâm nghiệp và Kiểm lâm" (QĐ 2200/QĐ-BNNMT): a
    /// decision's preamble names the one agency that drafted the plan and proposed it; the plan's items that name no one are
    /// that agency's to carry out, before a similar item elsewhere is guessed from (which gave them to whichever ministry
    /// holds one similar duty). Only one proposer: two ("… Bộ trưởng Bộ Khoa học và Công nghệ và Bộ trưởng Bộ Thông tin và
    /// Truyền thông") share no item by this rule.
    /// </summary>
    public static void AssignProposer(ItemBuilder builder, IEnumerable<Paragraph> paragraphs)
    {
        // Only a preamble opens a paragraph with "Theo/Xét đề nghị của"; a decision issuing a plan has it before the plan.
        var proposer = paragraphs.Select(p => Proposer(p.Text, p.Start, builder.Directory)).FirstOrDefault(m => m is not null);
        if (proposer is null) return;
        // The proposer that the plan also makes its standing agency ("Sở Thông tin và Truyền thông là cơ quan đầu mối", KH
        // 671a Đắk Nông) follows and guides the others' work: it takes what is left after the guess, as any standing agency.
        if (Owner(builder, IsStanding) is { } standing && standing.Lead!.AgencyKey == proposer.Agency!.Key) return;
        GiveUnnamed(builder, builder.Assignee(proposer, AssigneeBasis.Addressee, "document"), "document");
    }

    /// <summary>The agency a preamble's "Theo/Xét đề nghị của [its head's title] …" names, when it names one agency of the directory.</summary>
    public static AgencyMention? Proposer(string text, int offset, AgencyDirectory directory)
    {
        var m = ProposedBy().Match(text);
        if (!m.Success) return null;
        var rest = text[(m.Index + m.Length)..];
        var mentions = directory.Mentions(rest, offset + m.Index + m.Length);
        if (mentions.Count == 0 || mentions[0].Start != offset + m.Index + m.Length || mentions[0].Agency is null) return null;
        // "… tại Tờ trình số …", "…," "…;": the proposal's reference ends the proposer; a second proposer joins with "và".
        var after = text[(mentions[0].End - offset)..];
        return Joined().IsMatch(after) ? null : mentions[0];
    }

    /// <summary>After <see cref="SimilarItems"/>: the standing agency takes the items still without a lead.</summary>
    public static void AssignStanding(ItemBuilder builder) => Give(builder, IsStanding);

    /// <summary>Whether the plan names a standing agency (<see cref="IsStanding"/>) that takes what is left.</summary>
    public static bool HasStanding(ItemBuilder builder) => Owner(builder, IsStanding) is not null;

    private static void Give(ItemBuilder builder, Func<string, bool> owns)
    {
        if (Owner(builder, owns) is { } owner) GiveUnnamed(builder, owner.Lead!, owner.Code);
    }

    /// <summary>Every item of the text that names no lead and has none yet takes <paramref name="lead"/>, marked as the addressee's.</summary>
    private static void GiveUnnamed(ItemBuilder builder, ProposedAssignee lead, string from)
    {
        foreach (var item in builder.Items.Where(i => i.Origin == "text" && i.Lead is null && builder.WithoutNamedLead.Contains(i)))
            item.Lead = new ProposedAssignee
            {
                AgencyId = lead.AgencyId, AgencyKey = lead.AgencyKey, Name = lead.Name, Basis = AssigneeBasis.Addressee, Span = lead.Span, From = from,
            };
    }

    private static ProposedItem? Owner(ItemBuilder builder, Func<string, bool> owns, Func<ProposedItem, bool>? eligible = null) =>
        builder.Items.FirstOrDefault(i => !i.IsGroup && i.Origin == "text"
            && i.Lead is { AgencyKey: not null, Basis: AssigneeBasis.Named or AssigneeBasis.Heading }
            && owns(i.Description ?? i.Title) && (eligible is null || eligible(i)));

    /// <summary>Whether a sentence charges its subject with issuing the plan that carries this document out.</summary>
    public static bool ChargedWithPlan(string text) => IssuesImplementingPlan().IsMatch(text);

    /// <summary>
    /// "… ban hành kế hoạch thực hiện Nghị quyết", "… xây dựng Kế hoạch triển khai Chỉ thị này", "… ban hành Chương trình hành
    /// động thực hiện Nghị quyết": the subject issues the implementing plan (not "căn cứ … kế hoạch", which uses one).
    /// </summary>
    [GeneratedRegex(@"\b(?:ban hành|xây dựng)\s+(?:và\s+(?:ban hành|tổ chức)\s+)?(?:kế hoạch|chương trình hành động)\s+(?:thực hiện|triển khai(?:\s+thực hiện)?)\s+(?:Nghị quyết|Chỉ thị|Kết luận|Chương trình|Đề án)\b", RegexOptions.IgnoreCase)]
    private static partial Regex IssuesImplementingPlan();

    /// <summary>Whether a sentence gives the whole programme to its subject (not a part of it, and not its monitoring).</summary>
    public static bool CarriesOut(string text) => LeadsTheWhole().IsMatch(text) || OnTheBasisOfAll().IsMatch(text);

    /// <summary>Whether a sentence names the plan's standing agency, or the one guiding and checking the whole plan.</summary>
    public static bool IsStanding(string text) => StandingAgency().IsMatch(text) || GuidesAndChecks().IsMatch(text);

    /// <summary>
    /// "1. Sở Công Thương / - Là cơ quan thường trực, có trách nhiệm tổng hợp, theo dõi, đôn đốc …" (KH 134/KH-UBND Lào Cai),
    /// "2. Sở Thông tin và Truyền thông / - Là cơ quan đầu mối, chủ trì, phối hợp … tổ chức triển khai thực hiện kế hoạch
    /// này" (KH 671a Đắk Nông): the plan's standing agency, also as a labelled item ("1. Sở X: là cơ quan thường trực, …").
    /// Not "là cơ quan thường trực Ban Chỉ đạo …", a committee's.
    /// </summary>
    [GeneratedRegex(@"^\W*(?:[^.;:]{0,80}:?\s)?là (?:cơ quan|đơn vị) (?:thường trực|đầu mối)\s*[,;:]", RegexOptions.IgnoreCase)]
    private static partial Regex StandingAgency();

    /// <summary>
    /// "Giao Công an tỉnh chủ trì phối hợp với Văn phòng UBND tỉnh giúp Chủ tịch UBND tỉnh hướng dẫn, đôn đốc, kiểm tra việc
    /// thực hiện kế hoạch này" (QĐ 254/QĐ-UBND Sơn La): leading the guidance and checking of the whole plan puts the agency
    /// in charge of it; following it up alone ("chủ trì … theo dõi, đôn đốc việc triển khai thực hiện Chương trình", NQ 03/NQ-CP)
    /// does not.
    /// </summary>
    [GeneratedRegex(@"\bchủ trì\b[^.;]*?(?:hướng dẫn|đôn đốc|kiểm tra)(?:,\s*|\s+và\s+)(?:hướng dẫn|đôn đốc|kiểm tra)(?:,\s*|\s+và\s+)(?:hướng dẫn|đôn đốc|kiểm tra)\b[^.;]*\bthực hiện\s+(?:Kế hoạch|Chương trình|Đề án)(?:\s+này)?\s*[.;]?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex GuidesAndChecks();

    /// <summary>
    /// "Chủ trì, phối hợp với … tổ chức triển khai thực hiện Chương trình." at the sentence's end. Not "… đề xuất … văn bản chỉ
    /// đạo … để triển khai thực hiện Kế hoạch này" (KH 252/KH-BCĐQG1237's office): work done so that the plan can be carried
    /// out (a purpose, after "để" or "nhằm") serves the plan; it does not carry it out.
    /// </summary>
    [GeneratedRegex(@"^\W*chủ trì\b[^.;]*(?<!\b(?:để|nhằm)(?:\s+tổ chức)?\s+)\btriển khai,?\s+thực hiện\s+(Chương trình|Kế hoạch|Đề án)(\s+hành động)?(\s+này)?\s*[.;]?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex LeadsTheWhole();

    [GeneratedRegex(@"^\W*(?:Theo|Xét)\s+đề nghị của\s+(?:(?:Bộ trưởng|Thủ trưởng|Giám đốc|Cục trưởng|Vụ trưởng|Tổng cục trưởng|Chánh Văn phòng|Chủ tịch|Trưởng ban)\s+)?", RegexOptions.IgnoreCase)]
    private static partial Regex ProposedBy();

    [GeneratedRegex(@"^\s*(?:,\s*)?(?:và|cùng)\s", RegexOptions.IgnoreCase)] private static partial Regex Joined();

    /// <summary>"Trên cơ sở (các) (mục tiêu,) nhiệm vụ, giải pháp trong/của Chương trình … này, … có trách nhiệm …".</summary>
    [GeneratedRegex(@"^\W*(Trên cơ sở|Căn cứ)\s+(các\s+)?(mục tiêu,?\s+)?nhiệm vụ,?\s+(và\s+)?giải pháp\s+(trong|của|tại|nêu tại)\s+(Chương trình|Kế hoạch|Đề án)[^.;]*\bcó trách nhiệm\b", RegexOptions.IgnoreCase)]
    private static partial Regex OnTheBasisOfAll();
}
