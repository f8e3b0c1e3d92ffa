using PlanTracker.Core.Common;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PlanTracker.Core.Domain;

namespace PlanTracker.Core.Drafting;

/// <summary>
/// Reads the document's own data from its administrative layout: "Số: 168/QĐ-UBND", the kind heading
/// ("QUYẾT ĐỊNH", "CHỈ THỊ", …) and the title under it, "Đắk Lắk, ngày 18 tháng 01 năm 2018", the
/// signer under "KT. CHỦ TỊCH", the plan annexed to a decision, and what it implements ("Căn cứ
/// Nghị quyết số …", "Thực hiện Chương trình hành động số …").
/// </summary>
public static partial class DocumentMetadata
{
    public static ProposedDocument Read(string text, IReadOnlyList<Paragraph> paragraphs, AgencyDirectory directory)
    {
        var document = new ProposedDocument();
        if (NumberPattern().Match(text) is { Success: true } n)
        {
            document.Number = $"{n.Groups["n"].Value}/{n.Groups["s"].Value}";
            document.NumberSpan = new SourceSpan(n.Groups["n"].Index, n.Groups["s"].Index + n.Groups["s"].Length);
        }

        var headingAt = paragraphs.ToList().FindIndex(p => KindHeading().IsMatch(p.Text));
        document.Kind = KindOf(document.Number) ?? (headingAt >= 0 ? KindOfHeading(paragraphs[headingAt].Text) : DocumentKind.Other);
        if (headingAt >= 0 && Next(paragraphs, headingAt) is { } title)
        {
            document.Title = Title(title.Text, directory);
            document.TitleSpan = title.Span;
        }
        else if (paragraphs.FirstOrDefault(p => !p.IsTableRow) is { } first)
        {
            document.Title = Title(first.Text, directory);
            document.TitleSpan = first.Span;
        }

        // A decision that issues a plan: the plan's title is under its own "KẾ HOẠCH" heading.
        var planAt = paragraphs.ToList().FindIndex(headingAt + 1, p => PlanHeading().IsMatch(p.Text));
        document.PlanTitleSpan = document.TitleSpan;
        if (planAt > headingAt && headingAt >= 0 && Next(paragraphs, planAt) is { } planTitle)
        {
            document.PlanTitle = "Kế hoạch " + Lower(Title(planTitle.Text, directory));
            document.PlanTitleSpan = planTitle.Span;
        }
        else document.PlanTitle = document.Kind == DocumentKind.Plan && !document.Title.StartsWith("Kế hoạch", StringComparison.OrdinalIgnoreCase)
            ? "Kế hoạch " + Lower(document.Title)
            : About().Replace(document.Title, "") is var t && t.Length > 0 ? char.ToUpperInvariant(t[0]) + t[1..] : document.Title;
        if (document.Kind == DocumentKind.Plan) document.Title = document.PlanTitle;

        if (PlaceAndDate().Match(text[..Math.Min(text.Length, 4000)]) is { Success: true } pd && Date(pd) is { } issued)
        {
            document.IssuedOn = issued;
            document.Place = Spaces().Replace(pd.Groups["place"].Value, " ").Trim();
            document.IssuedOnSpan = new SourceSpan(pd.Index, pd.Index + pd.Length);
        }
        else if (document.Kind == DocumentKind.ConclusionNotice && document.TitleSpan is { } ts
                 && DateInWords().Match(text, ts.Start, ts.End - ts.Start) is { Success: true } meeting && Date(meeting) is { } held)
        {
            // A conclusion notice often carries only the meeting's date.
            document.IssuedOn = held;
            document.IssuedOnSpan = new SourceSpan(meeting.Index, meeting.Index + meeting.Length);
        }

        document.Issuer = Issuer(text, directory);
        if (Signer(paragraphs) is { } signer)
        {
            document.Signer = signer.Text.Trim('*', ' ');
            document.SignerSpan = signer.Span;
        }
        document.Implements = References(text, paragraphs, document);
        return document;
    }

    private static Paragraph? Next(IReadOnlyList<Paragraph> paragraphs, int at) =>
        paragraphs.Skip(at + 1).FirstOrDefault(p => !p.IsTableRow && p.Text.Trim('*', ' ').Length > 0);

    private static DocumentKind? KindOf(string? number)
    {
        if (number is null) return null;
        var symbol = number.ToUpperInvariant();
        if (symbol.Contains("CTR")) return DocumentKind.ActionProgramme;
        if (Regex.IsMatch(symbol, @"(^|[/-])QĐ(-|$)")) return DocumentKind.Decision;
        if (Regex.IsMatch(symbol, @"(^|[/-])CT(-|$)")) return DocumentKind.Directive;
        if (Regex.IsMatch(symbol, @"(^|[/-])KH(-|$)")) return DocumentKind.Plan;
        if (Regex.IsMatch(symbol, @"(^|[/-])TB(-|$)")) return DocumentKind.ConclusionNotice;
        if (Regex.IsMatch(symbol, @"(^|[/-])NQ(-|$)")) return DocumentKind.Resolution;
        return null;
    }

    private static DocumentKind KindOfHeading(string heading) => heading.Trim('*', ' ', ':') switch
    {
        var h when h.StartsWith("QUYẾT ĐỊNH", StringComparison.Ordinal) => DocumentKind.Decision,
        var h when h.StartsWith("CHỈ THỊ", StringComparison.Ordinal) => DocumentKind.Directive,
        var h when h.StartsWith("KẾ HOẠCH", StringComparison.Ordinal) => DocumentKind.Plan,
        var h when h.StartsWith("THÔNG BÁO", StringComparison.Ordinal) => DocumentKind.ConclusionNotice,
        var h when h.StartsWith("NGHỊ QUYẾT", StringComparison.Ordinal) => DocumentKind.Resolution,
        var h when h.StartsWith("CHƯƠNG TRÌNH", StringComparison.Ordinal) => DocumentKind.ActionProgramme,
        _ => DocumentKind.Other,
    };

    /// <summary>
    /// The title as people write it: a title in capitals is put in sentence case, with the province's
    /// agency names, the province and the kinds of documents written as they are named.
    /// </summary>
    private static string Title(string raw, AgencyDirectory directory)
    {
        var title = Spaces().Replace(raw.Replace("**", "").Replace("__", ""), " ").Trim(' ', '*', '"', '“', '”', ':');
        if (title.Any(char.IsLower)) return title;
        var words = title.Split(' ').Select((w, i) => w.Any(char.IsDigit) || w.Contains('/') ? w : i == 0 ? w[..1] + w[1..].ToLowerInvariant() : w.ToLowerInvariant());
        var sentence = string.Join(' ', words);
        var names = directory.Agencies.SelectMany(a => a.Aliases.Append(a.Name)).Append(directory.ProvinceName)
            .Concat(["Nghị quyết", "Chương trình hành động", "Kế hoạch", "Chỉ thị", "Quyết định", "Chính phủ", "Bộ Chính trị", "Tỉnh ủy", "Ban Thường vụ Tỉnh ủy"])
            .Where(n => n.Any(char.IsUpper)).Distinct().OrderByDescending(n => n.Length);
        foreach (var name in names)
            sentence = Regex.Replace(sentence, @"(?<!\p{L})" + Regex.Escape(name.ToLowerInvariant()) + @"(?!\p{L})", name.Replace("$", "$$"), RegexOptions.IgnoreCase);
        return char.ToUpperInvariant(sentence[0]) + sentence[1..];
    }

    private static string Lower(string title) => title.Length > 0 && char.IsUpper(title[0]) && (title.Length == 1 || !char.IsUpper(title[1]))
        ? char.ToLowerInvariant(title[0]) + title[1..] : title;

    /// <summary>The date of a match with groups d, m and y; none when it is no calendar day or out of the accepted years.</summary>
    internal static DateOnly? Date(Match m) =>
        int.TryParse(m.Groups["y"].Value, out var y) && int.TryParse(m.Groups["m"].Value, out var mo) && int.TryParse(m.Groups["d"].Value, out var d)
        && InputRules.IsYearInRange(y) && mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo) ? new DateOnly(y, mo, d) : null;

    /// <summary>"ỦY BAN NHÂN DÂN TỈNH NAM ĐỊNH" in the header, else the province's people's committee when the text speaks as it.</summary>
    private static string? Issuer(string text, AgencyDirectory directory)
    {
        var head = text[..Math.Min(text.Length, 3000)];
        if (IssuerHeader().Match(head) is { Success: true } h)
            return "UBND " + h.Groups["level"].Value.ToLowerInvariant() + " " + TitleCase(Spaces().Replace(h.Groups["name"].Value, " ").Trim());
        return PeopleCommittee().IsMatch(text) ? "UBND tỉnh " + directory.ProvinceName : null;
    }

    private static string TitleCase(string s) =>
        string.Join(' ', s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w[..1] + w[1..].ToLower(CultureInfo.GetCultureInfo("vi-VN"))));

    /// <summary>The name under the last signature block ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Nguyễn Tuấn Hà"), or the text's last line when it is a name.</summary>
    private static Paragraph? Signer(IReadOnlyList<Paragraph> paragraphs)
    {
        for (var i = paragraphs.Count - 1; i >= 0; i--)
        {
            if (!SignatureTitle().IsMatch(paragraphs[i].Text)) continue;
            var name = paragraphs.Skip(i + 1).FirstOrDefault(p => !SignatureTitle().IsMatch(p.Text) && p.Text.Trim('*', ' ', '|').Length > 0);
            if (name is not null && PersonName().IsMatch(name.Text.Trim('*', ' '))) return name;
        }
        var last = paragraphs.LastOrDefault(p => p.Text.Trim('*', ' ', '|').Length > 0);
        return last is not null && PersonName().IsMatch(last.Text.Trim('*', ' ')) ? last : null;
    }

    /// <summary>Resolutions and programmes the document says it implements: in "Căn cứ" lines, "Thực hiện …", and the title.</summary>
    private static List<ProposedReference> References(string text, IReadOnlyList<Paragraph> paragraphs, ProposedDocument document)
    {
        var places = paragraphs.Where(p => Basis().IsMatch(p.Text)).Select(p => p.Span).ToList();
        if (document.TitleSpan is { } ts) places.Add(ts);
        // "… tổ chức triển khai thực hiện tốt Nghị quyết 36a/NQ-CP …" in the preamble.
        places.AddRange(Implementing().Matches(text).Select(m => new SourceSpan(m.Index, m.Index + m.Length)));
        var references = new List<ProposedReference>();
        foreach (var span in places)
        {
            foreach (Match m in Reference().Matches(text[span.Start..span.End]))
            {
                var number = m.Groups["num"].Value.TrimEnd('.', ',');
                if (references.Any(r => string.Equals(r.Number, number, StringComparison.OrdinalIgnoreCase))
                    || string.Equals(number, document.Number, StringComparison.OrdinalIgnoreCase)) continue;
                var word = m.Groups["kind"].Value.ToLowerInvariant();
                references.Add(new ProposedReference
                {
                    Text = Spaces().Replace(m.Value, " ").Trim(),
                    Number = number,
                    Kind = word.StartsWith("chương", StringComparison.Ordinal) ? DocumentKind.ActionProgramme
                        : word.StartsWith("chỉ thị", StringComparison.Ordinal) ? DocumentKind.Directive
                        : word.StartsWith("kế hoạch", StringComparison.Ordinal) ? DocumentKind.Plan : DocumentKind.Resolution,
                    IssuedOn = m.Groups["d"].Success && DateOnly.TryParseExact(
                        $"{int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture):00}/{int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture):00}/{m.Groups["y"].Value}",
                        "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var on) && InputRules.IsInRange(on) ? on : null,
                    Span = new SourceSpan(span.Start + m.Index, span.Start + m.Index + m.Length),
                });
            }
        }
        return references;
    }

    [GeneratedRegex(@"(?m)^\W*Số(?: hiệu)?\s*:\s*(?<n>\d+[a-zA-Z]?)\s*/\s*(?<s>[\p{Lu}Đ][\p{L}&]*(?:-[\p{L}&]+)*)")] private static partial Regex NumberPattern();
    [GeneratedRegex(@"^\W*(QUYẾT ĐỊNH|CHỈ THỊ|KẾ HOẠCH|THÔNG BÁO|NGHỊ QUYẾT|CHƯƠNG TRÌNH HÀNH ĐỘNG)\W*$")] private static partial Regex KindHeading();
    [GeneratedRegex(@"^\W*KẾ HOẠCH\W*$")] private static partial Regex PlanHeading();
    [GeneratedRegex(@"^(Về việc|V/v)\s+", RegexOptions.IgnoreCase)] private static partial Regex About();
    [GeneratedRegex(@"(?<place>\p{Lu}[\p{L}']*(?:(?:[ \t]+|[ \t]*\n[ \t]*)\p{Lu}[\p{L}']*){0,3}),\s*ngày\s+(?<d>\d{1,2})\s+tháng\s+(?<m>\d{1,2})\s+năm\s+(?<y>\d{4})")] private static partial Regex PlaceAndDate();
    [GeneratedRegex(@"ngày\s+(?<d>\d{1,2})\s+tháng\s+(?<m>\d{1,2})\s+năm\s+(?<y>\d{4})")] private static partial Regex DateInWords();
    [GeneratedRegex(@"ỦY\s+BAN\s+NHÂN\s+DÂN\s+(?<level>TỈNH|THÀNH PHỐ)\s+(?<name>\p{Lu}{2,}(?:[ \t]+\p{Lu}{2,}){0,3})(?!\p{L})")] private static partial Regex IssuerHeader();
    [GeneratedRegex(@"Ủy ban nhân dân tỉnh|UBND tỉnh|ỦY BAN NHÂN DÂN", RegexOptions.IgnoreCase)] private static partial Regex PeopleCommittee();
    [GeneratedRegex(@"^\W*((TM|KT|Q|TL|TUQ)\.\s*)?(PHÓ )?(CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG BAN|BÍ THƯ|ỦY BAN NHÂN DÂN|UBND)\b[\p{Lu}\s]*\W*$")] private static partial Regex SignatureTitle();
    [GeneratedRegex(@"^\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}*){1,4}$")] private static partial Regex PersonName();
    [GeneratedRegex(@"^\W*(Căn cứ|Thực hiện)\s", RegexOptions.IgnoreCase)] private static partial Regex Basis();
    [GeneratedRegex(@"(?<kind>Nghị quyết|Chương trình hành động|Chỉ thị|Kết luận)(?:\s+số)?\s+(?<num>\d+[a-zA-Z]?[-/][\p{L}\d&]+(?:[-/][\p{L}\d&]+)*)(?:,?\s+ngày\s+(?<d>\d{1,2})/(?<m>\d{1,2})/(?<y>\d{4}))?", RegexOptions.IgnoreCase)] private static partial Regex Reference();
    [GeneratedRegex(@"thực hiện (?:tốt )?(?:Nghị quyết|Chương trình hành động)(?:\s+số)?\s+\S+(?:,?\s+ngày\s+\d{1,2}/\d{1,2}/\d{4})?", RegexOptions.IgnoreCase)] private static partial Regex Implementing();
    [GeneratedRegex(@"\s+")] private static partial Regex Spaces();
}
