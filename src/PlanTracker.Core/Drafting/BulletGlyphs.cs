using System.Text.RegularExpressions;

namespace PlanTracker.Core.Drafting;

/// <summary>
/// A list's bullets as the source draws them. Word writes "-" and "+" (or the Symbol font's private-use bullets when its
/// list is copied), a web page draws "•" for a list and "◦" or "▪" for the list inside it. The reader's rules read the
/// outer bullet as "-" and the inner as "+", so the drawn glyphs at the start of a line are written as those, one
/// character for one (offsets into the source do not move).
/// </summary>
public static partial class BulletGlyphs
{
    /// <summary>Outer-list bullets: bullet, black circle, black square, the Symbol font's bullet (U+F0B7), Wingdings' black circle (U+F06C).</summary>
    private const string Outer = "•●■\uF0B7\uF06C";

    /// <summary>Inner-list bullets: white bullet, white circle, small squares, Wingdings' square (U+F0A7), arrow (U+F0D8) and check (U+F0FC).</summary>
    private const string Inner = "◦○▪▫□\uF0A7\uF0D8\uF0FC";

    /// <summary>
    /// The text with every drawn bullet that opens a line written "-" or "+": before a space or tab, or glued to the item's first word
    /// ("•Tăng cường …", a web page that draws the bullet as a character of the text), which opens with a capital.
    /// </summary>
    public static string Normalise(string text) =>
        Glyph().Replace(text, m => m.Groups[1].Value + (Inner.Contains(m.Groups[2].Value[0]) ? '+' : '-'));

    [GeneratedRegex("(?m)^([ \\t]*)([" + Outer + Inner + "])(?=[ \\t]|\\p{Lu})")] private static partial Regex Glyph();
}
