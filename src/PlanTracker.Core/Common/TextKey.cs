using System.Globalization;
using System.Text;

namespace PlanTracker.Core.Common;

/// <summary>Folds Vietnamese text for matching: no diacritics (đ → d), lower case, punctuation as spaces.</summary>
public static class TextKey
{
    /// <summary>What PostgreSQL's unaccent(lower(x)) gives: no diacritics, lower case, punctuation kept.</summary>
    public static string Unaccent(string text)
    {
        var decomposed = Decomposed(text);
        var plain = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) plain.Append(char.ToLowerInvariant(c));
        return plain.ToString().Normalize(NormalizationForm.FormC);
    }

    public static string Fold(string text)
    {
        var decomposed = Decomposed(text);
        var folded = new StringBuilder(decomposed.Length);
        var space = true;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c) || c == '&')
            {
                folded.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else if (!space)
            {
                folded.Append(' ');
                space = true;
            }
        }
        return folded.ToString().TrimEnd();
    }

    /// <summary>ASCII for places that take nothing else (a download's fallback file name): diacritics dropped, case kept.</summary>
    public static string Ascii(string text)
    {
        var ascii = new StringBuilder(text.Length);
        foreach (var c in Decomposed(text))
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) ascii.Append(c is >= ' ' and <= '~' and not ('"' or '\\') ? c : '_');
        return ascii.ToString();
    }

    private static string Decomposed(string text) => text.Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD);
}
