using System.Diagnostics;
using Npgsql;
using PlanTracker.Core.Infrastructure;

namespace PlanTracker.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL cluster of one test's own, from the machine's binaries like the shared one, that the
/// test may stop (pg_ctl -m fast or immediate) and start again without disturbing the other tests.
/// Unlike the shared cluster it keeps fsync and synchronous commit on: an immediate stop is a crash,
/// and what it must not lose is what a real server would not lose.
/// </summary>
public sealed class PrivateCluster : IDisposable
{
    private readonly EmbeddedPostgresOptions _options;
    private readonly string _pgData;
    private readonly string _bin;

    private PrivateCluster(EmbeddedPostgresOptions options, EmbeddedPostgres first)
    {
        _options = options;
        _pgData = Path.Combine(options.DataDirectory, "pgdata");
        _bin = EmbeddedPostgres.FindBinDirectory() ?? throw new InvalidOperationException("No PostgreSQL binaries.");
        ConnectionString = first.ConnectionString;
        SocketDirectory = first.SocketDirectory;
    }

    public string ConnectionString { get; }
    private string SocketDirectory { get; }

    public static async Task<PrivateCluster> StartAsync(bool seeded)
    {
        var options = new EmbeddedPostgresOptions
        {
            DataDirectory = Path.Combine(Path.GetTempPath(), "plantracker-outage-" + Guid.NewGuid().ToString("N")[..12]),
            Database = "plantracker",
        };
        var cluster = new PrivateCluster(options, EmbeddedPostgres.Start(options));
        await TestDatabases.PrepareAsync(cluster.ConnectionString, seeded);
        NpgsqlConnection.ClearAllPools();
        return cluster;
    }

    /// <param name="mode">fast: clients are disconnected, the server shuts down cleanly; immediate: the server quits like a crash and recovers from its WAL on the next start.</param>
    public void Stop(string mode) => PgCtl("-D", _pgData, "-m", mode, "-w", "-t", "60", "stop");

    /// <summary>Starts it again on the same socket; returns when it accepts connections (after crash recovery, if any).</summary>
    public void Start() => EmbeddedPostgres.Start(_options);

    public void Dispose()
    {
        try
        {
            PgCtl("-D", _pgData, "-m", "immediate", "-w", "stop");
        }
        catch (InvalidOperationException) { /* already stopped */ }
        foreach (var folder in new[] { _options.DataDirectory, SocketDirectory })
        {
            try { Directory.Delete(folder, recursive: true); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* a leftover temp folder is harmless */ }
        }
    }

    // As root, the cluster belongs to the 'postgres' user, as EmbeddedPostgres made it.
    private void PgCtl(params string[] args)
    {
        var pgCtl = Path.Combine(_bin, "pg_ctl");
        var psi = Environment.UserName == "root"
            ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", pgCtl, .. args])
            : new ProcessStartInfo(pgCtl, args);
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.WorkingDirectory = "/";
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("Could not start pg_ctl.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"pg_ctl {string.Join(' ', args)} failed: {output.Result}{error.Result}");
    }
}
