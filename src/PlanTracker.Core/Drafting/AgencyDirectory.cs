using System.Text.RegularExpressions;

namespace PlanTracker.Core.Drafting;

/// <summary>
/// An agency or group of the province as the parser knows it: every name it goes by, and for a group the keys
/// of its members (so that a sentence naming several groups can be read as the group that holds them all).
/// </summary>
public sealed record DirectoryAgency(long Id, string Key, string Name, string? ShortName, IReadOnlyList<string> Aliases,
    bool IsSecretariat = false, bool IsGroup = false, IReadOnlyList<string>? MemberKeys = null);

/// <summary>
/// Where a text names an agency: <see cref="Agency"/> is null for a name that looks like an agency
/// ("Sở Du lịch") but is none of the province's.
/// </summary>
public sealed record AgencyMention(DirectoryAgency? Agency, int Start, int End, string Text);

/// <summary>
/// The province's agencies with their names, short names and aliases ("Sở TT&amp;TT", "STTTT", "VP UBND
/// tỉnh"), matched word by word without accents or case; the longest name wins ("các Sở, ban, ngành và
/// UBND huyện" before "các Sở, ban, ngành").
/// </summary>
public sealed partial class AgencyDirectory
{
    private sealed class Node
    {
        public Dictionary<string, Node> Next { get; } = [];
        public DirectoryAgency? Agency { get; set; }
        /// <summary>Abbreviations in capitals ("CP", "SNV") match only in capitals.</summary>
        public string? ExactText { get; set; }
    }

    private readonly Node _root = new();
    private readonly string[] _provinceKeys;

    public AgencyDirectory(string provinceName, IEnumerable<DirectoryAgency> agencies)
    {
        ProvinceName = provinceName;
        _provinceKeys = Tokens.Of(provinceName).Select(t => t.Key).ToArray();
        Agencies = agencies.ToList();
        foreach (var a in Agencies)
            foreach (var name in a.Aliases.Prepend(a.ShortName).Prepend(a.Name).OfType<string>().Distinct())
                Add(name, a);
        // After every agency's own names, so that a name the directory gives another agency is never taken.
        foreach (var a in Agencies)
            foreach (var name in PartyBodyNames(a).Concat(LevelNames(a)).Concat(HeadsNames(a)))
                Add(name, a);
        Secretariat = Agencies.FirstOrDefault(a => a.IsSecretariat);
    }

    public string ProvinceName { get; }
    public IReadOnlyList<DirectoryAgency> Agencies { get; }
    public DirectoryAgency? Secretariat { get; }

    public DirectoryAgency? ByKey(string key) => Agencies.FirstOrDefault(a => a.Key == key);
    public DirectoryAgency? ById(long id) => Agencies.FirstOrDefault(a => a.Id == id);

    private void Add(string name, DirectoryAgency agency)
    {
        var tokens = Tokens.Of(name);
        if (tokens.Count == 0) return;
        var keys = tokens.Select(t => t.Key).ToList();
        // "Sở Nội vụ tỉnh Vĩnh Phúc" is also "Sở Nội vụ": the province is said after a mention, not in it.
        if (keys.Count > _provinceKeys.Length + 1 && keys[^(_provinceKeys.Length + 1)] == "tinh" && keys.TakeLast(_provinceKeys.Length).SequenceEqual(_provinceKeys))
            keys = keys.Take(keys.Count - _provinceKeys.Length - 1).ToList();
        var node = _root;
        foreach (var k in keys) node = node.Next.TryGetValue(k, out var next) ? next : node.Next[k] = new Node();
        if (node.Agency is not null) return;
        node.Agency = agency;
        if (name.Length <= 6 && !name.Any(char.IsLower)) node.ExactText = string.Join(" ", tokens.Select(t => t.Text));
    }

    /// <summary>
    /// "Tổ đảng ở Thường trực Ủy ban KH,CN&amp;MT" (KH 3260-KH/ĐĐQH15) for "Tổ đảng ở Thường trực Ủy ban Khoa học, Công nghệ
    /// và Môi trường", "Đảng ủy Sở Y tế" for "Đảng ủy Sở Y tế tỉnh …": a party body's name is its kind ("Tổ đảng ở", "Chi bộ",
    /// "Đảng ủy", "Đảng đoàn", "Ban cán sự đảng") and the body it sits in, which a text writes by any of that body's names.
    /// The directory lists those names as the party body's aliases; each is also read after the kind.
    /// </summary>
    private static IEnumerable<string> PartyBodyNames(DirectoryAgency a)
    {
        if (PartyBodyKind().Match(a.Name) is not { Success: true } kind) yield break;
        foreach (var alias in a.Aliases.Prepend(a.ShortName).OfType<string>())
            if (!PartyBodyKind().IsMatch(alias)) yield return kind.Groups["kind"].Value + " " + alias;
    }

    /// <summary>
    /// "UBND cấp xã", "Ủy ban nhân dân cấp huyện": the committees of a level, named by the level, are the group of that level's
    /// committees ("Ủy ban nhân dân các xã, phường, đặc khu", "UBND các huyện, thành phố"), whatever units the group's name lists.
    /// </summary>
    private static IEnumerable<string> LevelNames(DirectoryAgency a)
    {
        if (!a.IsGroup) yield break;
        foreach (var name in a.Aliases.Prepend(a.ShortName).Prepend(a.Name).OfType<string>())
            if (LevelGroup().Match(name) is { Success: true } m) yield return m.Groups["pc"].Value + " cấp " + m.Groups["level"].Value.ToLowerInvariant();
    }

    /// <summary>
    /// "Giám đốc các Sở và Thủ trưởng các ban, ngành tỉnh" (KH Lào Cai on Chỉ thị 11), "Giám đốc các sở, Thủ trưởng các ban,
    /// ngành": the departments' group addressed through its members' heads, each part with its own title, is the group.
    /// </summary>
    private static IEnumerable<string> HeadsNames(DirectoryAgency a)
    {
        if (!a.IsGroup) yield break;
        foreach (var name in a.Aliases.Prepend(a.Name).Distinct())
            if (DepartmentsGroup().Match(name) is { Success: true } m)
            {
                yield return "các sở và Thủ trưởng các ban, ngành" + m.Groups["rest"].Value;
                yield return "các sở, Thủ trưởng các ban, ngành" + m.Groups["rest"].Value;
            }
    }

    /// <summary>Every agency named in <paramref name="text"/> (offsets relative to <paramref name="offset"/>), in order.</summary>
    public List<AgencyMention> Mentions(string text, int offset = 0) => Mentions(Tokens.Of(text, offset), text, offset);

    public List<AgencyMention> Mentions(IReadOnlyList<Token> tokens, string text, int offset)
    {
        var found = new List<AgencyMention>();
        for (var i = 0; i < tokens.Count;)
        {
            if (Longest(tokens, i) is not ({ } agency, var end))
            {
                var (listed, next) = Enumerated(tokens, text, offset, i);
                found.AddRange(listed);
                i = Math.Max(next, i + 1);
                continue;
            }
            // "… tỉnh Đắk Lắk" after a name belongs to the mention.
            if (end + _provinceKeys.Length < tokens.Count && tokens[end].Key == "tinh"
                && tokens.Skip(end + 1).Take(_provinceKeys.Length).Select(t => t.Key).SequenceEqual(_provinceKeys))
                end += _provinceKeys.Length + 1;
            var (s, e) = (tokens[i].Start, tokens[end - 1].End);
            found.Add(new AgencyMention(agency, s, e, text[(s - offset)..(e - offset)]));
            i = end;
        }
        return found;
    }

    /// <summary>
    /// The smallest group whose members include every member of each of <paramref name="groups"/> ("các Bộ, cơ
    /// quan ngang Bộ, …, Ủy ban nhân dân các tỉnh, thành phố" addressed together is "các bộ, ngành, địa
    /// phương"), or null when the directory has none or the groups' members are unknown.
    /// </summary>
    public DirectoryAgency? Covering(IReadOnlyCollection<DirectoryAgency> groups)
    {
        if (groups.Count < 2 || groups.Any(g => g.MemberKeys is not { Count: > 0 })) return null;
        var wanted = groups.SelectMany(g => g.MemberKeys!).ToHashSet();
        var keys = groups.Select(g => g.Key).ToHashSet();
        return Agencies.Where(a => a.IsGroup && !keys.Contains(a.Key) && a.MemberKeys is { Count: > 0 } m && wanted.IsSubsetOf(m))
            .OrderBy(a => a.MemberKeys!.Count).FirstOrDefault();
    }

    /// <summary>The agency a whole cell or heading names ("Sở TT&amp;TT", "Văn phòng UBND tỉnh:"), if it names exactly one.</summary>
    public DirectoryAgency? Exactly(string text)
    {
        var tokens = Tokens.Of(text);
        if (tokens.Count == 0) return null;
        var mentions = Mentions(tokens, text, 0);
        return mentions.Count == 1 && mentions[0].Start == tokens[0].Start && mentions[0].End == tokens[^1].End ? mentions[0].Agency : null;
    }

    /// <summary>
    /// "Các Bộ: Công Thương, Giao thông vận tải, Xây dựng", "các Sở Tài chính, Xây dựng và Công Thương": one
    /// plural head word ("Bộ", "Sở") says the kind once for a list of names, each of which is that kind's agency
    /// ("Bộ Công Thương", "Bộ Giao thông vận tải", …); a name of another kind may close the list ("…, Ngân hàng
    /// Nhà nước Việt Nam"). The first mention starts at "các" so that a heading made of the list is all agencies.
    /// </summary>
    private (List<AgencyMention> Found, int Next) Enumerated(IReadOnlyList<Token> tokens, string text, int offset, int i)
    {
        var found = new List<AgencyMention>();
        if (i + 2 >= tokens.Count || tokens[i].Key != "cac" || tokens[i + 1].Key is not ("bo" or "so")
            || !_root.Next.TryGetValue(tokens[i + 1].Key, out var kind)) return (found, i + 1);
        string Between(int a, int b) => text[(tokens[a].End - offset)..(tokens[b].Start - offset)];
        if (!ListGap().IsMatch(Between(i + 1, i + 2))) return (found, i + 1);
        var (at, start, next) = (i + 2, tokens[i].Start, i + 1);
        while (at < tokens.Count)
        {
            var (agency, end) = Longest(tokens, at, kind);
            if (agency is null) (agency, end) = Longest(tokens, at);
            if (agency is null) break;
            var s = found.Count == 0 ? start : tokens[at].Start;
            found.Add(new AgencyMention(agency, s, tokens[end - 1].End, text[(s - offset)..(tokens[end - 1].End - offset)]));
            next = end;
            if (end >= tokens.Count) break;
            // The next name follows a comma or semicolon, or "và" ("Tài nguyên và Môi trường" is read whole first).
            var gap = Between(end - 1, end).Trim();
            if (tokens[end].Key == "va" && gap is "" or "," or ";") at = end + 1;
            else if (gap is "," or ";") at = end;
            else break;
        }
        return (found, next);
    }

    private (DirectoryAgency?, int) Longest(IReadOnlyList<Token> tokens, int from) => Longest(tokens, from, _root);

    private (DirectoryAgency?, int) Longest(IReadOnlyList<Token> tokens, int from, Node start)
    {
        var node = start;
        (DirectoryAgency?, int) best = (null, from);
        for (var i = from; i < tokens.Count; i++)
        {
            if (!node.Next.TryGetValue(tokens[i].Key, out var next))
            {
                // "Cục Lâm nghiệp và Cục Kiểm lâm" for "Cục Lâm nghiệp và Kiểm lâm" (QĐ 2200/QĐ-BNNMT, 2026): an agency merged
                // in 2025 is written with its predecessors' names, the head word said again after "và".
                if (start == _root && i > from + 1 && tokens[i - 1].Key == "va" && tokens[i].Key == tokens[from].Key
                    && i + 1 < tokens.Count && node.Next.TryGetValue(tokens[i + 1].Key, out next)) i++;
                else break;
            }
            node = next;
            if (node.Agency is null) continue;
            if (node.ExactText is { } exact && (start != _root || string.Join(" ", tokens.Skip(from).Take(i - from + 1).Select(t => t.Text)) != exact)) continue;
            best = (node.Agency, i + 1);
        }
        return best;
    }

    /// <summary>
    /// Whether a phrase reads as an agency's name though the directory has none by that name: it starts
    /// with the word an agency's name starts with ("Sở", "Ban", "Trung tâm", "UBND", …).
    /// </summary>
    public static bool LooksLikeAgency(string phrase) => AgencyHead().IsMatch(phrase.Trim()) && phrase.Trim().Split(' ').Length <= 14;

    [GeneratedRegex(@"^\s*:?\s*$")] private static partial Regex ListGap();

    [GeneratedRegex(@"^(?<kind>Tổ đảng ở|Tổ đảng|Chi bộ|Đảng bộ|Đảng (?:ủy|uỷ)|Đảng đoàn|Ban cán sự đảng)\s+\S", RegexOptions.IgnoreCase)]
    private static partial Regex PartyBodyKind();

    [GeneratedRegex(@"^(?<pc>Ủy ban nhân dân|Uỷ ban nhân dân|UBND)\s+các\s+(?<level>xã|huyện)\b[^;]*$", RegexOptions.IgnoreCase)]
    private static partial Regex LevelGroup();

    [GeneratedRegex(@"^các\s+sở,\s*ban,?\s*ngành(?<rest>.*)$", RegexOptions.IgnoreCase)] private static partial Regex DepartmentsGroup();

    [GeneratedRegex(@"^(Các |các )?(UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+\p{L}|^(Các |các )?(Sở|Ban|Văn phòng|Ủy ban|Uỷ ban|Đài|Báo|Bưu điện|Trung tâm|Công an|Bộ Chỉ huy|Bộ|Hội|Liên đoàn|Tỉnh đoàn|Thanh tra|Kho bạc|Cục|Chi cục|Bảo hiểm|Ngân hàng|Viễn thông|Trường|Bệnh viện|Quỹ|Học viện|Viện|Mặt trận|Hội đồng|Tỉnh ủy|Tỉnh uỷ|Công ty|Tổng công ty|Tập đoàn|Đoàn|Chi nhánh)\s+\p{Lu}")]
    private static partial Regex AgencyHead();
}
