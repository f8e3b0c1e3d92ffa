using MimeKit;

namespace PlanTracker.Core.Email;

/// <summary>An outbox message as MIME (MimeKit): the same message whether it goes over SMTP or into the pickup folder.</summary>
public static class MimeMessages
{
    public static MimeMessage Compose(MailMessageData data, MailOptions options)
    {
        var message = new MimeMessage
        {
            Subject = data.Subject,
            // The outbox's Message-ID, never a new one: a message sent again after a crash is recognisably the same mail.
            MessageId = data.MessageId.Trim().TrimStart('<').TrimEnd('>'),
        };
        // Configured, but folded like every header value users or operators type (decision 0016).
        message.From.Add(new MailboxAddress(MailHeaders.OneLine(options.FromName), options.From));
        foreach (var to in data.Recipients) message.To.Add(MailboxAddress.Parse(to));
        var body = new BodyBuilder { TextBody = data.TextBody, HtmlBody = data.HtmlBody };
        foreach (var file in data.Attachments) body.Attachments.Add(file.FileName, file.Content, ContentType.Parse(file.ContentType));
        message.Body = body.ToMessageBody();
        return message;
    }
}
