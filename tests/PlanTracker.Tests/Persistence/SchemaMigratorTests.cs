using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PlanTracker.Core.Infrastructure;
using PlanTracker.Core.Persistence;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Persistence;

public sealed class SchemaMigratorTests
{
    [Fact]
    public async Task Should_apply_each_script_once_when_several_nodes_start_together()
    {
        var connectionString = await TestDatabases.CreateEmptyAsync();
        var nodes = Enumerable.Range(0, 4).Select(_ => TestDatabases.CoreServices(connectionString)).ToList();

        var applied = await Task.WhenAll(nodes.Select(n =>
            new SchemaMigrator(n.GetRequiredService<NpgsqlDataSource>(), NullLogger<SchemaMigrator>.Instance).MigrateAsync()));

        Assert.Equal(SchemaMigrator.Scripts.Select(s => s.Version), applied.SelectMany(a => a).Order());
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT count(*) FROM schema_migrations", connection);
        Assert.Equal((long)SchemaMigrator.Scripts.Count, await cmd.ExecuteScalarAsync());
        foreach (var node in nodes) await node.DisposeAsync();
    }

    [Fact]
    public void Should_say_how_to_install_PostgreSQL_when_its_binaries_are_missing()
    {
        var error = Assert.Throws<InvalidOperationException>(() => EmbeddedPostgres.Start(new EmbeddedPostgresOptions
        {
            DataDirectory = Path.Combine(Path.GetTempPath(), "never-created-" + Guid.NewGuid().ToString("N")),
            BinDirectory = "/nonexistent/postgresql/bin",
        }));

        Assert.Contains("apt-get install postgresql", error.Message);
        Assert.Contains("ConnectionStrings__PlanTracker", error.Message);
    }
}
