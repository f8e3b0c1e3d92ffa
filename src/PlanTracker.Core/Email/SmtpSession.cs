using System.Net.Mail;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace PlanTracker.Core.Email;

/// <summary>
/// One SMTP connection that sends many messages (EHLO, optional STARTTLS and AUTH once, then
/// MAIL/RCPT/DATA per message). System.Net.Mail's SmtpClient writes each message in many small
/// packets without TCP_NODELAY, so on Linux the last one waits for the server's delayed ACK: about
/// 40 ms per message, a ceiling near 20 messages per second whatever else is done. Here Nagle is off
/// and each message leaves in one write. Server refusals throw <see cref="SmtpException"/>, network
/// failures IOException or SocketException, as with SmtpClient.
/// </summary>
public sealed class SmtpSession : IMailSession
{
    private readonly TcpClient _tcp;
    private readonly MailOptions _options;
    private Stream _stream;
    private StreamReader _reader;

    private SmtpSession(TcpClient tcp, MailOptions options)
    {
        _tcp = tcp;
        _options = options;
        _stream = tcp.GetStream();
        _reader = new StreamReader(_stream, Encoding.UTF8, false, 1024, leaveOpen: true);
    }

    public static async Task<SmtpSession> OpenAsync(MailOptions options, CancellationToken ct)
    {
        var smtp = options.Smtp;
        var host = smtp.Host ?? throw new InvalidOperationException("No SMTP host is configured.");
        var tcp = new TcpClient { NoDelay = true };
        try
        {
            await tcp.ConnectAsync(host, smtp.Port, ct);
            var session = new SmtpSession(tcp, options);
            await session.ExpectAsync(220, ct);
            var features = await session.HelloAsync(ct);
            if (smtp.EnableTls)
            {
                await session.CommandAsync("STARTTLS", 220, ct);
                var tls = new SslStream(session._stream, leaveInnerStreamOpen: false);
                await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
                {
                    TargetHost = host,
                    RemoteCertificateValidationCallback = smtp.TrustedCertificatePath is { } trusted ? TrustAlso(trusted) : null,
                }, ct);
                session._reader.Dispose();
                session._stream = tls;
                session._reader = new StreamReader(tls, Encoding.UTF8, false, 1024, leaveOpen: true);
                features = await session.HelloAsync(ct);
            }
            if (smtp.UserName is { } user) await session.AuthenticateAsync(user, smtp.Password ?? "", features, ct);
            return session;
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
    }

    public async Task<IReadOnlyList<string>> SendAsync(MailMessageData message, CancellationToken ct)
    {
        try
        {
            return await TransactionAsync(message, ct);
        }
        catch (SmtpException)
        {
            // The server refused this message (its sender, its size, every recipient, its content): end the
            // transaction so the connection serves the next one. If even RSET fails, the connection is gone.
            try
            {
                await CommandAsync("RSET", 250, ct);
            }
            catch (SmtpException e)
            {
                throw new IOException("The SMTP server refused to reset the transaction: " + e.Message, e);
            }
            throw;
        }
    }

    private async Task<IReadOnlyList<string>> TransactionAsync(MailMessageData message, CancellationToken ct)
    {
        await CommandAsync($"MAIL FROM:<{_options.From}>", 250, ct);
        // A mail to an agency's officers goes to those the server accepts; one bad address must not hold back the rest.
        var refused = new List<string>();
        var recipients = message.Recipients;
        foreach (var to in recipients)
        {
            try
            {
                await CommandAsync($"RCPT TO:<{to}>", 250, ct, alsoAccept: 251);
            }
            catch (SmtpException e) when ((int)e.StatusCode >= 500)
            {
                refused.Add($"{to}: {e.Message}");
            }
        }
        if (refused.Count == recipients.Count)
        {
            throw new SmtpException(SmtpStatusCode.MailboxUnavailable, "Every recipient was refused: " + string.Join("; ", refused));
        }
        await CommandAsync("DATA", 354, ct);
        var mime = MimeWriter.Render(message, _options.From, _options.FromName, DateTimeOffset.UtcNow);
        // The message and the terminating dot in one write: the point of this class.
        var payload = new byte[mime.Length + 3];
        mime.CopyTo(payload, 0);
        ".\r\n"u8.CopyTo(payload.AsSpan(mime.Length));
        await WriteAsync(payload, ct);
        await ExpectAsync(250, ct);
        return refused;
    }

    private async Task<IReadOnlyList<string>> HelloAsync(CancellationToken ct)
    {
        var lines = await CommandAsync($"EHLO {HostName()}", 250, ct);
        return lines.Select(l => l.Length > 4 ? l[4..] : "").ToList();
    }

    private async Task AuthenticateAsync(string user, string password, IReadOnlyList<string> features, CancellationToken ct)
    {
        var mechanisms = features.FirstOrDefault(f => f.StartsWith("AUTH", StringComparison.OrdinalIgnoreCase))?.Split(' ').Skip(1).ToList() ?? [];
        if (mechanisms.Contains("PLAIN", StringComparer.OrdinalIgnoreCase))
        {
            await CommandAsync("AUTH PLAIN " + Base64($"\0{user}\0{password}"), 235, ct);
        }
        else if (mechanisms.Contains("LOGIN", StringComparer.OrdinalIgnoreCase))
        {
            await CommandAsync("AUTH LOGIN", 334, ct);
            await CommandAsync(Base64(user), 334, ct);
            await CommandAsync(Base64(password), 235, ct);
        }
        else
        {
            // Servers commonly offer AUTH only inside TLS: say which setting is missing.
            var hint = features.Any(f => f.Equals("STARTTLS", StringComparison.OrdinalIgnoreCase)) && _stream is not SslStream
                ? " It offers STARTTLS: set Mail:Smtp:EnableTls." : "";
            throw new SmtpException(SmtpStatusCode.CommandNotImplemented, "The SMTP server offers neither AUTH PLAIN nor AUTH LOGIN." + hint);
        }
    }

    private async Task<IReadOnlyList<string>> CommandAsync(string command, int expected, CancellationToken ct, int? alsoAccept = null)
    {
        await WriteAsync(Encoding.UTF8.GetBytes(command + "\r\n"), ct);
        return await ExpectAsync(expected, ct, alsoAccept);
    }

    /// <summary>A server that stops reading (or answering) must not hold the dispatcher: both directions time out.</summary>
    private async Task WriteAsync(byte[] bytes, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_options.Smtp.Timeout);
        try
        {
            await _stream.WriteAsync(bytes, timeout.Token);
            await _stream.FlushAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"The SMTP server took more than {_options.Smtp.Timeout.TotalSeconds:0.#} s to take the data.");
        }
    }

    /// <summary>Reads one reply (all its lines) and checks its code.</summary>
    private async Task<IReadOnlyList<string>> ExpectAsync(int expected, CancellationToken ct, int? alsoAccept = null)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_options.Smtp.Timeout);
        var lines = new List<string>();
        while (true)
        {
            string? line;
            try
            {
                line = await _reader.ReadLineAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new TimeoutException($"The SMTP server did not answer within {_options.Smtp.Timeout.TotalSeconds:0.#} s.");
            }
            lines.Add(line ?? throw new IOException("The SMTP server closed the connection."));
            if (line.Length < 4 || line[3] != '-') break;
        }
        var last = lines[^1];
        if (!int.TryParse(last.AsSpan(0, Math.Min(3, last.Length)), out var code))
            throw new SmtpException($"Unreadable SMTP reply: {last}");
        if (code != expected && code != alsoAccept)
            throw new SmtpException((SmtpStatusCode)code, $"SMTP server answered {string.Join(" / ", lines)}");
        return lines;
    }

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
            return chain.Build(new X509Certificate2(certificate));
        };
    }

    private static string Base64(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s));

    private static string HostName()
    {
        try { return System.Net.Dns.GetHostName(); }
        catch (SocketException) { return "localhost"; }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _stream.WriteAsync("QUIT\r\n"u8.ToArray(), quit.Token);
            await _stream.FlushAsync(quit.Token);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The connection is gone already: nothing to say goodbye to.
        }
        _reader.Dispose();
        await _stream.DisposeAsync();
        _tcp.Dispose();
    }
}
