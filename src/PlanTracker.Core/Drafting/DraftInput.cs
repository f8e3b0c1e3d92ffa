using System.Globalization;
using System.Text;
using PlanTracker.Core.Common;

namespace PlanTracker.Core.Drafting;

/// <summary>The text a draft is made from, normalised (NFC, \n line ends); spans in a proposal index this text.</summary>
public sealed record DraftSource(string Name, string Text, IReadOnlyList<string> Notes);

/// <summary>
/// Turns pasted text or an uploaded .txt/.docx/.pdf into a <see cref="DraftSource"/>, refusing what is
/// not a Vietnamese document's text with a message that names the problem (field "text" or "file").
/// </summary>
public static class DraftInput
{
    /// <summary>About 300 pages of a plan; the largest seed document has 50,000 characters.</summary>
    public const int MaxCharacters = 1_000_000;
    public const long MaxFileBytes = 10 * 1024 * 1024;

    public static DraftSource FromText(string? text, string name = "text") => Prepare(text, name, "text");

    public static DraftSource FromFile(string fileName, Stream content)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var bytes = ReadAll(fileName, content);
        if (bytes.Length == 0) throw new RuleViolationException("file", Wording.Pick($"Tệp '{fileName}' rỗng.", $"'{fileName}' is empty."));
        return extension switch
        {
            ".txt" => Prepare(DecodeText(fileName, bytes), fileName, "file"),
            ".docx" => Prepare(DocxText.Read(fileName, bytes), fileName, "file"),
            ".pdf" => Prepare(PdfText.Read(fileName, bytes), fileName, "file"),
            ".doc" => throw new RuleViolationException("file", Wording.Pick(
                $"'{fileName}' là tệp Word cũ (.doc): hãy mở bằng Word, lưu thành .docx (Lưu thành… → Word Document) rồi tải lên tệp .docx.",
                $"'{fileName}' is an old Word .doc file; save it as .docx and upload that.")),
            _ => throw new RuleViolationException("file", Wording.Pick(
                $"'{fileName}' không phải tệp .txt, .docx hay .pdf.",
                $"'{fileName}' is neither .txt, .docx nor .pdf.")),
        };
    }

    private static byte[] ReadAll(string fileName, Stream content)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = content.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxFileBytes)
                throw new RuleViolationException("file", Wording.Pick($"Tệp '{fileName}' lớn hơn {MaxFileBytes / 1024 / 1024} MB.", $"'{fileName}' is larger than {MaxFileBytes / 1024 / 1024} MB."));
        }
        return buffer.ToArray();
    }

    /// <summary>UTF-8 (with or without BOM) or UTF-16 with BOM; anything else is refused rather than guessed.</summary>
    private static string DecodeText(string fileName, byte[] bytes)
    {
        if (bytes.Length >= 2 && (bytes[0], bytes[1]) is (0xFF, 0xFE) or (0xFE, 0xFF))
            return (bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode).GetString(bytes, 2, bytes.Length - 2);
        if (Array.IndexOf(bytes, (byte)0) >= 0)
            throw new RuleViolationException("file", Wording.Pick($"Tệp '{fileName}' không phải văn bản (chứa byte NUL).", $"'{fileName}' is a binary file, not text (it contains NUL bytes)."));
        try
        {
            var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException e)
        {
            throw new RuleViolationException("file",
                Wording.Pick($"Tệp '{fileName}' không phải văn bản UTF-8 (byte sai ở vị trí {e.Index}). Hãy lưu dạng UTF-8 hoặc tải lên tệp .docx.", $"'{fileName}' is not UTF-8 text (invalid byte at position {e.Index}). Save it as UTF-8, or upload the .docx."));
        }
    }

    private static DraftSource Prepare(string? raw, string name, string field)
    {
        if (string.IsNullOrWhiteSpace(raw))
            throw new RuleViolationException(field, Wording.Pick("Chưa có nội dung: hãy dán nội dung văn bản hoặc tải lên tệp .txt, .docx.", "The text is empty: paste the document's text or upload it as a .txt or .docx file."));
        if (raw.Length > MaxCharacters)
            throw new RuleViolationException(field, Wording.Pick(
                string.Create(CultureInfo.GetCultureInfo("vi-VN"), $"Nội dung có {raw.Length:N0} ký tự; giới hạn là {MaxCharacters:N0} (khoảng 300 trang). Hãy tải lên văn bản không kèm phụ lục, hoặc tách thành nhiều phần."),
                string.Create(CultureInfo.InvariantCulture, $"The text has {raw.Length:N0} characters; the limit is {MaxCharacters:N0} (about 300 pages). Upload the plan without its annexes or split it.")));
        var notes = new List<string>();
        var controls = raw.Count(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f') || c == '\uFFFD');
        if (controls > 0)
            throw new RuleViolationException(field,
                $"The text contains {controls} control or undecodable characters: it is binary data, not a document's text.");
        var text = raw;
        if (!text.IsNormalized(NormalizationForm.FormC))
        {
            // Decomposed Unicode (NFD, as some Mac editors and PDF converters write it) reads as garbage to
            // every rule and search here; it is the same text, so it is normalised, and said so.
            text = text.Normalize(NormalizationForm.FormC);
            notes.Add("The text was in decomposed Unicode (NFD); it was normalised to NFC.");
        }
        text = Clean(text);
        text = BulletGlyphs.Normalise(text);
        // "Bộ Y t ế", "Đ ế n năm 2020": a PDF's text layer splits syllables; every rule reads words, so they are joined, and said so.
        text = SplitSyllables.Join(text, out var joined);
        if (joined > 0) notes.Add($"{joined} syllables split apart by the source's text layer (\"Bộ Y t ế\") were joined (\"Bộ Y tế\").");
        CheckScript(text, field);
        return new DraftSource(name, text, notes);
    }

    /// <summary>One line end (\n), no BOM or zero-width marks, no-break spaces as spaces.</summary>
    private static string Clean(string text)
    {
        var s = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\r':
                    s.Append('\n');
                    if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                    break;
                case '\f': s.Append('\n'); break;
                case '\u00A0' or '\u2007' or '\u202F': s.Append(' '); break;
                // Legacy Vietnamese PDF fonts (VNI, TCVN3 re-encoded) map "ư" to the Latin letter oi "ƣ", which Vietnamese never
                // uses: "Sở Công Thƣơng" must read as the agency it names.
                case 'ƣ': s.Append('ư'); break;
                case 'Ƣ': s.Append('Ư'); break;
                case '\uFEFF' or '\u200B' or '\u200C' or '\u200D' or '\u2060': break;
                default: s.Append(c); break;
            }
        }
        return s.ToString();
    }

    /// <summary>PlanTracker reads Vietnamese: most letters must be Latin, and some must be Vietnamese ones.</summary>
    private static void CheckScript(string text, string field)
    {
        var scripts = new Dictionary<string, int>();
        var (latin, vietnamese) = (0, 0);
        foreach (var c in text)
        {
            if (!char.IsLetter(c)) continue;
            var script = Script(c);
            if (script == "Latin")
            {
                latin++;
                if (IsVietnameseLetter(c)) vietnamese++;
            }
            else scripts[script] = scripts.GetValueOrDefault(script) + 1;
        }
        var letters = latin + scripts.Values.Sum();
        if (letters == 0)
            throw new RuleViolationException(field, Wording.Pick("Nội dung không có chữ nào: không phải một văn bản.", "The text has no letters: it holds no document."));
        if (latin < letters / 2)
        {
            var (main, count) = scripts.MaxBy(kv => kv.Value);
            throw new RuleViolationException(field, Wording.Pick(
                $"Nội dung không phải tiếng Việt: {count * 100 / letters}% số chữ là chữ {main}. PlanTracker đọc văn bản viết bằng tiếng Việt.",
                $"The text is not Vietnamese: {count * 100 / letters}% of its letters are {main}. PlanTracker reads documents written in Vietnamese."));
        }
        if (latin >= 200 && vietnamese * 100 < latin)
            throw new RuleViolationException(field,
                Wording.Pick("Nội dung gần như không có chữ tiếng Việt (ă, â, đ, ê, ô, ơ, ư hoặc dấu thanh). Hãy dán nội dung tiếng Việt của văn bản.", "The text is not Vietnamese: it has almost no Vietnamese letters (ă, â, đ, ê, ô, ơ, ư or tone marks). Paste the document's Vietnamese text."));
    }

    private static bool IsVietnameseLetter(char c)
    {
        if (c is 'đ' or 'Đ') return true;
        var d = c.ToString().Normalize(NormalizationForm.FormD);
        return d.Length > 1 && d.Skip(1).Any(m => CharUnicodeInfo.GetUnicodeCategory(m) == UnicodeCategory.NonSpacingMark);
    }

    private static string Script(char c) => c switch
    {
        <= '\u024F' or (>= '\u1E00' and <= '\u1EFF') => "Latin",
        >= '\u0370' and <= '\u03FF' => "Greek",
        >= '\u0400' and <= '\u052F' => "Cyrillic",
        >= '\u0590' and <= '\u05FF' => "Hebrew",
        >= '\u0600' and <= '\u06FF' => "Arabic",
        >= '\u0E00' and <= '\u0E7F' => "Thai",
        >= '\u0E80' and <= '\u0EFF' => "Lao",
        >= '\u1780' and <= '\u17FF' => "Khmer",
        >= '\u3040' and <= '\u30FF' => "Japanese kana",
        >= '\uAC00' and <= '\uD7AF' or >= '\u1100' and <= '\u11FF' => "Korean Hangul",
        >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' => "Chinese (Han)",
        _ => "non-Latin",
    };
}
