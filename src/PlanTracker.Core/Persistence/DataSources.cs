using System.Data.Common;
using Npgsql;

namespace PlanTracker.Core.Persistence;

/// <summary>How the app's Npgsql data source is built from its connection string.</summary>
public static class DataSources
{
    /// <summary>Statements prepared per physical connection when the connection string does not say.</summary>
    public const int DefaultAutoPrepare = 64;

    /// <summary>
    /// The hot paths send the same few parameterized statements thousands of times (the account read,
    /// the task with its rights, the progress batch): prepared automatically after a few uses, PostgreSQL
    /// parses and plans each once per connection instead of at every request (issue 17, docs/PERFORMANCE.md).
    /// A connection string that names "Max Auto Prepare" keeps its own value: 0 behind a pgbouncer that
    /// pools transactions and cannot follow prepared statements (Debian 12's 1.18).
    /// </summary>
    public static NpgsqlDataSource Build(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (!Names(connectionString, "maxautoprepare")) builder.ConnectionStringBuilder.MaxAutoPrepare = DefaultAutoPrepare;
        return builder.Build();
    }

    // Npgsql's own builder answers ContainsKey for every keyword it knows, set or not: the text is read as written.
    private static bool Names(string connectionString, string keyword) =>
        new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Any(k => string.Equals(k.Replace(" ", ""), keyword, StringComparison.OrdinalIgnoreCase));
}
