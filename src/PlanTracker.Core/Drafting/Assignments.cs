using System.Text.RegularExpressions;

namespace PlanTracker.Core.Drafting;

/// <summary>Who a text assigns: the lead (chủ trì) and the coordinating agencies (phối hợp).</summary>
public sealed record Assignment(AgencyMention? Lead, IReadOnlyList<AgencyMention> Coordinating, bool IsHeading)
{
    public static readonly Assignment None = new(null, [], false);
}

/// <summary>
/// Reads assignments from Vietnamese administrative sentences: a heading that is an agency's name
/// ("2. Sở Tài chính", "Các Sở, ban, ngành và UBND huyện, thị xã, thành phố:"), a labelled item ("Sở
/// Tài chính: Hướng dẫn …"), the subject of the sentence ("Sở Nội vụ chủ trì, …", "Đài PT-TH tỉnh, Báo
/// Nam Định nghiên cứu …": the first is the lead, the others coordinate), an order ("Giao Sở TT&amp;TT …",
/// "yêu cầu các Sở, ban ngành …"), and "phối hợp với A, B và C" for the coordinating agencies.
/// </summary>
public static partial class Assignments
{
    private static readonly string[][] Roles =
    [
        ["thu", "truong"], ["giam", "doc"], ["pho", "giam", "doc"], ["chu", "tich"], ["pho", "chu", "tich"], ["lanh", "dao"],
        ["nguoi", "dung", "dau"], ["chanh", "van", "phong"], ["truong", "ban"],
        // A minister, a governor, a chairman of a national committee: "Bộ trưởng Bộ Tài nguyên và Môi trường căn cứ …".
        ["bo", "truong"], ["thong", "doc"], ["tong", "giam", "doc"], ["chu", "nhiem"],
        // A body's members act as the body: "Các thành viên Đảng đoàn Quốc hội, Tổ trưởng Tổ đảng … có trách nhiệm …" (KH 3260),
        // "Thành viên Ban Chỉ đạo tỉnh theo lĩnh vực được phân công …".
        ["cac", "thanh", "vien"], ["thanh", "vien"],
    ];

    /// <summary>Nouns that make an order word the object of the task ("nghiên cứu phương án giao Bộ X quản lý …").</summary>
    private static readonly string[][] Nominal = [["phuong", "an"], ["viec"], ["de", "xuat"], ["kien", "nghi"], ["co", "che"]];

    /// <summary>Words that give an order to the agency after them, at the start of an item.</summary>
    private static readonly string[][] Orders = [["giao"], ["yeu", "cau"], ["de", "nghi"]];

    /// <summary>The same inside a sentence, where "đề nghị UBND tỉnh xem xét" proposes rather than orders.</summary>
    private static readonly string[][] Commands = [["giao"], ["yeu", "cau"]];

    // "thuộc": "Các cơ quan chuyên môn thuộc UBND tỉnh chủ trì …" names the body a description belongs to, not the subject (issue 15:
    // a body the province lacks is never its own People's Committee).
    private static readonly HashSet<string> Prepositions = ["do", "giua", "cua", "voi", "cho", "tai", "den", "tu", "trong", "ve", "theo", "tren", "qua", "thuoc"];

    private static readonly HashSet<string> Filler = ["va", "cac", "khac", "lien", "quan", "co", "cua", "tinh", "thuoc", "truc"];

    public static Assignment Read(string text, int offset, AgencyDirectory directory, DateOnly? issuedOn = null)
    {
        var tokens = Tokens.Of(text, offset);
        if (tokens.Count == 0) return Assignment.None;
        var mentions = directory.Mentions(tokens, text, offset);
        string Between(int from, int to) => text[(from - offset)..(to - offset)];

        // "2. Sở Tài chính", "Các đoàn thể chính trị - xã hội:": the heading is the agency.
        if (mentions.Count > 0 && IsOnlyAgencies(tokens, mentions))
            return new Assignment(mentions[0], mentions.Skip(1).ToList(), true);
        var bare = text.Trim().TrimEnd(':', ' ', '*');
        if (mentions.Count == 0 && bare.Split(' ').Length <= 8 && !bare.EndsWith('.') && AgencyDirectory.LooksLikeAgency(bare))
            return new Assignment(Unknown(text, offset, bare), [], true);

        var coordinating = Coordinating(tokens, mentions, Between);
        var start = SubjectStart(text, tokens, offset, issuedOn);
        AgencyMention? lead = null;
        List<AgencyMention> others = [];

        // The sentence's subject, after an opening "Năm 2016," and a title ("Thủ trưởng", "Giám đốc").
        if (start < tokens.Count)
        {
            var at = SkipWords(tokens, start, Roles, Orders);
            // The subject may begin with its title: "Thủ trưởng các Sở, ban, ngành … và Chủ tịch UBND các huyện" is one group's name.
            if (mentions.FirstOrDefault(m => m.Start >= tokens[start].Start && m.Start <= tokens[Math.Min(at, tokens.Count - 1)].Start) is { } subject)
                (lead, others) = (subject, List(subject, mentions, Between));
            else if (at < tokens.Count && UnknownSubject(text, offset, tokens[at].Start) is { } unknown)
                lead = unknown;
        }
        // "Giao Sở X …", "yêu cầu các Sở … thực hiện", "Sở X chủ trì" anywhere in the text.
        if (lead is null)
        {
            foreach (var m in mentions)
            {
                var before = Before(tokens, m.Start);
                // "do Bộ chủ quản chủ trì" (led by), "giữa các cơ quan, đơn vị phải …": the agency is not the item's subject.
                var governed = before.Count > 0 && Prepositions.Contains(before[^1]);
                if (EndsWith(before, Commands) && !Nominalised(before) || EndsWithOrderThenRole(before) || !governed && FollowedByLeading(tokens, m.End))
                {
                    (lead, others) = (m, List(m, mentions, Between));
                    break;
                }
            }
        }
        if (lead is null && Order().Match(text) is { Success: true } order
            && !Nominalised(Before(tokens, offset + order.Index + order.Length)) && UnknownSubject(text, offset, offset + order.Index + order.Length) is { } ordered)
            lead = ordered;

        var all = others.Concat(coordinating).Where(c => lead is null || !Same(c, lead)).DistinctBy(Identity).ToList();
        return new Assignment(lead, all, false);
    }

    /// <summary>
    /// A section heading about one agency's field ("Phát triển nguồn nhân lực CNTT trong ngành giáo dục"), or
    /// one that says whose duties follow ("II. NHIỆM VỤ CHỦ YẾU CỦA BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "c) Trách nhiệm
    /// của Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"): its items are that agency's. Only
    /// "trong …" and a duty's "của …" count: elsewhere a heading names agencies it reports to.
    /// </summary>
    public static AgencyMention? Field(string heading, int offset, AgencyDirectory directory)
    {
        var tokens = Tokens.Of(heading, offset);
        var mentions = directory.Mentions(tokens, heading, offset);
        if (mentions.Count != 1) return null;
        var before = tokens.Where(t => t.End <= mentions[0].Start).Select(t => t.Key).ToList();
        if (before.LastOrDefault() == "trong") return mentions[0];
        // "3. Đối với các Bộ quản lý chuyên ngành (theo quy định tại khoản 5 Điều 3 …)", "b) Đối với Sở Tài chính:": the
        // heading opens with the agency its items are addressed to, nothing after it but a note in brackets.
        if (before is ["doi", "voi"] or ["doi", "voi", "cac"] && AddressedTo().IsMatch(heading[(mentions[0].End - offset)..])) return mentions[0];
        // "Trách nhiệm của Sở X": the one agency whose duties the heading holds.
        return DutyOf(heading, offset, directory)?.Lead;
    }

    /// <summary>
    /// "3. Trách nhiệm của các Bộ, ngành, địa phương; Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam, Trung ương Hội Cựu chiến
    /// binh Việt Nam" (KH 252/KH-BCĐQG1237), "c) Trách nhiệm của Ủy ban nhân dân các tỉnh" (QĐ 232/QĐ-TTg): a heading that
    /// says whose duties its text holds names the item's lead, the first of several it lists (the others join it), even
    /// when the item has no sub-items.
    /// </summary>
    public static Assignment? DutyOf(string heading, int offset, AgencyDirectory directory)
    {
        var tokens = Tokens.Of(heading, offset);
        var mentions = directory.Mentions(tokens, heading, offset);
        if (mentions.Count == 0) return null;
        var before = tokens.Where(t => t.End <= mentions[0].Start).Select(t => t.Key).ToList();
        var rest = tokens.Where(t => t.Start >= mentions[0].End && !mentions.Any(m => m.Start <= t.Start && t.End <= m.End)).Select(t => t.Key);
        return before.Count >= 3 && before[^1] == "cua" && Duty(before) && rest.All(Filler.Contains)
            ? new Assignment(mentions[0], mentions.Skip(1).ToList(), false) : null;
    }

    /// <summary>
    /// The lead written after the content: "- Tài sản kết cấu hạ tầng đô thị - Bộ Xây dựng." (after a dash, closing the
    /// item), "… ban hành Quy chế bảo vệ bí mật nhà nước (Sở Nội vụ)." (alone in closing brackets), "…, Sở Tài chính chủ
    /// trì." (a closing clause saying it leads). An agency inside the sentence is read by <see cref="Read"/>, not here.
    /// </summary>
    public static AgencyMention? Trailing(string text, int offset, AgencyDirectory directory)
    {
        var mentions = directory.Mentions(text, offset);
        if (mentions.Count == 0) return null;
        var dash = LastDash().Match(text);
        if (dash.Success)
        {
            // Everything after the dash is agencies and separators: the first of them leads.
            var after = mentions.Where(m => m.Start - offset >= dash.Index + dash.Length).ToList();
            if (after.Count > 0 && after[0].Start - offset - (dash.Index + dash.Length) <= 1 && ClosesItem().IsMatch(text[(after[^1].End - offset)..])
                && after.Zip(after.Skip(1)).All(p => Separator().IsMatch(text[(p.First.End - offset)..(p.Second.Start - offset)])))
                return after[0];
        }
        var last = mentions[^1];
        var before = text[..(last.Start - offset)].TrimEnd();
        var rest = text[(last.End - offset)..];
        if (before.EndsWith('(') && BracketEnd().IsMatch(rest)) return last;
        return before.EndsWith(',') && LeadsEnd().IsMatch(rest) ? last : null;
    }

    /// <summary>"Nhiệm vụ (chủ yếu) của", "Trách nhiệm (chung) của": the words of a heading that says whose duties follow.</summary>
    private static bool Duty(List<string> keys) =>
        keys.Count <= 5 && keys.Take(3).Zip(keys.Skip(1)).Any(p => p is ("nhiem", "vu") or ("trach", "nhiem"));

    /// <summary>A heading whose words are agency names, joined by commas and "và" only.</summary>
    private static bool IsOnlyAgencies(List<Token> tokens, List<AgencyMention> mentions) =>
        tokens.All(t => mentions.Any(m => m.Start <= t.Start && t.End <= m.End) || Filler.Contains(t.Key) || IsRoleToken(t.Key));

    private static bool IsRoleToken(string key) => Roles.Any(r => r.Contains(key));

    /// <summary>The mention and those listed right after it ("Đài PT-TH tỉnh, Báo Nam Định", "các Sở, ban ngành, UBND các huyện").</summary>
    private static List<AgencyMention> List(AgencyMention first, List<AgencyMention> mentions, Func<int, int, string> between)
    {
        var list = new List<AgencyMention>();
        var last = first;
        foreach (var m in mentions.Where(m => m.Start >= first.End))
        {
            if (!Separator().IsMatch(between(last.End, m.Start))) break;
            list.Add(m);
            last = m;
        }
        return list;
    }

    /// <summary>"phối hợp (chặt chẽ) (với) A, B và C".</summary>
    private static List<AgencyMention> Coordinating(List<Token> tokens, List<AgencyMention> mentions, Func<int, int, string> between)
    {
        var found = new List<AgencyMention>();
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (!(tokens[i].Key == "phoi" && tokens[i + 1].Key == "hop")) continue;
            var j = i + 2;
            if (j + 1 < tokens.Count && tokens[j].Key == "chat" && tokens[j + 1].Key == "che") j += 2;
            if (j < tokens.Count && tokens[j].Key == "voi") j++;
            if (j >= tokens.Count) break;
            var first = mentions.FirstOrDefault(m => m.Start == tokens[j].Start);
            if (first is null) continue;
            found.Add(first);
            found.AddRange(List(first, mentions, between));
        }
        return found;
    }

    /// <summary>Where the subject starts: after an opening time phrase ("Năm 2016, …", "Quý I năm 2016, …").</summary>
    private static int SubjectStart(string text, List<Token> tokens, int offset, DateOnly? issuedOn)
    {
        var phrases = DeadlinePhrases.Find(text, offset, issuedOn);
        if (phrases.FirstOrDefault() is { } p && p.Start - offset <= 2)
        {
            var rest = text[(p.End - offset)..].TrimStart();
            if (rest.StartsWith(','))
            {
                var after = p.End + (text.Length - (p.End - offset) - rest.Length) + 1;
                return tokens.FindIndex(t => t.Start >= after) is var k and >= 0 ? k : tokens.Count;
            }
        }
        return 0;
    }

    private static int SkipWords(List<Token> tokens, int at, params string[][][] groups)
    {
        for (var moved = true; moved && at < tokens.Count;)
        {
            moved = false;
            foreach (var words in groups.SelectMany(g => g))
            {
                if (at + words.Length > tokens.Count || !words.Select((w, k) => tokens[at + k].Key == w).All(x => x)) continue;
                at += words.Length;
                moved = true;
                break;
            }
        }
        return at;
    }

    private static List<string> Before(List<Token> tokens, int start) => tokens.Where(t => t.End <= start).TakeLast(4).Select(t => t.Key).ToList();

    private static bool EndsWith(List<string> keys, string[][] phrases) =>
        phrases.Any(p => keys.Count >= p.Length && keys.Skip(keys.Count - p.Length).SequenceEqual(p));

    /// <summary>"… phương án giao", "… việc giao": the order is what the task studies, not who does it.</summary>
    private static bool Nominalised(List<string> keys) =>
        Commands.Any(c => EndsWith(keys, [c]) && EndsWith(keys.Take(keys.Count - c.Length).ToList(), Nominal));

    private static bool EndsWithOrderThenRole(List<string> keys) =>
        Roles.Any(r => keys.Count > r.Length && keys.Skip(keys.Count - r.Length).SequenceEqual(r)
            && EndsWith(keys.Take(keys.Count - r.Length).ToList(), Commands));

    /// <summary>"X chủ trì", "X là cơ quan chủ trì/đầu mối", "X cần/phải/có trách nhiệm …".</summary>
    private static bool FollowedByLeading(List<Token> tokens, int end)
    {
        var following = tokens.Where(t => t.Start >= end).Take(5).ToList();
        var next = following.Select(t => t.Key).ToList();
        if (next.Count >= 2 && next[0] == "chu" && next[1] == "tri") return true;
        // "X cần/phải …" (but not "… cần/phải được …", where X is not who acts).
        if (following.Count >= 1 && following[0].Text.ToLowerInvariant() is "cần" or "phải")
            return following.Count < 2 || following[1].Text.ToLowerInvariant() != "được";
        if (next.Count >= 3 && next[0] is "co" or "chiu" && next[1] == "trach" && next[2] == "nhiem") return true;
        return next.Count >= 5 && next[0] == "la" && next[1] == "co" && next[2] == "quan"
            && (next[3], next[4]) is ("chu", "tri") or ("dau", "moi");
    }

    /// <summary>An agency-like name the province does not have, standing as the subject ("Sở Du lịch chủ trì, …").</summary>
    private static AgencyMention? UnknownSubject(string text, int offset, int at)
    {
        var rest = text[(at - offset)..];
        var m = SubjectEnd().Match(rest);
        if (!m.Success) return null;
        var name = rest[..m.Index].Trim().TrimEnd(',', ':', ' ');
        return AgencyDirectory.LooksLikeAgency(name) && name.Split(' ').Length <= 12 ? Unknown(text, offset, name, at - offset) : null;
    }

    private static AgencyMention Unknown(string text, int offset, string name, int from = 0)
    {
        var index = text.IndexOf(name, from, StringComparison.Ordinal);
        return new AgencyMention(null, offset + index, offset + index + name.Length, name);
    }

    private static bool Same(AgencyMention a, AgencyMention b) => Identity(a) == Identity(b);

    private static string Identity(AgencyMention m) => m.Agency?.Key ?? "?" + Tokens.Fold(m.Text);

    [GeneratedRegex(@"^(\s*[,;]\s*|\s+và\s+|\s*,\s*và\s+|\s*[,;]?\s*(Thủ trưởng|Giám đốc|Chủ tịch|Lãnh đạo|thủ trưởng|giám đốc|chủ tịch|lãnh đạo)\s+)+$|^\s*[,;]\s*$")] private static partial Regex Separator();
    [GeneratedRegex(@"\s+(chủ trì|phối hợp|có trách nhiệm|chịu trách nhiệm|thực hiện|tổ chức|triển khai|xây dựng|hướng dẫn|tham mưu|nghiên cứu|là cơ quan)\b|\s*[:;]")] private static partial Regex SubjectEnd();
    [GeneratedRegex(@"(?:^|\s)(Giao|giao|Yêu cầu|yêu cầu)\s+|^\s*Đề nghị\s+")] private static partial Regex Order();
    [GeneratedRegex(@"^\s*(?:\([^)]*\)?)?\s*[:.]?\s*$")] private static partial Regex AddressedTo();
    [GeneratedRegex(@"(?<=\S)\s+[-–—]\s*(?=\S)(?!.*\s[-–—]\s)", RegexOptions.Singleline)] private static partial Regex LastDash();
    [GeneratedRegex(@"^\s*[.;]?\s*$")] private static partial Regex ClosesItem();
    [GeneratedRegex(@"^\s*(?:chủ trì\s*)?\)\s*[.;]?\s*$")] private static partial Regex BracketEnd();
    [GeneratedRegex(@"^\s*chủ trì(?:\s+thực hiện)?\s*[.;]?\s*$")] private static partial Regex LeadsEnd();
}
