using System.Diagnostics;
using Npgsql;

namespace PlanTracker.Tests.Infrastructure;

/// <summary>
/// Debian's pgbouncer in TRANSACTION pooling in front of a test cluster: the test's own process (no
/// system service), on a free port of 127.0.0.1, trusting the clusters' 'postgres' user like they do.
/// </summary>
public sealed class PgBouncer : IDisposable
{
    public const string Binary = "/usr/sbin/pgbouncer";
    private readonly Process _process;
    private readonly string _folder;

    private PgBouncer(Process process, string folder, int port) => (_process, _folder, Port) = (process, folder, port);

    public int Port { get; }
    public string Log => File.Exists(Path.Combine(_folder, "pgbouncer.log")) ? File.ReadAllText(Path.Combine(_folder, "pgbouncer.log")) : "";

    /// <summary>The app's connection string through it, with the Npgsql settings transaction pooling needs (decision 0026).</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database,
        // A pooled connection's reset (DISCARD ALL) would run on whichever server connection the bouncer picks.
        NoResetOnClose = true,
        MaxAutoPrepare = 0,
    }.ConnectionString;

    public static async Task<PgBouncer> StartAsync(string clusterConnectionString, int poolSize = 10)
    {
        if (!File.Exists(Binary)) throw new InvalidOperationException("pgbouncer is not installed (Debian: apt-get install pgbouncer; ./test.sh installs it).");
        var cluster = new NpgsqlConnectionStringBuilder(clusterConnectionString);
        var folder = ServiceUserProcess.Folder("plantracker-pgbouncer-");
        var port = LocalPorts.Free();
        File.WriteAllText(Path.Combine(folder, "users.txt"), "\"postgres\" \"\"\n");
        File.WriteAllText(Path.Combine(folder, "pgbouncer.ini"), $"""
            [databases]
            * = host={cluster.Host} port={cluster.Port}
            [pgbouncer]
            listen_addr = 127.0.0.1
            listen_port = {port}
            unix_socket_dir =
            auth_type = trust
            auth_file = {folder}/users.txt
            admin_users = postgres
            pool_mode = transaction
            default_pool_size = {poolSize}
            max_client_conn = 1000
            logfile = {folder}/pgbouncer.log
            pidfile = {folder}/pgbouncer.pid
            """);
        ServiceUserProcess.HandOver(folder);
        var process = Process.Start(ServiceUserProcess.Info(Binary, Path.Combine(folder, "pgbouncer.ini")))
            ?? throw new InvalidOperationException("Could not start pgbouncer.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var bouncer = new PgBouncer(process, folder, port);
        await Poll.UntilAsync(() => bouncer.Accepts(), TimeSpan.FromSeconds(20), () => "pgbouncer did not listen\n" + bouncer.Log);
        return bouncer;
    }

    private bool Accepts()
    {
        try
        {
            using var client = new System.Net.Sockets.TcpClient();
            client.Connect(System.Net.IPAddress.Loopback, Port);
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    /// <summary>pgbouncer's own count of transactions it passed to <paramref name="database"/>.</summary>
    public long Transactions(string database) =>
        Show("STATS").Where(r => r["database"] == database).Sum(r => long.Parse(r["total_xact_count"]));

    /// <summary>Its client and server connections for <paramref name="database"/> now (SHOW CLIENTS, SHOW SERVERS).</summary>
    public (int Clients, int Servers) Connections(string database) =>
        (Show("CLIENTS").Count(r => r["database"] == database), Show("SERVERS").Count(r => r["database"] == database));

    /// <summary>A SHOW command of its console, through psql (the console speaks only the simple protocol).</summary>
    private List<Dictionary<string, string>> Show(string what)
    {
        var psql = Path.Combine(Core.Infrastructure.EmbeddedPostgres.FindBinDirectory()!, "psql");
        var rows = ServiceUserProcess.Run(psql, "-h", "127.0.0.1", "-p", Port.ToString(), "-U", "postgres", "-d", "pgbouncer", "-A", "-F", "|", "-c", "SHOW " + what);
        var lines = rows.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split('|');
        return lines.Skip(1).Select(l => l.Split('|')).Where(c => c.Length == header.Length)
            .Select(c => header.Zip(c).ToDictionary(x => x.First, x => x.Second)).ToList();
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException) { /* gone */ }
        _process.Dispose();
        try { Directory.Delete(_folder, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* a leftover temp folder is harmless */ }
    }
}
