using Npgsql;
using PlanTracker.Core.Infrastructure;

namespace PlanTracker.Tests.Infrastructure;

/// <summary>
/// A streaming replica (hot standby) of a test's primary, from Debian's binaries: pg_basebackup -R
/// over the primary's socket, then the standby started with pg_ctl on a socket folder of its own.
/// It replays the primary's WAL as a real replica does; the test may pause replay, stop it or kill it.
/// </summary>
public sealed class StandbyCluster : IDisposable
{
    private readonly string _bin;
    private readonly string _root;
    private readonly string _socket;
    private string PgData => Path.Combine(_root, "pgdata");

    private StandbyCluster(string bin, string root, string socket, string database)
    {
        (_bin, _root, _socket) = (bin, root, socket);
        ConnectionString = new NpgsqlConnectionStringBuilder { Host = socket, Port = 5432, Username = "postgres", Database = database }.ConnectionString;
    }

    public string ConnectionString { get; }

    public static StandbyCluster Start(string primaryConnectionString)
    {
        var primary = new NpgsqlConnectionStringBuilder(primaryConnectionString);
        var bin = EmbeddedPostgres.FindBinDirectory() ?? throw new InvalidOperationException("No PostgreSQL binaries.");
        var standby = new StandbyCluster(bin, ServiceUserProcess.Folder("plantracker-standby-"), ServiceUserProcess.Folder("pt-sb-"), primary.Database!);
        // -R writes standby.signal and primary_conninfo (the primary's socket); -X stream copies the WAL the backup needs.
        ServiceUserProcess.Run(Path.Combine(bin, "pg_basebackup"), "-h", primary.Host!, "-p", primary.Port.ToString(), "-U", "postgres",
            "-D", standby.PgData, "-R", "-X", "stream", "--checkpoint=fast", "--no-sync");
        standby.Start();
        return standby;
    }

    public void Start() => ServiceUserProcess.Run(Path.Combine(_bin, "pg_ctl"), "-D", PgData, "-w", "-t", "60",
        "-l", Path.Combine(_root, "server.log"), "-o", $"-c listen_addresses='' -k {_socket} -p 5432 -c hot_standby=on", "start");

    /// <param name="mode">fast: clients are disconnected and it shuts down cleanly; immediate: like a crash.</param>
    public void Stop(string mode) => ServiceUserProcess.Run(Path.Combine(_bin, "pg_ctl"), "-D", PgData, "-m", mode, "-w", "-t", "60", "stop");

    public void Dispose()
    {
        try { Stop("immediate"); }
        catch (InvalidOperationException) { /* already stopped */ }
        foreach (var folder in new[] { _root, _socket })
        {
            try { Directory.Delete(folder, recursive: true); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* a leftover temp folder is harmless */ }
        }
    }
}
