using Npgsql;

namespace PlanTracker.Core.Persistence;

/// <summary>
/// Connections straight to PostgreSQL for what needs a session of its own: session advisory locks
/// held across transactions (the migrator, a scheduled job's run, a quarterly compile) and
/// Hangfire's LISTEN/NOTIFY. A transaction-pooling pgbouncer hands every transaction a different
/// server connection, so those go around it (ConnectionStrings__PlanTrackerDirect); without that
/// setting this is the app's one data source (decision 0026).
/// </summary>
public sealed class DirectDatabase(NpgsqlDataSource dataSource)
{
    public NpgsqlDataSource DataSource { get; } = dataSource;
}
