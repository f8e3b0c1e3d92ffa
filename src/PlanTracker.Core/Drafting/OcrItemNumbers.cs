using System.Text.RegularExpressions;

namespace PlanTracker.Core.Drafting;

/// <summary>
/// An item number that an OCR broke: "1 Đôi mới, tăng cường …" (the dot lost), "Š. Tập trung lãnh đạo …" (a 5 read as a
/// letter Vietnamese never writes). It is read as the number it stands for only where the numbering around it makes that
/// certain: the next item of the same list carries the number after it, and the one before carries the number before it
/// (or it is the list's first, "1", right under its heading). A number without its dot anywhere else ("3 Bộ …" in a
/// sentence wrapped onto a new line) stays text. NQ 34-NQ/TU Lào Cai; decision 0009, "Round 7 — objectives and OCR numbers".
/// </summary>
internal static partial class OcrItemNumbers
{
    /// <summary>Glyphs an OCR gives for a digit, that no Vietnamese word writes.</summary>
    private static readonly Dictionary<string, int> Glyphs = new() { ["Š"] = 5, ["§"] = 5 };

    public static Marker? Match(IReadOnlyList<Paragraph> paragraphs, int at)
    {
        var m = Broken().Match(paragraphs[at].Text);
        if (!m.Success) return null;
        var number = m.Groups["n"].Success ? int.Parse(m.Groups["n"].Value) : Glyphs[m.Groups["g"].Value];
        var (before, after) = (Neighbour(paragraphs, at, -1), Neighbour(paragraphs, at, +1));
        return after == number + 1 && before == number - 1 ? new Marker(MarkerKind.Arabic, number.ToString(), m.Length) : null;
    }

    /// <summary>
    /// The nearest first-level Arabic number in one direction within the same list: looking back, a heading above the list
    /// (a roman section, a part, an article) counts as 0, the number before "1"; looking on, it ends the list.
    /// </summary>
    private static int? Neighbour(IReadOnlyList<Paragraph> paragraphs, int at, int step)
    {
        for (var i = at + step; i >= 0 && i < paragraphs.Count; i += step)
        {
            var marker = Markers.Match(paragraphs[i].Text);
            if (marker?.Kind is MarkerKind.Roman or MarkerKind.Part or MarkerKind.Article) return step < 0 ? 0 : null;
            if (marker is { Kind: MarkerKind.Arabic } && !marker.Label.Contains('.')) return int.Parse(marker.Label);
        }
        return step < 0 ? 0 : null;
    }

    /// <summary>"1 Đôi mới" (a number, a space, a capitalised word) or "Š. Tập trung" (a digit's glyph with its dot).</summary>
    [GeneratedRegex(@"^[\s*_]*(?:(?<n>\d{1,2})\s+(?=\p{Lu}\p{Ll})|(?<g>[Š§])\s*[.)]\s*(?=\p{Lu}))")] private static partial Regex Broken();
}
