namespace PlanTracker.Core.Email;

public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);

/// <param name="To">One address, or an address list ("a@x, b@y") for a mail to all of an agency's officers.</param>
public sealed record MailMessageData(string To, string Subject, string TextBody, string? HtmlBody, string MessageId)
{
    public IReadOnlyList<MailAttachment> Attachments { get; init; } = [];

    public IReadOnlyList<string> Recipients => To.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>The seam for sending mail: MailKit over SMTP, or MimeKit into a pickup folder (<see cref="MailKitTransport"/>).</summary>
public interface IMailTransport
{
    /// <summary>Several messages over one connection, as the outbox dispatcher sends a batch.</summary>
    Task<IMailSession> OpenSessionAsync(CancellationToken ct);

    async Task SendAsync(MailMessageData message, CancellationToken ct)
    {
        await using var session = await OpenSessionAsync(ct);
        await session.SendAsync(message, ct);
    }
}

public interface IMailSession : IAsyncDisposable
{
    /// <summary>Sends the message to every recipient the server accepts; returns those it refused (the mail went to the others).</summary>
    Task<IReadOnlyList<string>> SendAsync(MailMessageData message, CancellationToken ct);

    /// <summary>Whether the connection still serves the next message after a failure of this one.</summary>
    bool IsConnected => true;
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
    /// province's mail server often carries a certificate from its own CA. A certificate is accepted
    /// only if it names the host and chains to the system's roots or to this one (never "accept all").
    /// </summary>
    public string? TrustedCertificatePath { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>How long the server may take to answer a command or take the data before the connection is given up.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);
}
