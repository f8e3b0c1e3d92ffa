using System.Text.RegularExpressions;

namespace PlanTracker.Core.Drafting;

/// <summary>
/// Who carries out what a document assigns to no one, when nothing in it says: by default the province's secretariat
/// (Văn phòng UBND tỉnh). A party document is different: what a Tỉnh ủy (Thành ủy, Ban Thường vụ) programme gives the
/// government side is carried out through the party committee of the province's People's Committee ("Đảng ủy UBND
/// tỉnh"), so that is its default when the directory has one (CTr 104-CTr/TU Lào Cai: indicators and tasks with no
/// "Trách nhiệm chỉ đạo" go to Đảng ủy UBND tỉnh, never to Văn phòng UBND tỉnh, which no party programme addresses).
/// Decision 0009, "Round 6: lead sources measured".
/// </summary>
public static partial class DocumentExecutor
{
    /// <summary>
    /// A party document says so in its header: "ĐẢNG CỘNG SẢN VIỆT NAM" where a state document prints "CỘNG HÒA XÃ HỘI
    /// CHỦ NGHĨA VIỆT NAM", or its issuer, on one of the header's first lines, is a party body ("TỈNH ỦY LÀO CAI", "ĐẢNG BỘ
    /// TỈNH …", "BAN THƯỜNG VỤ TỈNH ỦY"). Only the first lines: a state plan's capitalised title wrapped onto a line that
    /// starts "BAN CHẤP HÀNH …" further down is not its issuer.
    /// </summary>
    /// <remarks>
    /// The header is compared without its diacritics (folded, which keeps every offset): an OCR loses or changes them
    /// ("TÍNH ỦY LÀO CAI ĐÁNG CỘNG SẢN VIỆT NAM", NQ 34-NQ/TU Lào Cai), and no state header folds to these words. Folding
    /// also lowers the case, so the motto must still stand in capitals in the text: a state plan "kỷ niệm 96 năm Ngày thành
    /// lập Đảng Cộng sản Việt Nam" names the party in its title, in the same first lines, and is no party document.
    /// </remarks>
    public static bool IsPartyDocument(string text)
    {
        var head = Tokens.Fold(text[..Math.Min(text.Length, 1500)]);
        var header = string.Join('\n', head.Split('\n').Where(l => l.Trim().Length > 0).Take(HeaderLines));
        return PartyMotto().Matches(head).Any(m => !text.Substring(m.Index, m.Length).Any(char.IsLower))
            || PartyIssuerLine().IsMatch(header);
    }

    /// <summary>The issuer stands on the first lines of the header, beside or above the motto.</summary>
    private const int HeaderLines = 4;

    /// <summary>The directory's party committee of the People's Committee ("Đảng ủy Ủy ban nhân dân tỉnh", "Đảng ủy UBND thành phố").</summary>
    public static DirectoryAgency? PartyCommitteeOfGovernment(AgencyDirectory directory) =>
        directory.Agencies.FirstOrDefault(a => !a.IsGroup && a.Aliases.Prepend(a.ShortName).Prepend(a.Name).OfType<string>()
            .Any(n => GovernmentPartyCommittee().IsMatch(string.Join(' ', Tokens.Of(n).Select(t => t.Key)))));

    /// <summary>The lead of what names no one: the government's party committee in a party document, else the secretariat.</summary>
    public static DirectoryAgency? Default(string text, AgencyDirectory directory) =>
        (IsPartyDocument(text) ? PartyCommitteeOfGovernment(directory) : null) ?? directory.Secretariat;

    /// <summary>
    /// A collective addressee ("Các sở, ban, ngành", "UBND các xã, phường", "Các cấp ủy, tổ chức đảng"): a group of the
    /// directory, or a name that says "các" (every one of a kind). Work similar to a collective's is everyone's concern, not
    /// evidence of whose this item is.
    /// </summary>
    public static bool IsCollective(ProposedAssignee lead, AgencyDirectory directory) =>
        lead.AgencyKey is { } key && directory.ByKey(key) is { } a && (a.IsGroup || Tokens.Of(a.Name).Any(t => t.Key == "cac"));

    [GeneratedRegex(@"dang\s+cong\s+san\s+viet\s+nam")] private static partial Regex PartyMotto();

    [GeneratedRegex(@"^[\s#*]*(?:tinh\s+uy|thanh\s+uy|dang\s+bo|dang\s+uy|ban\s+thuong\s+vu|ban\s+chap\s+hanh|dang\s+doan|ban\s+can\s+su\s+dang)\b", RegexOptions.Multiline)]
    private static partial Regex PartyIssuerLine();

    [GeneratedRegex(@"^dang uy (?:uy ban nhan dan|ubnd) (?:tinh|thanh pho)\b")] private static partial Regex GovernmentPartyCommittee();
}
