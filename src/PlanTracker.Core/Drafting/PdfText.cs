using System.Text.RegularExpressions;
using PlanTracker.Core.Common;
using PlanTracker.Core.Files;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace PlanTracker.Core.Drafting;

/// <summary>
/// The text of a PDF's text layer (PdfPig) as the parser reads pasted text: pages in order, lines rebuilt
/// from word positions (<see cref="PdfLayout"/>), a paragraph that the page wrapped joined back into one
/// line, and each row of a ruled table as one pipe row, a row that a page break cut in two joined again.
/// A PDF without a text layer (a scan) is refused with a message saying so: there is no OCR. What the text
/// layer loses is listed in docs/decisions/0020-reader-corpus-and-formats.md.
/// </summary>
public static partial class PdfText
{
    /// <summary>Fewer letters than this on average per page: the pages are pictures (a scan), not text.</summary>
    private const int MinLettersPerPage = 20;

    public static string Read(string fileName, byte[] bytes)
    {
        PdfGuard.Check(bytes, fileName, "file");
        try
        {
            using var document = PdfDocument.Open(bytes);
            if (document.NumberOfPages > PdfGuard.MaxPages)
                throw new RuleViolationException("file", Wording.Pick(
                    $"'{fileName}' có {document.NumberOfPages} trang; giới hạn là {PdfGuard.MaxPages} trang. Hãy tải lên văn bản không kèm phụ lục dài, hoặc tách thành nhiều tệp.",
                    $"'{fileName}' has {document.NumberOfPages} pages; the limit is {PdfGuard.MaxPages}. Upload the plan without long annexes, or split it."));
            var lines = new List<PdfLine>();
            var pageStarts = new HashSet<int>();
            var letters = 0L;
            foreach (var page in document.GetPages())
            {
                letters += page.Letters.Count;
                pageStarts.Add(lines.Count);
                lines.AddRange(PdfLayout.Lines(page));
                if (letters > DraftInput.MaxCharacters * 2L) break; // the text limit refuses it; stop reading
            }
            if (letters < (long)MinLettersPerPage * Math.Max(1, document.NumberOfPages))
                throw new RuleViolationException("file", Wording.Pick(
                    $"'{fileName}' là bản scan (ảnh chụp trang), không có lớp chữ nên không đọc được nội dung. PlanTracker không nhận dạng chữ trên ảnh (OCR): hãy tải lên bản .docx hoặc bản PDF xuất từ Word, hoặc dán nội dung văn bản.",
                    $"'{fileName}' is a scan (pictures of pages) with no text layer, so its content cannot be read. PlanTracker does no OCR: upload the .docx, a PDF exported from Word, or paste the text."));
            return Assemble(lines, pageStarts);
        }
        catch (PdfDocumentEncryptedException)
        {
            throw new RuleViolationException("file", Wording.Pick(
                $"'{fileName}' được đặt mật khẩu. Hãy bỏ mật khẩu rồi tải lên lại.",
                $"'{fileName}' is password-protected. Remove the password and upload it again."));
        }
        // A damaged PDF fails in any of a dozen ways inside the parser (format, font, compression, index errors).
        catch (Exception e) when (e is not RuleViolationException and not OutOfMemoryException)
        {
            throw new RuleViolationException("file", Wording.Pick(
                $"'{fileName}' không đọc được như một tệp PDF: tệp bị hỏng hoặc không phải PDF ({e.Message}).",
                $"'{fileName}' could not be read as a PDF: it is damaged or not a PDF ({e.Message})."));
        }
    }

    private static string Assemble(List<PdfLine> lines, HashSet<int> pageStarts)
    {
        var output = new List<string>();
        List<string>? row = null;
        PdfLine? previous = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.IsRow)
            {
                // The top row of a page that goes on with the last row of the page before (its first
                // non-empty cell continues a sentence in lower case) is that row, cut in two by the page break.
                if (row is not null && pageStarts.Contains(i) && line.Cells!.Count == row.Count
                    && line.Cells.FirstOrDefault(c => c.Length > 0) is { } first && char.IsLower(first[0]))
                {
                    for (var c = 0; c < row.Count; c++)
                        if (line.Cells[c].Length > 0) row[c] = row[c] + (row[c].Length == 0 || Glued(row[c], line.Cells[c]) ? "" : " ") + line.Cells[c];
                    output[^1] = Pipe(row);
                    continue;
                }
                row = [.. line.Cells!];
                output.Add(Pipe(row));
                previous = line;
                continue;
            }
            if (previous is { IsRow: true }) output.Add(""); // a blank line closes a table, as in a .docx's text
            if (previous is { IsRow: false } && Continues(previous, line))
                output[^1] += (Glued(output[^1], line.Text) ? "" : " ") + line.Text;
            else output.Add(line.Text);
            row = null;
            previous = line;
        }
        return string.Join('\n', output) + "\n";
    }

    private static string Pipe(List<string> cells) => "| " + string.Join(" | ", cells) + " |";

    /// <summary>
    /// Whether <paramref name="next"/> goes on the paragraph of <paramref name="line"/>: the page wrapped it,
    /// because the first word of the next line would not have fitted in the room left at the end of this one,
    /// and the next line does not start a numbered or bulleted item.
    /// </summary>
    private static bool Continues(PdfLine line, PdfLine next)
    {
        if (line.Columns || next.Columns || line.TextRight <= 0 || ItemStart().IsMatch(next.Text)) return false;
        var letter = (line.Right - line.Left) / Math.Max(1, line.Text.Length);
        // The next line's first word, as wide as the page drew it, and a space before it.
        return line.TextRight - line.Right < next.FirstWord + letter;
    }

    /// <summary>
    /// Whether a wrapped line joins the text before it without a space: after a hyphen inside a word
    /// ("các-" + "bon"), or inside a date a narrow cell broke ("10-" + "11/20" + "19").
    /// </summary>
    internal static bool Glued(string before, string next)
    {
        if (before.Length < 2 || next.Length == 0) return false;
        var last = before[^1];
        if (last is '-' or '/') return char.IsLetterOrDigit(before[^2]) && char.IsLetterOrDigit(next[0]);
        if (!char.IsDigit(last) || !char.IsDigit(next[0])) return false;
        var token = before[Math.Max(0, before.Length - 12)..];
        token = token[(token.LastIndexOf(' ') + 1)..];
        return token.Contains('/') && !token.EndsWith('/') && DateFragment().IsMatch(token + next.Split(' ')[0]);
    }

    [GeneratedRegex(@"^\s*(?:Điều\s+\d+|[IVXL]+\.|\d+(?:\.\d+)*[.)]|[a-zđ]\)|\(\d+\)|[-–+•*])\s")]
    private static partial Regex ItemStart();

    [GeneratedRegex(@"^(?:\d{1,2}-)?\d{1,2}/\d{4}\b")]
    private static partial Regex DateFragment();
}
