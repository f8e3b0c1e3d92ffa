using System.Collections.Concurrent;
using System.Text;

namespace PlanTracker.Core.Drafting;

/// <summary>A word of the source with its place: <see cref="Key"/> is folded (no accents, lower case, đ → d).</summary>
public readonly record struct Token(string Text, string Key, int Start, int End);

/// <summary>Words of Vietnamese text, folded the way <see cref="Common.TextKey.Fold"/> folds, with their offsets.</summary>
public static class Tokens
{
    private static readonly ConcurrentDictionary<char, char> Folded = new();

    public static List<Token> Of(string text, int offset = 0)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text, i)) { i++; continue; }
            var start = i;
            while (i < text.Length && IsWordChar(text, i)) i++;
            var word = text[start..i];
            tokens.Add(new Token(word, Fold(word), offset + start, offset + i));
        }
        return tokens;
    }

    public static string Fold(string word)
    {
        var s = new StringBuilder(word.Length);
        foreach (var c in word) s.Append(Fold(c));
        return s.ToString();
    }

    public static char Fold(char c) => Folded.GetOrAdd(c, static ch =>
    {
        if (ch is 'đ' or 'Đ') return 'd';
        var d = ch.ToString().Normalize(NormalizationForm.FormD);
        return char.ToLowerInvariant(d[0]);
    });

    /// <summary>Letters, digits, "&amp;" inside "TT&amp;TT", an apostrophe inside "H'Leo".</summary>
    private static bool IsWordChar(string text, int i)
    {
        var c = text[i];
        if (char.IsLetterOrDigit(c)) return true;
        if (c is not ('&' or '\'' or '’')) return false;
        return i > 0 && i + 1 < text.Length && char.IsLetterOrDigit(text[i - 1]) && char.IsLetterOrDigit(text[i + 1]);
    }
}
