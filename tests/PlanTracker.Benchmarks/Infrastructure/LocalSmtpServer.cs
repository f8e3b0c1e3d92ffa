using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PlanTracker.Benchmarks.Infrastructure;

/// <summary>
/// A real SMTP server on 127.0.0.1: the mail tests' aiosmtpd sink (Debian's python3-aiosmtpd),
/// which decodes every message and writes it as one JSON file, so a benchmark can count what
/// actually arrived.
/// </summary>
public sealed class LocalSmtpServer : IDisposable
{
    private readonly Process _process;

    public LocalSmtpServer()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        Directory.CreateDirectory(Folder);
        var script = Path.Combine(AppContext.BaseDirectory, "Infrastructure", "smtp_sink.py");
        var psi = new ProcessStartInfo("/usr/bin/python3", [script, Port.ToString(), Folder])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        _process = Process.Start(psi) ?? throw new InvalidOperationException("Could not start the SMTP sink.");
        var ready = _process.StandardOutput.ReadLineAsync();
        if (!ready.Wait(TimeSpan.FromSeconds(20)) || ready.Result != "ready")
            throw new InvalidOperationException("The SMTP sink did not start (is python3-aiosmtpd installed? ./test.sh installs it): "
                + _process.StandardError.ReadToEnd());
    }

    public string Host => "127.0.0.1";
    public int Port { get; }
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "plantracker-bench-smtp-" + Guid.NewGuid().ToString("N"));

    /// <summary>Messages received since the last <see cref="Clear"/>.</summary>
    public int Received => Directory.GetFiles(Folder, "*.json").Length;

    public void Clear()
    {
        foreach (var file in Directory.GetFiles(Folder, "*.json")) File.Delete(file);
    }

    public void Dispose()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { /* a leftover temp folder is harmless */ }
    }
}
