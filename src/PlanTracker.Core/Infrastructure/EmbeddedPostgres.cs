using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace PlanTracker.Core.Infrastructure;

public sealed class EmbeddedPostgresOptions
{
    /// <summary>The folder the cluster lives in; created on first start, reused afterwards.</summary>
    public required string DataDirectory { get; init; }
    /// <summary>Folder holding initdb/pg_ctl; found on the machine when null.</summary>
    public string? BinDirectory { get; init; }
    public string Database { get; init; } = "plantracker";
    /// <summary>For throwaway test clusters only: no fsync. Never for the app's own data.</summary>
    public bool Disposable { get; init; }
}

/// <summary>
/// A private PostgreSQL cluster started from the machine's PostgreSQL binaries. It listens
/// on a unix socket only (no TCP port to collide with), in a short folder under /tmp
/// because socket paths are limited to ~107 bytes.
/// </summary>
public sealed class EmbeddedPostgres : IDisposable
{
    private const int Port = 5432;
    private readonly EmbeddedPostgresOptions _options;
    private readonly string _bin;
    private readonly string _pgData;
    private bool _startedHere;

    private EmbeddedPostgres(EmbeddedPostgresOptions options, string bin)
    {
        _options = options;
        _bin = bin;
        _pgData = Path.Combine(Path.GetFullPath(options.DataDirectory), "pgdata");
        SocketDirectory = Path.Combine(Path.GetTempPath(), "plantracker-" + ShortHash(_pgData));
    }

    public string SocketDirectory { get; }

    public string ConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = SocketDirectory,
        Port = Port,
        Username = "postgres",
        Database = _options.Database,
        Pooling = true,
    }.ConnectionString;

    public string AdminConnectionString => new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;

    public static EmbeddedPostgres Start(EmbeddedPostgresOptions options)
    {
        var bin = options.BinDirectory is { } given
            ? File.Exists(Path.Combine(given, "initdb")) ? given : null
            : FindBinDirectory();
        if (bin is null) throw new InvalidOperationException(
            "PlanTracker's embedded default needs the PostgreSQL server binaries (initdb, pg_ctl), and none were found " +
            "in /usr/lib/postgresql/*/bin or on PATH. Install them (Debian/Ubuntu: 'apt-get install postgresql'), " +
            "set Embedded__PostgresBin to their folder, or set ConnectionStrings__PlanTracker to use an existing server.");
        var pg = new EmbeddedPostgres(options, bin);
        pg.EnsureStarted();
        pg.EnsureDatabase();
        return pg;
    }

    public static string? FindBinDirectory()
    {
        var versioned = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return versioned ?? (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    private void EnsureStarted()
    {
        Directory.CreateDirectory(SocketDirectory);
        if (!File.Exists(Path.Combine(_pgData, "PG_VERSION")))
        {
            Directory.CreateDirectory(_pgData);
            HandToServiceUser(_pgData);
            Run("initdb", "-D", _pgData, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        }
        HandToServiceUser(SocketDirectory);
        if (IsRunning())
        {
            // Another live PlanTracker process on this folder (the app beside a `job` command) started it and stops it.
            if (OwnerIsAlive()) return;
            // Left running by a run that crashed (or was killed): nobody would ever stop it. This process adopts it.
            TakeOwnership();
            return;
        }
        var settings = $"-c listen_addresses='' -k {SocketDirectory} -p {Port}";
        // A test cluster serves every test class of a run at once, each app with its own pool (and the
        // fault tests two nodes each), and each app's Hangfire server holds its workers' and LISTEN connections: 100,
        // then 300, ran out, and a node then rightly answered 503.
        if (_options.Disposable) settings += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=1000";
        Run("pg_ctl", "-D", _pgData, "-w", "-t", "60", "-l", Path.Combine(_pgData, "server.log"), "-o", settings, "start");
        TakeOwnership();
    }

    /// <summary>The process that stops the cluster at its shutdown: its id and start time (ids are reused), beside the data.</summary>
    private string OwnerFile => Path.Combine(Path.GetFullPath(_options.DataDirectory), "postmaster.owner");

    private void TakeOwnership()
    {
        using var me = Process.GetCurrentProcess();
        File.WriteAllText(OwnerFile, $"{me.Id} {me.StartTime.ToUniversalTime().Ticks}");
        _startedHere = true;
    }

    private bool OwnerIsAlive()
    {
        try
        {
            if (File.ReadAllText(OwnerFile).Split(' ') is not [var idText, var ticksText]
                || !int.TryParse(idText, out var id) || !long.TryParse(ticksText, out var ticks))
                return false;
            using var owner = Process.GetProcessById(id);
            // Another process that got the crashed one's id started at another time.
            return !owner.HasExited && Math.Abs(owner.StartTime.ToUniversalTime().Ticks - ticks) < TimeSpan.TicksPerSecond;
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidOperationException or UnauthorizedAccessException
            or System.ComponentModel.Win32Exception)
        {
            return false; // no owner on record (a cluster from before owners were recorded), or its process is gone
        }
    }

    private bool IsRunning() => RunExitCode("pg_ctl", "-D", _pgData, "status") == 0;

    private void EnsureDatabase()
    {
        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
        exists.Parameters.AddWithValue(_options.Database);
        if (exists.ExecuteScalar() is not null) return;
        using var create = new NpgsqlCommand($"CREATE DATABASE \"{_options.Database}\"", connection);
        create.ExecuteNonQuery();
    }

    public void Stop()
    {
        if (!_startedHere) return;
        _startedHere = false;
        // Two runs may have adopted the same orphan at once: the second finds it stopped already.
        if (!IsRunning()) return;
        Run("pg_ctl", "-D", _pgData, "-w", "-m", "fast", "stop");
        try { File.Delete(OwnerFile); }
        catch (IOException e)
        {
            // Harmless (the next start writes its own, and a dead owner is adopted), but said, not swallowed.
            Console.Error.WriteLine($"The embedded PostgreSQL stopped; its owner file {OwnerFile} stays: {e.Message}");
        }
    }

    public void Dispose() => Stop();

    // initdb and postgres refuse to run as root: as root, the cluster belongs to the 'postgres' user.
    private static bool IsRoot => Environment.UserName == "root";

    private static void HandToServiceUser(string path)
    {
        if (IsRoot) RunProcess("chown", ["-R", "postgres:postgres", path], check: true);
    }

    private void Run(string tool, params string[] args)
    {
        var code = RunExitCode(tool, args, out var output);
        if (code != 0) throw new InvalidOperationException($"{tool} failed (exit {code}): {output}");
    }

    private int RunExitCode(string tool, params string[] args) => RunExitCode(tool, args, out _);

    private int RunExitCode(string tool, string[] args, out string output)
    {
        var path = Path.Combine(_bin, tool);
        return IsRoot
            ? RunProcess("runuser", ["-u", "postgres", "--", path, .. args], check: false, out output)
            : RunProcess(path, args, check: false, out output);
    }

    private static int RunProcess(string file, string[] args, bool check) => RunProcess(file, args, check, out _);

    private static int RunProcess(string file, string[] args, bool check, out string output)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/" };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {file}.");
        // Read both streams concurrently: pg_ctl's server child keeps them open otherwise.
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        output = (stdout.Wait(TimeSpan.FromSeconds(5)) ? stdout.Result : "") + (stderr.Wait(TimeSpan.FromSeconds(5)) ? stderr.Result : "");
        if (check && process.ExitCode != 0) throw new InvalidOperationException($"{file} failed (exit {process.ExitCode}): {output}");
        return process.ExitCode;
    }

    private static string ShortHash(string s) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s)))[..12];
}
