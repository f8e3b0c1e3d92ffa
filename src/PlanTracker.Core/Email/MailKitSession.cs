using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace PlanTracker.Core.Email;

/// <summary>
/// One MailKit SMTP connection that sends a batch: connected (STARTTLS when configured), authenticated
/// once, then one transaction per message. MailKit's exceptions pass through to the dispatcher, which
/// records them on the message; a server that refuses every message as configured throws
/// <see cref="MailConfigurationException"/> naming the setting.
/// </summary>
public sealed class MailKitSession : IMailSession
{
    private readonly BatchSmtpClient _client;
    private readonly MailOptions _options;

    // Read when connected: MailKit forgets the server's capabilities once the connection drops.
    private readonly string _startTlsHint;

    private MailKitSession(BatchSmtpClient client, MailOptions options)
    {
        _client = client;
        _options = options;
        _startTlsHint = StartTlsHint(client);
    }

    public static async Task<MailKitSession> OpenAsync(MailOptions options, CancellationToken ct)
    {
        var smtp = options.Smtp;
        var host = smtp.Host ?? throw new InvalidOperationException("No SMTP host is configured.");
        var client = new BatchSmtpClient { Timeout = (int)Math.Min(int.MaxValue, smtp.Timeout.TotalMilliseconds) };
        if (smtp.TrustedCertificatePath is { } trusted) client.ServerCertificateValidationCallback = TrustAlso(trusted);
        try
        {
            // Without EnableTls, no STARTTLS even when offered: the setting says what the connection is.
            await client.ConnectAsync(await ConnectSocketAsync(host, smtp, ct), host, smtp.Port,
                smtp.EnableTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
            if (smtp.UserName is { } user)
            {
                // Servers commonly offer AUTH only inside TLS: MailKit's NotSupportedException would not say so.
                if (!client.Capabilities.HasFlag(SmtpCapabilities.Authentication))
                    throw new MailConfigurationException("The SMTP server offers no AUTH on this connection." + StartTlsHint(client));
                await client.AuthenticateAsync(user, smtp.Password ?? "", ct);
            }
            return new MailKitSession(client, options);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The socket MailKit is handed, with Nagle off: a message's data and its final ".\r\n" leave in separate
    /// writes, and with Nagle on the last one waits for the server's delayed ACK (~40 ms a message on Linux).
    /// </summary>
    private static async Task<Socket> ConnectSocketAsync(string host, SmtpOptions smtp, CancellationToken ct)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(smtp.Timeout);
        try
        {
            await socket.ConnectAsync(host, smtp.Port, timeout.Token);
            return socket;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            socket.Dispose();
            throw new TimeoutException($"The SMTP server did not accept a connection within {smtp.Timeout.TotalSeconds:0.#} s.");
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public bool IsConnected => _client.IsConnected;

    public async Task<IReadOnlyList<string>> SendAsync(MailMessageData data, CancellationToken ct)
    {
        using var message = MimeMessages.Compose(data, _options);
        _client.Refused.Clear();
        try
        {
            await _client.SendAsync(message, ct);
        }
        catch (Exception e) when (e is MailKit.ServiceNotAuthenticatedException or SmtpCommandException { StatusCode: SmtpStatusCode.AuthenticationRequired })
        {
            // 530 to MAIL FROM (MailKit: ServiceNotAuthenticatedException): every message would get it; the batch stops and
            // the reason names the setting.
            throw new MailConfigurationException($"The SMTP server takes no mail on this connection ({e.Message})." + _startTlsHint
                + (_options.Smtp.UserName is null ? " If it requires AUTH, set Mail:Smtp:UserName and Mail:Smtp:Password." : ""), e);
        }
        // Sent to the others; the refused addresses go on record.
        return [.. _client.Refused];
    }

    private static string StartTlsHint(SmtpClient client) =>
        client.Capabilities.HasFlag(SmtpCapabilities.StartTLS) && !client.IsSecure ? " It offers STARTTLS: set Mail:Smtp:EnableTls." : "";

    /// <summary>Valid for the system's roots, or chaining to the configured certificate (and naming the host either way).</summary>
    private static RemoteCertificateValidationCallback TrustAlso(string pemPath)
    {
        var anchor = X509Certificate2.CreateFromPem(File.ReadAllText(pemPath));
        return (_, certificate, _, errors) =>
        {
            if (errors == SslPolicyErrors.None) return true;
            if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch)) return false;
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(anchor);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            using var presented = new X509Certificate2(certificate);
            return chain.Build(presented);
        };
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_client.IsConnected)
            {
                using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _client.DisconnectAsync(true, quit.Token);
            }
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or OperationCanceledException or TimeoutException
            or SmtpProtocolException or SmtpCommandException)
        {
            // The connection is gone already: nothing to say goodbye to.
        }
        _client.Dispose();
    }

    /// <summary>A mail to an agency's officers goes to those the server accepts: one bad address must not hold back the rest.</summary>
    private sealed class BatchSmtpClient : SmtpClient
    {
        public List<string> Refused { get; } = [];

        protected override void OnRecipientNotAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response)
        {
            // A temporary refusal (4xx) fails the whole message, retried later for everyone; a permanent one (5xx) is noted.
            if ((int)response.StatusCode < 500) base.OnRecipientNotAccepted(message, mailbox, response);
            Refused.Add($"{mailbox.Address}: {(int)response.StatusCode} {response.Response}");
        }

        protected override void OnNoRecipientsAccepted(MimeMessage message) =>
            throw new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxUnavailable,
                "Every recipient was refused: " + string.Join("; ", Refused));
    }
}

/// <summary>The mail server refuses every message as PlanTracker is configured (TLS, credentials): a setting to change, not a message to blame.</summary>
public sealed class MailConfigurationException(string message, Exception? inner = null) : Exception(message, inner);
