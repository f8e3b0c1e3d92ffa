using System.Text.RegularExpressions;

namespace PlanTracker.Core.Drafting;

public enum MarkerKind { Article, Roman, Arabic, Letter, Dash, Plus, Part, Bracketed }

/// <summary>
/// A numbering mark at the start of a paragraph: "IV.", "3.6.1.", "(2)", "đ)", "-", "+", "Điều 2.", "B." (a part above roman
/// sections). "(1) … (7)" numbers a list inside a numbered or lettered section (a resolution's objectives under "2. Mục tiêu
/// năm 2026", a plan's under "b) Mục tiêu cụ thể:"): it ranks under the numbers and letters and over the bullets it may hold.
/// </summary>
public sealed record Marker(MarkerKind Kind, string Label, int Length)
{
    /// <summary>Outer to inner: a new mark closes every open section of the same or an inner rank.</summary>
    public int Rank => Kind switch
    {
        MarkerKind.Article => 0,
        MarkerKind.Part => 1,
        MarkerKind.Roman => 2,
        MarkerKind.Arabic => 2 + Label.Count(c => c == '.') + 1,
        MarkerKind.Letter => 10,
        MarkerKind.Bracketed => 11,
        MarkerKind.Dash => Bullet,
        _ => Bullet + 1,
    };

    /// <summary>A dash's rank, which an unmarked paragraph read as one more item of a dash list shares.</summary>
    public const int Bullet = 12;
}

public static partial class Markers
{
    /// <summary>
    /// The mark the paragraph starts with, if any. <paramref name="strict"/> (hard-wrapped text) asks a
    /// dash to be followed by a capital, digit or quote, so that a line starting "- xã hội" continues a sentence.
    /// </summary>
    public static Marker? Match(string paragraph, bool strict = false)
    {
        var lead = LeadingDecoration().Match(paragraph).Length;
        var s = paragraph[lead..];
        if (ArticlePattern().Match(s) is { Success: true } a) return new(MarkerKind.Article, a.Groups[1].Value, lead + a.Length);
        // "B. NỘI DUNG, NHIỆM VỤ, GIẢI PHÁP …" over "I. …", "II. …": a lettered part, written in capitals as a heading is
        // (a capital and a dot before ordinary words is a name's initial, "A. Nguyễn …").
        if (PartPattern().Match(s) is { Success: true } part && !s[part.Length..].Any(char.IsLower))
            return new(MarkerKind.Part, part.Groups[1].Value, lead + part.Length);
        if (RomanPattern().Match(s) is { Success: true } r && IsRoman(r.Groups[1].Value))
            return new(MarkerKind.Roman, r.Groups[1].Value, lead + r.Length);
        if (ArabicPattern().Match(s) is { Success: true } n) return new(MarkerKind.Arabic, n.Groups[1].Value, lead + n.Length);
        if (BracketedPattern().Match(s) is { Success: true } k) return new(MarkerKind.Bracketed, k.Groups[1].Value, lead + k.Length);
        if (LetterPattern().Match(s) is { Success: true } l) return new(MarkerKind.Letter, l.Groups[1].Value, lead + l.Length);
        if (BulletPattern().Match(s) is { Success: true } b && (!strict || !char.IsLower(s[b.Length])))
            return new(b.Groups[1].Value == "+" ? MarkerKind.Plus : MarkerKind.Dash, b.Groups[1].Value, lead + b.Length);
        return null;
    }

    private static bool IsRoman(string s) => RomanNumeral().IsMatch(s);

    /// <summary>Emphasis, quotes and a markdown heading's "#" (text copied from a web page) before the mark.</summary>
    [GeneratedRegex(@"^[\s*_""“#]*")] private static partial Regex LeadingDecoration();
    [GeneratedRegex(@"^Điều\s+(\d{1,3})\s*[.:]\s*")] private static partial Regex ArticlePattern();
    [GeneratedRegex(@"^([A-HĐ])\.\s+(?=\p{Lu})")] private static partial Regex PartPattern();
    /// <summary>"IV. …", and "Mục II. …", "Phần I. …", "Chương III. …" where a web page writes the word before the numeral.</summary>
    [GeneratedRegex(@"^(?:(?:Mục|Phần|Chương|MỤC|PHẦN|CHƯƠNG)\s+)?([IVXL]{1,6})\s*[.:/)]\s*(?=[\p{Lu}\d*""“(])")] private static partial Regex RomanPattern();
    [GeneratedRegex(@"^(?=[IVXL])L?X{0,3}(?:IX|IV|V?I{0,3})$")] private static partial Regex RomanNumeral();
    [GeneratedRegex(@"^(\d{1,2}(?:\.\d{1,2}){0,4})(?:\.|\)|(?<=\d\.\d{1,2})(?=\s))\s*(?=[\p{L}""“*(])")] private static partial Regex ArabicPattern();
    [GeneratedRegex(@"^([a-zđ])\s*\)\s*(?=\S)")] private static partial Regex LetterPattern();
    /// <summary>"(3) Hoàn thiện …": a number in brackets before a capital (an inline "(2) các xã …" goes on the sentence).</summary>
    [GeneratedRegex(@"^\((\d{1,2})\)\s*(?=[\p{Lu}\d""“])")] private static partial Regex BracketedPattern();
    /// <summary>"- Tăng cường …", and "-Tăng cường …": a bullet glued to its item's first word, which opens with a capital.</summary>
    [GeneratedRegex(@"^([-–—•·+])(?:\s+(?=\S)|(?=\p{Lu}))")] private static partial Regex BulletPattern();
}
