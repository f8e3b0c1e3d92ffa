using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PlanTracker.Core;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Infrastructure;
using PlanTracker.Core.Persistence;
using PlanTracker.Core.Seeding;

namespace PlanTracker.Tests.Infrastructure;

/// <summary>
/// One real PostgreSQL cluster for the whole test run, started by the tests themselves from the
/// machine's binaries. Two template databases are built once (migrated; migrated and seeded) and
/// every test class clones its own database from one of them, which takes a fraction of a second.
/// </summary>
public static class TestDatabases
{
    public const string DemoPassword = "Demo@2026";
    private static readonly Lazy<EmbeddedPostgres> Cluster = new(StartCluster);
    private static readonly Lazy<Task> Templates = new(BuildTemplates);
    private static readonly string Root = Path.Combine(Path.GetTempPath(), $"plantracker-tests-{Environment.ProcessId}");

    public static async Task<string> CreateAsync(bool seeded)
    {
        await Templates.Value;
        var name = $"t_{Guid.NewGuid():N}";
        await ExecuteAdmin($"CREATE DATABASE {name} TEMPLATE {(seeded ? "tmpl_seeded" : "tmpl_migrated")}");
        return With(name);
    }

    /// <summary>A database with nothing in it, not even the schema.</summary>
    public static async Task<string> CreateEmptyAsync()
    {
        var name = $"e_{Guid.NewGuid():N}";
        await ExecuteAdmin($"CREATE DATABASE {name}");
        return With(name);
    }

    public static ServiceProvider CoreServices(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPlanTrackerCore(connectionString);
        services.AddIdentityCore<AppUser>().AddRoles<IdentityRole<long>>().AddEntityFrameworkStores<PlanTrackerDbContext>();
        return services.BuildServiceProvider();
    }

    private static string With(string database) =>
        new NpgsqlConnectionStringBuilder(Cluster.Value.ConnectionString) { Database = database }.ConnectionString;

    private static EmbeddedPostgres StartCluster()
    {
        RemoveOrphanedClusters();
        var cluster = EmbeddedPostgres.Start(new EmbeddedPostgresOptions
        {
            DataDirectory = Root, Database = "postgres", Disposable = true,
        });
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            NpgsqlConnection.ClearAllPools();
            cluster.Stop();
            try { Directory.Delete(Root, recursive: true); }
            catch (IOException) { /* a leftover temp folder is harmless */ }
        };
        return cluster;
    }

    /// <summary>
    /// A test process that was killed (a CI timeout, a cancelled run) never reaches ProcessExit: its
    /// PostgreSQL keeps running and its folder keeps its gigabytes. Stop and delete those of dead processes.
    /// </summary>
    private static void RemoveOrphanedClusters()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), "plantracker-tests-*"))
        {
            if (!int.TryParse(Path.GetFileName(folder)["plantracker-tests-".Length..], out var owner) || IsRunning(owner)) continue;
            var pidFile = Path.Combine(folder, "pgdata", "postmaster.pid");
            if (File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var postmaster) && IsRunning(postmaster))
            {
                using var process = System.Diagnostics.Process.GetProcessById(postmaster);
                if (process.ProcessName == "postgres") // the id may have gone to another program since
                {
                    process.Kill();
                    process.WaitForExit(10_000);
                }
            }
            try { Directory.Delete(folder, recursive: true); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* another run may be removing it */ }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static async Task BuildTemplates()
    {
        await ExecuteAdmin("CREATE DATABASE tmpl_migrated");
        await Migrate(With("tmpl_migrated"), seed: false);
        await ExecuteAdmin("CREATE DATABASE tmpl_seeded TEMPLATE tmpl_migrated");
        await Migrate(With("tmpl_seeded"), seed: true);
        NpgsqlConnection.ClearAllPools(); // a template must have no open connections
    }

    /// <summary>Migrates (and seeds) a database of another cluster, as the templates are built.</summary>
    public static Task PrepareAsync(string connectionString, bool seed) => Migrate(connectionString, seed);

    private static async Task Migrate(string connectionString, bool seed)
    {
        await using var services = CoreServices(connectionString);
        await new SchemaMigrator(services.GetRequiredService<NpgsqlDataSource>(), NullLogger<SchemaMigrator>.Instance).MigrateAsync();
        if (!seed) return;
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SeedLoader>().LoadAsync(SeedReader.Read(RepoPaths.SeedData), true, DemoPassword);
    }

    private static async Task ExecuteAdmin(string sql)
    {
        await using var connection = new NpgsqlConnection(Cluster.Value.AdminConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }
}

public static class RepoPaths
{
    public static string Root { get; } = FindRoot();
    public static string SeedData => Path.Combine(Root, "seed-data");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PlanTracker.sln"))) return dir.FullName;
        throw new InvalidOperationException("PlanTracker.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A clock the test sets (Microsoft.Extensions.TimeProvider.Testing is not in the registry).</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}
