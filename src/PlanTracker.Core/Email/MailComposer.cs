using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace PlanTracker.Core.Email;

/// <summary>
/// Builds the plain-text and HTML bodies of a notification from the same lines, in the
/// recipient's language; every value is HTML-encoded in the HTML part.
/// </summary>
public sealed class MailComposer(string culture)
{
    private readonly StringBuilder _text = new();
    private readonly StringBuilder _html = new("<!DOCTYPE html><html><body style=\"font-family:Arial,sans-serif\">");

    public bool Vietnamese { get; } = culture.StartsWith("vi", StringComparison.OrdinalIgnoreCase);
    public CultureInfo Culture => Vietnamese ? new CultureInfo("vi-VN") : new CultureInfo("en-US");

    public string Pick(string vi, string en) => Vietnamese ? vi : en;

    public MailComposer Paragraph(string text)
    {
        _text.Append(text).Append("\r\n\r\n");
        _html.Append("<p>").Append(HtmlEncoder.Default.Encode(text)).Append("</p>");
        return this;
    }

    public MailComposer Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        _html.Append("<table border=\"1\" cellpadding=\"4\" style=\"border-collapse:collapse\"><tr>");
        foreach (var h in header) _html.Append("<th>").Append(HtmlEncoder.Default.Encode(h)).Append("</th>");
        _html.Append("</tr>");
        foreach (var row in rows)
        {
            _text.Append("- ").Append(string.Join(" | ", row)).Append("\r\n");
            _html.Append("<tr>");
            foreach (var cell in row) _html.Append("<td>").Append(HtmlEncoder.Default.Encode(cell)).Append("</td>");
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
