using Npgsql;

namespace PlanTracker.Tests.Infrastructure;

/// <summary>A single statement on a connection of its own, outside every pool: the app's pools and a stopped server stay untouched.</summary>
internal static class OneShotSql
{
    public static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }
}
