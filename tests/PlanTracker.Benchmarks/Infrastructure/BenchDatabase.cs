using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PlanTracker.Core;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Infrastructure;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Benchmarks.Infrastructure;

/// <summary>
/// The database a benchmark runs on: a private PostgreSQL cluster in a temporary folder (the
/// app's embedded default, so the same server settings as a default installation), or the
/// server named by <c>PLANTRACKER_BENCH_CONNECTION</c>. Either way the schema is the app's own,
/// applied by <see cref="SchemaMigrator"/>.
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    public const string ConnectionVariable = "PLANTRACKER_BENCH_CONNECTION";

    private readonly EmbeddedPostgres? _cluster;
    private readonly string? _ownedFolder;

    private BenchDatabase(string connectionString, EmbeddedPostgres? cluster, string? ownedFolder, string where)
    {
        // No command timeout: finishing a million-row COPY (its foreign-key checks run at the end) takes
        // longer than Npgsql's default 30 s on a busy machine, and a benchmark must not give up half-way.
        ConnectionString = new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString;
        _cluster = cluster;
        _ownedFolder = ownedFolder;
        Where = where;
    }

    public string ConnectionString { get; }
    /// <summary>Where the data lives, for the printed report.</summary>
    public string Where { get; }

    /// <param name="dataDirectory">Keep the cluster in this folder (reused by the next run) instead of a throwaway one.</param>
    public static async Task<BenchDatabase> OpenAsync(string? dataDirectory)
    {
        BenchDatabase database;
        if (Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } given)
        {
            database = new BenchDatabase(given, null, null, $"server from {ConnectionVariable}");
        }
        else
        {
            var owned = dataDirectory is null ? Path.Combine(Path.GetTempPath(), $"plantracker-bench-{Environment.ProcessId}") : null;
            var folder = dataDirectory ?? owned!;
            var cluster = EmbeddedPostgres.Start(new EmbeddedPostgresOptions { DataDirectory = folder, Database = "plantracker_bench" });
            database = new BenchDatabase(cluster.ConnectionString, cluster, owned, $"private PostgreSQL cluster in {Path.GetFullPath(folder)}");
        }
        await using var services = database.Services();
        await new SchemaMigrator(services.GetRequiredService<NpgsqlDataSource>(), NullLogger<SchemaMigrator>.Instance).MigrateAsync();
        return database;
    }

    /// <summary>The app's own services (handlers through MediatR, the DbContext, Identity stores) on this database.</summary>
    public ServiceProvider Services(Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPlanTrackerCore(ConnectionString);
        services.AddIdentityCore<AppUser>().AddRoles<IdentityRole<long>>().AddEntityFrameworkStores<PlanTrackerDbContext>();
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// A new, empty database of this name on the same server (dropped first if it exists), migrated:
    /// for a workload that builds its own rows (w1) beside the generated dataset. Stopped with this one.
    /// </summary>
    public async Task<BenchDatabase> FreshSiblingAsync(string name)
    {
        // Named after this database, so runs on one shared server (the smoke tests' cluster) never drop each other's.
        var mine = new NpgsqlConnectionStringBuilder(ConnectionString).Database;
        if (mine is not null && mine != "plantracker_bench") name = $"{mine}_{name}";
        await using (var connection = await OpenConnectionAsync())
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        var sibling = new BenchDatabase(new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString, null, null,
            $"database {name} beside {Where}");
        await using var services = sibling.Services();
        await new SchemaMigrator(services.GetRequiredService<NpgsqlDataSource>(), NullLogger<SchemaMigrator>.Instance).MigrateAsync();
        return sibling;
    }

    public async Task<NpgsqlConnection> OpenConnectionAsync(CancellationToken ct = default)
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    public async Task<string> ServerVersionAsync()
    {
        await using var connection = await OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand("SELECT current_setting('server_version') || ', shared_buffers ' || current_setting('shared_buffers')", connection);
        return (string)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// The PostgreSQL server's main process when it runs on this machine (the parent of this
    /// connection's backend), so its CPU counts as the benchmark's own; null for a server elsewhere.
    /// </summary>
    public async Task<int?> ServerProcessIdAsync()
    {
        await using var connection = await OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand("SELECT pg_backend_pid()", connection);
        var backend = (int)(await cmd.ExecuteScalarAsync())!;
        var local = connection.Host is null || connection.Host.StartsWith('/') || connection.Host is "localhost" or "127.0.0.1" or "::1";
        if (!local || !File.Exists($"/proc/{backend}/cmdline") || !File.ReadAllText($"/proc/{backend}/cmdline").Contains("postgres")) return null;
        return Harness.ProcessCpu.Parent(backend);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await Task.Yield();
        _cluster?.Stop();
        if (_ownedFolder is not null)
        {
            try { Directory.Delete(_ownedFolder, recursive: true); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"Could not remove {_ownedFolder}: {e.Message}");
            }
        }
    }
}
