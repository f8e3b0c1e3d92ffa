using System.Globalization;
using System.Text;

namespace PlanTracker.Core.Email;

/// <summary>
/// Renders a message as MIME (RFC 5322/2045/2047): UTF-8 headers as encoded words, the plain-text
/// and HTML bodies as multipart/alternative (inside multipart/mixed with the attachments), each part base64 in 76-character lines. Base64 lines
/// and boundary lines never begin with a dot, so the result goes into SMTP DATA unchanged.
/// </summary>
public static class MimeWriter
{
    public static byte[] Render(MailMessageData data, string fromAddress, string fromName, DateTimeOffset date)
    {
        var mime = new StringBuilder(256 + (data.TextBody.Length + (data.HtmlBody?.Length ?? 0)) * 3);
        Header(mime, "From", $"{EncodedWords(MailHeaders.OneLine(fromName))} <{fromAddress}>");
        // An agency's officers in one mail: one address per folded line keeps every line far under 998 characters.
        Header(mime, "To", string.Join(",\r\n ", data.Recipients.Select(to => $"<{to}>")));
        Header(mime, "Subject", EncodedWords(data.Subject));
        Header(mime, "Message-ID", data.MessageId);
        Header(mime, "Date", date.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture));
        Header(mime, "MIME-Version", "1.0");
        if (data.Attachments.Count == 0)
        {
            Bodies(mime, data);
        }
        else
        {
            // The bodies first, then each file: multipart/mixed around the alternative part.
            var boundary = Boundary();
            Header(mime, "Content-Type", $"multipart/mixed; boundary=\"{boundary}\"");
            mime.Append("\r\n--").Append(boundary).Append("\r\n");
            Bodies(mime, data);
            foreach (var file in data.Attachments)
            {
                mime.Append("--").Append(boundary).Append("\r\n");
                Header(mime, "Content-Type", $"{file.ContentType}; name=\"{EncodedWords(file.FileName)}\"");
                Header(mime, "Content-Disposition", $"attachment; filename=\"{EncodedWords(file.FileName)}\"");
                Header(mime, "Content-Transfer-Encoding", "base64");
                mime.Append("\r\n").Append(Convert.ToBase64String(file.Content, Base64FormattingOptions.InsertLineBreaks)).Append("\r\n");
            }
            mime.Append("--").Append(boundary).Append("--\r\n");
        }
        return Encoding.ASCII.GetBytes(mime.ToString());
    }

    private static void Bodies(StringBuilder mime, MailMessageData data)
    {
        if (data.HtmlBody is null)
        {
            Part(mime, "text/plain", data.TextBody);
            return;
        }
        var boundary = Boundary();
        Header(mime, "Content-Type", $"multipart/alternative; boundary=\"{boundary}\"");
        mime.Append("\r\n");
        mime.Append("--").Append(boundary).Append("\r\n");
        Part(mime, "text/plain", data.TextBody);
        mime.Append("--").Append(boundary).Append("\r\n");
        Part(mime, "text/html", data.HtmlBody);
        mime.Append("--").Append(boundary).Append("--\r\n");
    }

    private static string Boundary() => "=_PlanTracker_" + Guid.NewGuid().ToString("N");

    private static void Header(StringBuilder mime, string name, string value) => mime.Append(name).Append(": ").Append(value).Append("\r\n");

    private static void Part(StringBuilder mime, string type, string body)
    {
        Header(mime, "Content-Type", $"{type}; charset=utf-8");
        Header(mime, "Content-Transfer-Encoding", "base64");
        mime.Append("\r\n");
        mime.Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(body), Base64FormattingOptions.InsertLineBreaks)).Append("\r\n");
    }

    /// <summary>ASCII stays as it is; anything else becomes =?utf-8?B?…?= words of at most 75 characters, folded.</summary>
    public static string EncodedWords(string text)
    {
        if (text.All(c => c is >= ' ' and <= '~')) return text;
        var words = new List<string>();
        var chunk = new StringBuilder();
        var bytes = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            // 45 bytes of UTF-8 make 60 base64 characters: with "=?utf-8?B?" and "?=" a word stays under 75.
            if (bytes + rune.Utf8SequenceLength > 45)
            {
                words.Add(Word(chunk.ToString()));
                chunk.Clear();
                bytes = 0;
            }
            chunk.Append(rune.ToString());
            bytes += rune.Utf8SequenceLength;
        }
        if (chunk.Length > 0) words.Add(Word(chunk.ToString()));
        return string.Join("\r\n ", words);
    }

    private static string Word(string s) => $"=?utf-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes(s))}?=";
}
