using System.Text.RegularExpressions;

namespace PlanTracker.Core.Drafting;

/// <summary>
/// A person named by role as the one who does the work: "1. Phó Giám đốc Sở - Hoàng Văn Thuân" (CV 5085/SCT-VP Lào Cai),
/// "a) Đồng chí Phó Chủ tịch UBND tỉnh Nguyễn Văn A:", "Đồng chí Trần Văn B - Giám đốc Sở Y tế". A tracker assigns units,
/// not names: the item goes to the office the role sits in, the directory's leadership entry of that agency ("Lãnh đạo
/// Sở Công Thương", also written "Lãnh đạo Sở", "Ban Giám đốc Sở"), else the agency itself. A bare "Sở" or "Bộ" is the
/// issuer's own, which only its leadership entry can name (0023 rule 34). Only a heading that is the person and nothing
/// more: a role inside a sentence ("… báo cáo Giám đốc Sở") is whom the work answers to. Decision 0009, "Round 7 — leads by
/// description, role or third party".
/// </summary>
internal static partial class PersonAssignees
{
    private static readonly string[] Leadership = ["Lãnh đạo", "Ban Giám đốc", "Ban lãnh đạo", "Thường trực"];

    public static AgencyMention? Office(string heading, int offset, AgencyDirectory directory)
    {
        var role = Role().Match(heading);
        if (!role.Success) return null;
        var rest = heading[(role.Index + role.Length)..];
        var at = offset + role.Index + role.Length;
        var mentions = directory.Mentions(rest, at);
        string agency;
        DirectoryAgency? named = null;
        if (mentions.Count > 0 && mentions[0].Start - at == rest.Length - rest.TrimStart().Length && mentions[0].Agency is { } a)
            (agency, named, rest) = (mentions[0].Text, a, rest[(mentions[0].End - at)..]);
        else if (BareAgency().Match(rest) is { Success: true } bare)
            (agency, rest) = (bare.Groups[1].Value, rest[bare.Length..]);
        else return null;
        // Nothing after the office but the person's name ("- Hoàng Văn Thuân", "Nguyễn Văn A:").
        if (!PersonOnly().IsMatch(rest)) return null;
        var office = Leadership.Select(l => directory.Exactly(l + " " + agency)).FirstOrDefault(o => o is not null) ?? named;
        return office is null ? null : new AgencyMention(office, offset + role.Index, offset + heading.TrimEnd().Length, heading.Trim());
    }

    /// <summary>The role at the heading's start, after "Đồng chí" and a name before a dash ("Đồng chí Trần Văn B - ").</summary>
    [GeneratedRegex(@"^\W*(?:(?:Đồng chí|đồng chí|Đ/c|đ/c|Ông|Bà)\s+(?:\p{Lu}\p{Ll}*\s+){0,5}?(?:[-–,]\s*)?)?(?:Phó\s+)?(?:Giám đốc|Chủ tịch|Bộ trưởng|Thứ trưởng|Cục trưởng|Chánh Văn phòng|Trưởng phòng|Trưởng ban|Bí thư)\s+")]
    private static partial Regex Role();
    [GeneratedRegex(@"^\s*(Sở|Bộ|Cục|Ban|Phòng)\b")] private static partial Regex BareAgency();
    [GeneratedRegex(@"^\s*(?:[-–,:]?\s*(?:\p{Lu}\p{Ll}*\s*){1,5})?[:.;]?\s*$")] private static partial Regex PersonOnly();
}
