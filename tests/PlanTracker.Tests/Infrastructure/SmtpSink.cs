using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace PlanTracker.Tests.Infrastructure;

/// <summary>A real SMTP server on 127.0.0.1 (aiosmtpd), started and stopped by the test.</summary>
public sealed class SmtpSink : IDisposable
{
    private readonly TimeSpan _delay;
    private readonly (string Certificate, string Key)? _tls;
    private readonly (string User, string Password)? _login;
    private readonly int? _maxMessageBytes;
    private Process? _process;

    /// <param name="delay">How long the server takes to accept each message (a slow server); none by default.</param>
    /// <param name="tls">PEM certificate and key: the server then requires STARTTLS before anything else.</param>
    /// <param name="login">The only credentials the server then accepts, and requires.</param>
    /// <param name="maxMessageBytes">The largest message the server takes (552 beyond it, after the data).</param>
    public SmtpSink(TimeSpan? delay = null, (string Certificate, string Key)? tls = null, (string User, string Password)? login = null,
        int? maxMessageBytes = null)
    {
        _maxMessageBytes = maxMessageBytes;
        _delay = delay ?? TimeSpan.Zero;
        _tls = tls;
        _login = login;
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        Start();
    }

    public int Port { get; }
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "smtp-sink-" + Guid.NewGuid().ToString("N"));

    public sealed record Received(string MessageId, string Subject, string[] To, string? Text, string? Html, ReceivedFile[]? Attachments);

    public sealed record ReceivedFile(string Name, int Size);

    public void Start()
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Infrastructure", "smtp_sink.py");
        var psi = new ProcessStartInfo("/usr/bin/python3",
            [script, Port.ToString(), Folder, _delay.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
                _tls is { } tls ? $"{tls.Certificate},{tls.Key}" : "", _login is { } login ? $"{login.User}:{login.Password}" : "",
                _maxMessageBytes?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        _process = Process.Start(psi) ?? throw new InvalidOperationException("Could not start the SMTP sink.");
        var ready = _process.StandardOutput.ReadLineAsync();
        if (!ready.Wait(TimeSpan.FromSeconds(20)) || ready.Result != "ready")
            throw new InvalidOperationException("The SMTP sink did not start (is python3-aiosmtpd installed?): " + _process.StandardError.ReadToEnd());
    }

    public void Stop()
    {
        if (_process is null) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
        _process = null;
    }

    public IReadOnlyList<Received> Messages() =>
        Directory.Exists(Folder)
            ? Directory.GetFiles(Folder, "*.json").Select(f => JsonSerializer.Deserialize<Received>(File.ReadAllText(f), JsonSerializerOptions.Web)!).ToList()
            : [];

    public void Dispose() => Stop();
}
