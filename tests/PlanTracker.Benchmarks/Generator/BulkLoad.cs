using Npgsql;

namespace PlanTracker.Benchmarks.Generator;

/// <summary>
/// The usual PostgreSQL bulk load: the secondary indexes of the loaded tables are dropped, the
/// rows copied in, and the indexes built again from their own stored definitions (so the schema
/// ends exactly as the migrations made it). Primary keys stay; the loaded tables' foreign keys are
/// dropped too and added again from their own definitions, which validates every row in one join
/// instead of one trigger call per row (5,000,000 progress updates): a generator bug that breaks
/// them still fails the load instead of producing a wrong dataset.
/// </summary>
public static class BulkLoad
{
    public sealed record IndexDefinition(string Name, string Sql);

    public static async Task<IReadOnlyList<IndexDefinition>> DropSecondaryIndexesAsync(NpgsqlConnection connection, IReadOnlyList<string> tables)
    {
        var indexes = new List<IndexDefinition>();
        await using (var cmd = new NpgsqlCommand("""
            SELECT i.indexname, i.indexdef
            FROM pg_indexes i
            WHERE i.schemaname = current_schema() AND i.tablename = ANY($1)
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)
            ORDER BY i.tablename, i.indexname
            """, connection))
        {
            cmd.Parameters.AddWithValue(tables.ToArray());
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) indexes.Add(new IndexDefinition(reader.GetString(0), reader.GetString(1)));
        }
        foreach (var index in indexes) await ExecuteAsync(connection, $"DROP INDEX \"{index.Name}\"");
        return indexes;
    }

    public sealed record ForeignKey(string Table, string Name, string Definition);

    public static async Task<IReadOnlyList<ForeignKey>> DropForeignKeysAsync(NpgsqlConnection connection, IReadOnlyList<string> tables)
    {
        var keys = new List<ForeignKey>();
        await using (var cmd = new NpgsqlCommand("""
            SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid)
            FROM pg_constraint c
            WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace AND c.conrelid::regclass::text = ANY($1)
            ORDER BY 1, 2
            """, connection))
        {
            cmd.Parameters.AddWithValue(tables.ToArray());
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) keys.Add(new ForeignKey(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }
        foreach (var key in keys) await ExecuteAsync(connection, $"ALTER TABLE {key.Table} DROP CONSTRAINT \"{key.Name}\"");
        return keys;
    }

    /// <summary>Adds the keys again: each checks every existing row (one join per key) and fails the load on a dangling id.</summary>
    public static async Task RecreateAsync(NpgsqlConnection connection, IReadOnlyList<ForeignKey> keys)
    {
        foreach (var key in keys) await ExecuteAsync(connection, $"ALTER TABLE {key.Table} ADD CONSTRAINT \"{key.Name}\" {key.Definition}");
    }

    public static async Task RecreateAsync(NpgsqlConnection connection, IReadOnlyList<IndexDefinition> indexes)
    {
        await ExecuteAsync(connection, "SET maintenance_work_mem = '512MB'");
        foreach (var index in indexes) await ExecuteAsync(connection, index.Sql);
        await ExecuteAsync(connection, "RESET maintenance_work_mem");
    }

    /// <summary>Rows came with their ids: move each identity past the largest, so the app's own inserts continue after them.</summary>
    public static async Task AdvanceIdentitiesAsync(NpgsqlConnection connection, IReadOnlyList<string> tables)
    {
        foreach (var table in tables)
            await ExecuteAsync(connection, $"SELECT setval(pg_get_serial_sequence('{table}', 'id'), GREATEST((SELECT max(id) FROM {table}), 1))");
    }

    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync();
    }
}
