using System.Net.Mail;
using System.Text;

namespace PlanTracker.Core.Email;

public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);

/// <param name="To">One address, or an address list ("a@x, b@y") for a mail to all of an agency's officers.</param>
public sealed record MailMessageData(string To, string Subject, string TextBody, string? HtmlBody, string MessageId)
{
    public IReadOnlyList<MailAttachment> Attachments { get; init; } = [];

    public IReadOnlyList<string> Recipients => To.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>The seam for sending mail (MailKit is not in the registry).</summary>
public interface IMailTransport
{
    Task SendAsync(MailMessageData message, CancellationToken ct);

    /// <summary>Several messages over one connection, as the outbox dispatcher sends a batch; by default one send each.</summary>
    Task<IMailSession> OpenSessionAsync(CancellationToken ct) => Task.FromResult<IMailSession>(new OneByOne(this));

    private sealed class OneByOne(IMailTransport transport) : IMailSession
    {
        public async Task<IReadOnlyList<string>> SendAsync(MailMessageData message, CancellationToken ct)
        {
            await transport.SendAsync(message, ct);
            return [];
        }
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

public interface IMailSession : IAsyncDisposable
{
    /// <summary>Sends the message to every recipient the server accepts; returns those it refused (the mail went to the others).</summary>
    Task<IReadOnlyList<string>> SendAsync(MailMessageData message, CancellationToken ct);
}

public sealed class MailOptions
{
    public string From { get; set; } = "plantracker@localhost";
    public string FromName { get; set; } = "PlanTracker";
    /// <summary>Where .eml files go when no SMTP host is configured.</summary>
    public string PickupDirectory { get; set; } = ".data/mail";
    public SmtpOptions Smtp { get; set; } = new();
    /// <summary>The address users reach PlanTracker at; links in mails (downloads, unsubscribe) start with it.</summary>
    public string PublicUrl { get; set; } = "http://127.0.0.1:5080";

    public string Link(string pathAndQuery) => PublicUrl.TrimEnd('/') + "/" + pathAndQuery.TrimStart('/');
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public bool EnableTls { get; set; }
    /// <summary>
    /// A PEM certificate to trust as the server's (or its issuing CA), besides the system's roots: a
    /// province's mail server often carries a certificate from its own CA.
    /// </summary>
    public string? TrustedCertificatePath { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>How long the server may take to answer a command or take the data before the connection is given up.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);
}

/// <summary>
/// SMTP when a host is configured (<see cref="SmtpSession"/>: one connection per batch), otherwise
/// a pickup folder of .eml files written by System.Net.Mail.
/// </summary>
public sealed class SystemNetMailTransport(MailOptions options) : IMailTransport
{
    private bool UsesSmtp => options.Smtp.Host is { Length: > 0 };

    public async Task<IMailSession> OpenSessionAsync(CancellationToken ct) =>
        UsesSmtp ? await SmtpSession.OpenAsync(options, ct) : new PickupSession(this);

    public async Task SendAsync(MailMessageData data, CancellationToken ct)
    {
        await using var session = await OpenSessionAsync(ct);
        await session.SendAsync(data, ct);
    }

    private sealed class PickupSession(SystemNetMailTransport transport) : IMailSession
    {
        public async Task<IReadOnlyList<string>> SendAsync(MailMessageData message, CancellationToken ct)
        {
            await transport.WriteToPickupAsync(message, ct);
            return [];
        }
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private async Task WriteToPickupAsync(MailMessageData data, CancellationToken ct)
    {
        using var message = new MailMessage
        {
            From = new MailAddress(options.From, options.FromName, Encoding.UTF8),
            Subject = data.Subject,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
        };
        foreach (var to in data.Recipients) message.To.Add(new MailAddress(to, null, Encoding.UTF8));
        message.Headers.Add("Message-ID", data.MessageId);
        message.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(data.TextBody, Encoding.UTF8, "text/plain"));
        if (data.HtmlBody is not null)
            message.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(data.HtmlBody, Encoding.UTF8, "text/html"));
        foreach (var file in data.Attachments)
        {
            var attachment = new Attachment(new MemoryStream(file.Content), file.FileName, file.ContentType);
            attachment.NameEncoding = Encoding.UTF8;
            message.Attachments.Add(attachment);
        }

        var folder = Path.GetFullPath(options.PickupDirectory);
        Directory.CreateDirectory(folder);
        using var client = new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = folder };
        await client.SendMailAsync(message, ct);
    }
}
