using System.Text;
using System.Text.RegularExpressions;

namespace PlanTracker.Core.Drafting;

/// <summary>
/// Joins the syllables a PDF's text layer splits at a letter it draws apart: "Bộ Y t ế", "Đ ế n năm 2020", "đến h ế t năm
/// 2019", "các t ỉ nh", "công ng hệ", "tổ chức chí nh trị". Every Vietnamese syllable has a vowel, so a run of consonants
/// alone ("t", "Đ", "nh") is never a word: it is joined to the letters beside it when, and only when, the join is one
/// well-formed syllable (onset, one to three vowels, a final consonant; at most one tone mark). Real words are never
/// joined to each other ("Đ ề án" is "Đề án", not "Đềán"), and a letter that names a point of a list ("điểm c khoản 2",
/// "mục b") is left alone, as are abbreviations in capitals ("TP", "KT") and units after a number ("50 km").
/// </summary>
public static partial class SplitSyllables
{
    public static string Join(string text, out int joined)
    {
        joined = 0;
        var words = Word().Matches(text).ToList();
        if (words.Count == 0) return text;
        var s = new StringBuilder(text.Length);
        var at = 0;
        for (var i = 0; i < words.Count; i++)
        {
            var (end, word) = Longest(text, words, i);
            if (end == i) continue;
            s.Append(text, at, words[i].Index - at).Append(word);
            at = words[end].Index + words[end].Length;
            joined++;
            i = end;
        }
        return joined == 0 ? text : s.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>From word <paramref name="i"/>, the last word of the longest split syllable starting there (i itself when none).</summary>
    private static (int End, string Word) Longest(string text, List<Match> words, int i)
    {
        var first = words[i].Value;
        var hasLoose = IsOnset(first) && !IsListLetter(text, words, i);
        // A final consonant split from its syllable ("chí nh trị") joins the word before it, which must end in a vowel.
        if (!hasLoose && !(CodaAt(text, words, i + 1, strict: true) && EndsInVowel(first))) return (i, first);
        var (joinedWord, end) = (first, i);
        for (var j = i + 1; j < words.Count && j <= i + 3 && Adjacent(text, words[j - 1], words[j]); j++)
        {
            var next = words[j].Value;
            // Only a loose piece joins: two real words stay two words.
            if (!(j == i + 1 && hasLoose || CodaAt(text, words, j, strict: !hasLoose)) || next.Any(char.IsUpper)) break;
            var candidate = joinedWord + next;
            if (!IsSyllable(candidate)) break;
            (joinedWord, end) = (candidate, j);
            if (!(CodaAt(text, words, j + 1, strict: !hasLoose) && EndsInVowel(candidate))) break;
        }
        return end > i ? (end, joinedWord) : (i, first);
    }

    /// <summary>
    /// Word <paramref name="k"/> is a final consonant written apart ("n" of "Đ ế n năm"): a coda right after the word before
    /// it. After a whole word (<paramref name="strict"/>) it must not be followed by the vowel it opens ("y t ế" is "y tế":
    /// the "t" goes forward); after a syllable that was itself split ("Đ ề n ơn") it closes that syllable ("Đền ơn").
    /// </summary>
    private static bool CodaAt(string text, List<Match> words, int k, bool strict) =>
        k < words.Count && IsCoda(words[k].Value) && Adjacent(text, words[k - 1], words[k])
        && !(strict && k + 1 < words.Count && Adjacent(text, words[k], words[k + 1]) && Vowel().IsMatch(Tokens.Fold(words[k + 1].Value[..1])) && char.IsLower(words[k + 1].Value[0]));

    private static bool Adjacent(string text, Match a, Match b) => b.Index == a.Index + a.Length + 1 && text[a.Index + a.Length] == ' ';

    /// <summary>"t", "Đ", "Ng", "nh": consonants only, lower case after a possible capital, never after a number.</summary>
    private static bool IsOnset(string w) => Onset().IsMatch(w);

    private static bool IsCoda(string w) => w is "c" or "ch" or "m" or "n" or "ng" or "nh" or "p" or "t";

    private static bool EndsInVowel(string w) => w.Length > 0 && Vowel().IsMatch(Tokens.Fold(w[^1].ToString())) && !w.All(char.IsUpper);

    /// <summary>"điểm c", "mục đ", "khoản a": a list's letter, not a split.</summary>
    private static bool IsListLetter(string text, List<Match> words, int i) =>
        i > 0 && words[i].Length == 1 && ListWord().IsMatch(words[i - 1].Value)
        || words[i].Index > 0 && char.IsDigit(text[Math.Max(0, words[i].Index - 2)]);

    private static bool IsSyllable(string w) =>
        SyllableShape().IsMatch(Tokens.Fold(w)) && w.Count(c => Tones.Contains(c)) <= 1 && (w.Length == 1 || !w[1..].Any(char.IsUpper));

    /// <summary>Letters that carry a tone mark (sắc, huyền, hỏi, ngã, nặng) on any vowel.</summary>
    private static readonly HashSet<char> Tones = [.. "áàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ" + "ÁÀẢÃẠẮẰẲẴẶẤẦẨẪẬÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ"];

    [GeneratedRegex(@"\p{L}+")] private static partial Regex Word();
    [GeneratedRegex(@"^(?:[bcdđghklmnpqrstvxBCDĐGHKLMNPQRSTVX])(?:h|gh|g|r)?$")] private static partial Regex Onset();
    [GeneratedRegex(@"[aeiouy]")] private static partial Regex Vowel();
    [GeneratedRegex(@"^(?:điểm|mục|khoản|tiết|Điểm|Mục|Khoản|Tiết)$")] private static partial Regex ListWord();
    [GeneratedRegex(@"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|nh|ng|[cmnpt])?$")] private static partial Regex SyllableShape();
}
