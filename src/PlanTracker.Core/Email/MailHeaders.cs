using System.Net.Mail;
using System.Text;

namespace PlanTracker.Core.Email;

/// <summary>
/// What may go into a mail's headers. Subjects and names are built from what users type (plan
/// titles, agency names): <see cref="OneLine"/> folds them into one line when the mail is composed,
/// so such a mail is sent. <see cref="Check"/> is the dispatcher's last look before a message goes to
/// any transport: a header that would still break a line (or an SMTP command) fails that message alone.
/// </summary>
public static class MailHeaders
{
    /// <summary>Line breaks, tabs, NUL and other control characters become single spaces; the ends are trimmed.</summary>
    public static string OneLine(string text)
    {
        var line = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsControl(c) || char.IsWhiteSpace(c) || c is '\u2028' or '\u2029')
            {
                space = line.Length > 0;
                continue;
            }
            if (space) line.Append(' ');
            space = false;
            line.Append(c);
        }
        return line.ToString();
    }

    /// <summary>Throws <see cref="MailMessageException"/> naming what cannot be sent: no transport is tried with it.</summary>
    public static void Check(MailMessageData mail)
    {
        if (HasControl(mail.Subject)) throw new MailMessageException("The subject contains a line break or a control character.");
        if (mail.Recipients.Count == 0) throw new MailMessageException("The message has no recipient.");
        foreach (var to in mail.Recipients)
        {
            // The address goes into RCPT TO:<...> and the To header as it is: only a plain address may.
            if (HasControl(to) || to.Any(c => c is '<' or '>' or ' ' or '"' or ',' or ';' || c > '~')
                || !MailAddress.TryCreate(to, out var address) || address.Address != to || address.Host.Length == 0)
                throw new MailMessageException($"Invalid recipient address: '{Printable(to)}'.");
        }
        foreach (var file in mail.Attachments)
        {
            if (HasControl(file.FileName) || file.FileName.Contains('"'))
                throw new MailMessageException($"Invalid attachment name: '{Printable(file.FileName)}'.");
            if (HasControl(file.ContentType) || file.ContentType.Any(c => c is ' ' or ';' or '"'))
                throw new MailMessageException($"Invalid attachment content type: '{Printable(file.ContentType)}'.");
        }
    }

    private static bool HasControl(string s) => s.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029');

    /// <summary>The value as the administrators' outbox page can show it: control characters spelled out.</summary>
    private static string Printable(string s) =>
        string.Concat(s.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}

/// <summary>This message cannot be sent as it is (its headers, its addresses, its template): the connection is fine, the queue goes on.</summary>
public sealed class MailMessageException(string message, Exception? inner = null) : Exception(message, inner);
