using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Humanizer;
using W = DocumentFormat.OpenXml.Wordprocessing;
using PlanTracker.Core.Common;

namespace PlanTracker.Core.Drafting;

/// <summary>
/// The text of a .docx as the parser reads pasted text: one line per paragraph, Word's automatic
/// numbering written out ("1.", "a)", "-"), and each table row as one pipe-separated line.
/// </summary>
public static class DocxText
{
    private static readonly byte[] CompoundFileSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static string Read(string fileName, byte[] bytes)
    {
        // A password-protected .docx is not a ZIP package but an OLE compound file holding the encrypted one.
        if (bytes.AsSpan().StartsWith(CompoundFileSignature))
            throw new RuleViolationException("file",
                Wording.Pick($"Tệp '{fileName}' được đặt mật khẩu hoặc là tệp .doc cũ. Hãy gỡ mật khẩu và lưu lại dạng .docx.", $"'{fileName}' is encrypted (password-protected) or an old .doc file. Remove the password and save it as .docx."));
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            Files.PackageGuard.Check(stream, fileName, "file");
            using var document = WordprocessingDocument.Open(stream, isEditable: false);
            var body = document.MainDocumentPart?.Document?.Body
                ?? throw new InvalidDataException("the package has no Word document body");
            var numbering = new Numbering(document.MainDocumentPart!);
            var text = new StringBuilder();
            foreach (var element in body.Elements()) Append(text, element, numbering);
            return text.ToString();
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException or XmlException)
        {
            throw new RuleViolationException("file", Wording.Pick($"Không đọc được tệp '{fileName}' dạng văn bản Word (.docx): tệp bị hỏng hoặc không phải .docx ({e.Message}).", $"'{fileName}' could not be read as a Word document (.docx): it is damaged or not a .docx ({e.Message})."));
        }
    }

    /// <summary>
    /// A paragraph as one line; a table as one pipe row per Word row (a cell merged across columns is one
    /// cell, a cell merged down is empty in the rows below, as in text copied out of Word); a content
    /// control (a form field, a building block) by what it holds.
    /// </summary>
    private static void Append(StringBuilder text, OpenXmlElement element, Numbering numbering)
    {
        switch (element)
        {
            case W.Paragraph p:
                text.Append(numbering.Label(p)).Append(ParagraphText(p)).Append('\n');
                break;
            case W.Table t:
                foreach (var row in t.Elements<W.TableRow>())
                    text.Append("| ").Append(string.Join(" | ", row.Elements<W.TableCell>().Select(CellText))).Append(" |\n");
                text.Append('\n');
                break;
            case W.SdtBlock sdt:
                foreach (var inner in sdt.SdtContentBlock?.Elements() ?? []) Append(text, inner, numbering);
                break;
        }
    }

    private static string ParagraphText(W.Paragraph p)
    {
        var s = new StringBuilder();
        foreach (var node in p.Descendants())
        {
            switch (node)
            {
                case W.Text t: s.Append(t.Text); break;
                case W.TabChar: s.Append('\t'); break;
                case W.Break or W.CarriageReturn: s.Append(' '); break;
            }
        }
        return s.ToString().Replace('\n', ' ');
    }

    /// <summary>A cell's paragraphs joined by "; ": agency cells list one agency per paragraph.</summary>
    private static string CellText(W.TableCell cell) =>
        string.Join("; ", cell.Elements<W.Paragraph>().Select(p => ParagraphText(p).Trim()).Where(t => t.Length > 0)).Replace('|', '/');

    /// <summary>Word's list numbering, replayed paragraph by paragraph.</summary>
    private sealed class Numbering
    {
        private readonly Dictionary<int, (int AbstractId, Dictionary<int, int> StartOverrides)> _instances = [];
        private readonly Dictionary<int, Dictionary<int, Level>> _abstracts = [];
        private readonly Dictionary<string, (int NumId, int Level)> _styleNumbering = [];
        private readonly Dictionary<int, int[]> _counters = [];

        private sealed record Level(string Format, string Text, int Start);

        public Numbering(MainDocumentPart main)
        {
            var definitions = main.NumberingDefinitionsPart?.Numbering;
            if (definitions is not null)
            {
                foreach (var a in definitions.Elements<W.AbstractNum>())
                {
                    var levels = new Dictionary<int, Level>();
                    foreach (var l in a.Elements<DocumentFormat.OpenXml.Wordprocessing.Level>())
                        levels[l.LevelIndex?.Value ?? 0] = new Level(
                            l.NumberingFormat?.Val?.InnerText ?? "decimal", l.LevelText?.Val?.Value ?? "", l.StartNumberingValue?.Val?.Value ?? 1);
                    _abstracts[a.AbstractNumberId?.Value ?? 0] = levels;
                }
                foreach (var n in definitions.Elements<W.NumberingInstance>())
                {
                    var overrides = n.Elements<W.LevelOverride>()
                        .Where(o => o.StartOverrideNumberingValue?.Val is not null)
                        .ToDictionary(o => o.LevelIndex?.Value ?? 0, o => o.StartOverrideNumberingValue!.Val!.Value);
                    _instances[n.NumberID?.Value ?? 0] = (n.AbstractNumId?.Val?.Value ?? 0, overrides);
                }
            }
            foreach (var style in main.StyleDefinitionsPart?.Styles?.Elements<W.Style>() ?? [])
                if (style.StyleId?.Value is { } id && style.StyleParagraphProperties?.NumberingProperties is { } np && np.NumberingId?.Val is { } num)
                    _styleNumbering[id] = (num.Value, np.NumberingLevelReference?.Val?.Value ?? 0);
        }

        public string Label(W.Paragraph p)
        {
            var props = p.ParagraphProperties;
            int numId, level;
            if (props?.NumberingProperties is { NumberingId.Val: { } id } np)
                (numId, level) = (id.Value, np.NumberingLevelReference?.Val?.Value ?? 0);
            else if (props?.ParagraphStyleId?.Val?.Value is { } style && _styleNumbering.TryGetValue(style, out var fromStyle))
                (numId, level) = fromStyle;
            else return "";
            if (numId == 0 || !_instances.TryGetValue(numId, out var instance) || !_abstracts.TryGetValue(instance.AbstractId, out var levels)
                || !levels.TryGetValue(level, out var definition) || ParagraphText(p).Trim().Length == 0)
                return "";

            var counters = _counters.TryGetValue(instance.AbstractId, out var c) ? c : _counters[instance.AbstractId] = new int[9];
            counters[level] = counters[level] == 0
                ? instance.StartOverrides.GetValueOrDefault(level, definition.Start)
                : counters[level] + 1;
            for (var deeper = level + 1; deeper < counters.Length; deeper++) counters[deeper] = 0;
            if (definition.Format is "bullet" or "none") return definition.Format == "bullet" ? "- " : "";

            var label = definition.Text;
            for (var k = 0; k <= level; k++)
            {
                var format = levels.TryGetValue(k, out var lk) ? lk.Format : "decimal";
                label = label.Replace("%" + (k + 1), Format(format, Math.Max(counters[k], 1)));
            }
            return label.Trim() + " ";
        }

        private static string Format(string format, int n) => format switch
        {
            "lowerLetter" => Letter(n).ToString(),
            "upperLetter" => char.ToUpperInvariant(Letter(n)).ToString(),
            "upperRoman" => Roman(n),
            "lowerRoman" => Roman(n).ToLowerInvariant(),
            _ => n.ToString(CultureInfo.InvariantCulture),
        };

        private static char Letter(int n) => (char)('a' + (n - 1) % 26);

        // Humanizer writes Roman numerals for 1-3999, all Word numbering uses.
        private static string Roman(int n) => n is >= 1 and <= 3999 ? n.ToRoman() : n.ToString(CultureInfo.InvariantCulture);
    }
}
