using System.Text.RegularExpressions;

namespace PlanTracker.Core.Drafting;

/// <summary>
/// An item number that an OCR broke: "1 Đôi mới, tăng cường …" (the dot lost), "Š. Tập trung lãnh đạo …" (a 5 read as a
/// letter Vietnamese never writes). It is read as the number it stands for only where the numbering around it makes that
/// certain: the next item of the same list carries the number after it, and the one before carries the number before it
/// (or it is the list's first, "1", right under its heading). A number without its dot anywhere else ("3 Bộ …" in a
/// sentence wrapped onto a new line) stays text. NQ 34-NQ/TU Lào Cai; decision 0009, "Round 7 — objectives and OCR numbers".
/// </summary>
internal sealed partial class OcrItemNumbers(IReadOnlyList<Paragraph> paragraphs)
{
    /// <summary>Glyphs an OCR gives for a digit, that no Vietnamese word writes.</summary>
    private static readonly Dictionary<string, int> Glyphs = new() { ["Š"] = 5, ["§"] = 5 };

    /// <summary>
    /// For each paragraph, the number of the list item before it and after it (<see cref="Index"/>), read once for the whole
    /// document when the first broken number turns up: looking for them from each broken number in turn read every other
    /// paragraph again, and a long paste of table rows opening on undotted numbers ("12 Sở Tài chính …") took seconds.
    /// </summary>
    private (int?[] Before, int?[] After)? neighbours;

    public Marker? Match(int at)
    {
        var m = Broken().Match(paragraphs[at].Text);
        if (!m.Success) return null;
        var number = m.Groups["n"].Success ? int.Parse(m.Groups["n"].Value) : Glyphs[m.Groups["g"].Value];
        var (before, after) = neighbours ??= Index(paragraphs);
        return after[at] == number + 1 && before[at] == number - 1 ? new Marker(MarkerKind.Arabic, number.ToString(), m.Length) : null;
    }

    /// <summary>
    /// The nearest first-level Arabic number on each side of each paragraph within the same list: looking back, a heading above
    /// the list (a roman section, a part, an article) counts as 0, the number before "1", as the document's start does; looking
    /// on, it ends the list.
    /// </summary>
    private static (int?[] Before, int?[] After) Index(IReadOnlyList<Paragraph> paragraphs)
    {
        var (before, after) = (new int?[paragraphs.Count], new int?[paragraphs.Count]);
        var numbers = paragraphs.Select(p => Markers.Match(p.Text)).Select(marker => marker?.Kind switch
        {
            MarkerKind.Roman or MarkerKind.Part or MarkerKind.Article => Heading,
            MarkerKind.Arabic when !marker.Label.Contains('.') => int.Parse(marker.Label),
            _ => (int?)null,
        }).ToList();
        int? last = 0;
        for (var i = 0; i < paragraphs.Count; i++)
        {
            before[i] = last;
            if (numbers[i] is { } n) last = n == Heading ? 0 : n;
        }
        last = null;
        for (var i = paragraphs.Count - 1; i >= 0; i--)
        {
            after[i] = last;
            if (numbers[i] is { } n) last = n == Heading ? null : n;
        }
        return (before, after);
    }

    /// <summary>A heading above a list, among the numbers (no item number is negative).</summary>
    private const int Heading = -1;

    /// <summary>"1 Đôi mới" (a number, a space, a capitalised word) or "Š. Tập trung" (a digit's glyph with its dot).</summary>
    [GeneratedRegex(@"^[\s*_]*(?:(?<n>\d{1,2})\s+(?=\p{Lu}\p{Ll})|(?<g>[Š§])\s*[.)]\s*(?=\p{Lu}))")] private static partial Regex Broken();
}
