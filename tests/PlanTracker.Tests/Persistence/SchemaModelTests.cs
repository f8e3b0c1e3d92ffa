using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PlanTracker.Core.Persistence;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Persistence;

public sealed class SchemaModelTests
{
    [Fact]
    public async Task Should_have_every_mapped_table_and_column_with_the_mapped_type_and_nullability()
    {
        var connectionString = await TestDatabases.CreateAsync(seeded: false);
        await using var services = TestDatabases.CoreServices(connectionString);
        var db = services.CreateScope().ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
        var columns = await ReadColumns(connectionString);

        var problems = new List<string>();
        var checkedColumns = 0;
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = entity.GetTableName()!;
            var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
            foreach (var property in entity.GetProperties().Concat(entity.GetComplexProperties().SelectMany(c => c.ComplexType.GetProperties())))
            {
                var column = property.GetColumnName(store)!;
                checkedColumns++;
                if (!columns.TryGetValue((table, column), out var actual))
                {
                    problems.Add($"{table}.{column} is mapped but does not exist");
                    continue;
                }
                var expectedType = property.GetColumnType(store);
                if (!SameType(expectedType, actual.Type)) problems.Add($"{table}.{column}: model {expectedType}, database {actual.Type}");
                if (property.IsColumnNullable(store) != actual.Nullable)
                    problems.Add($"{table}.{column}: model {(property.IsColumnNullable(store) ? "NULL" : "NOT NULL")}, database {(actual.Nullable ? "NULL" : "NOT NULL")}");
            }
        }

        Assert.Empty(problems);
        Assert.True(checkedColumns > 150, $"only {checkedColumns} columns checked");
    }

    private static bool SameType(string model, string database) =>
        string.Equals(Normalize(model), Normalize(database), StringComparison.OrdinalIgnoreCase);

    private static string Normalize(string type) => type.Replace("timestamptz", "timestamp with time zone");

    private static async Task<Dictionary<(string, string), (string Type, bool Nullable)>> ReadColumns(string connectionString)
    {
        var result = new Dictionary<(string, string), (string, bool)>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            SELECT c.table_name, c.column_name, format_type(a.atttypid, a.atttypmod), c.is_nullable = 'YES'
            FROM information_schema.columns c
            JOIN pg_attribute a ON a.attrelid = (quote_ident(c.table_schema) || '.' || quote_ident(c.table_name))::regclass
                               AND a.attname = c.column_name
            WHERE c.table_schema = 'public'
            """, connection);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            result[(reader.GetString(0), reader.GetString(1))] = (reader.GetString(2), reader.GetBoolean(3));
        return result;
    }
}
