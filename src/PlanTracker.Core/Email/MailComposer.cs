using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace PlanTracker.Core.Email;

/// <summary>
/// Builds the plain-text and HTML bodies of a notification from the same lines, in the
/// recipient's language; every value is HTML-encoded in the HTML part.
/// </summary>
public sealed class MailComposer(string culture)
{
    // Vietnamese letters stay letters (the bodies are UTF-8), not &#x...; entities that triple the
    // size of every mail; markup characters are still encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly StringBuilder _text = new();
    private readonly StringBuilder _html = new("<!DOCTYPE html><html><body style=\"font-family:Arial,sans-serif\">");

    public bool Vietnamese { get; } = culture.StartsWith("vi", StringComparison.OrdinalIgnoreCase);
    // GetCultureInfo: cached and read-only; a job composing thousands of mails needs no new culture per line.
    public CultureInfo Culture => Vietnamese ? CultureInfo.GetCultureInfo("vi-VN") : CultureInfo.GetCultureInfo("en-US");

    public string Pick(string vi, string en) => Vietnamese ? vi : en;

    public MailComposer Paragraph(string text)
    {
        _text.Append(text).Append("\r\n\r\n");
        _html.Append("<p>").Append(Encoder.Encode(text)).Append("</p>");
        return this;
    }

    public MailComposer Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows) =>
        Table(header, rows.Select(r => new MailRow(r, null)));

    /// <summary>
    /// A table: the text part starts with the column headers, as the HTML part does; a row with a link has the
    /// cell <paramref name="linkColumn"/> clickable in the HTML part and the address on its own line in the text part.
    /// </summary>
    public MailComposer Table(IReadOnlyList<string> header, IEnumerable<MailRow> rows, int linkColumn = 0)
    {
        _text.Append(string.Join(" | ", header)).Append("\r\n");
        _html.Append("<table border=\"1\" cellpadding=\"4\" style=\"border-collapse:collapse\"><tr>");
        foreach (var h in header) _html.Append("<th>").Append(Encoder.Encode(h)).Append("</th>");
        _html.Append("</tr>");
        foreach (var (cells, link) in rows)
        {
            _text.Append("- ").Append(string.Join(" | ", cells)).Append("\r\n");
            if (link is not null) _text.Append("  ").Append(link).Append("\r\n");
            _html.Append("<tr>");
            for (var i = 0; i < cells.Count; i++)
            {
                _html.Append("<td>");
                if (link is not null && i == linkColumn)
                    _html.Append("<a href=\"").Append(Encoder.Encode(link)).Append("\">").Append(Encoder.Encode(cells[i])).Append("</a>");
                else
                    _html.Append(Encoder.Encode(cells[i]));
                _html.Append("</td>");
            }
            _html.Append("</tr>");
        }
        _text.Append("\r\n");
        _html.Append("</table>");
        return this;
    }

    private readonly List<MailAttachment> _attachments = [];
    public IReadOnlyList<MailAttachment> Attachments => _attachments;

    /// <summary>A file sent with the mail (a Word draft to sign, for instance).</summary>
    public MailComposer Attach(string fileName, string contentType, byte[] content)
    {
        _attachments.Add(new MailAttachment(fileName, contentType, content));
        return this;
    }

    public MailComposer Heading(string text)
    {
        _text.Append(text).Append("\r\n").Append(new string('=', text.Length)).Append("\r\n\r\n");
        _html.Append("<h3>").Append(HtmlEncoder.Default.Encode(text)).Append("</h3>");
        return this;
    }

    /// <summary>A line ending in a link: the address in full in the text part, a link in the HTML part.</summary>
    public MailComposer Link(string text, string url)
    {
        _text.Append(text).Append(' ').Append(url).Append("\r\n\r\n");
        _html.Append("<p>").Append(HtmlEncoder.Default.Encode(text)).Append(" <a href=\"").Append(HtmlEncoder.Default.Encode(url)).Append("\">")
            .Append(HtmlEncoder.Default.Encode(url)).Append("</a></p>");
        return this;
    }

    public (string Text, string Html) Build() => (_text.ToString(), _html + "</body></html>");
}

/// <summary>One row of a mail's table, with the address of what it is about (a task's page), if any.</summary>
public sealed record MailRow(IReadOnlyList<string> Cells, string? Link);
