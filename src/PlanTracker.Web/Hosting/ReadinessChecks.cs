using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using Hangfire;

namespace PlanTracker.Web.Hosting;

public sealed class DatabaseHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var cmd = dataSource.CreateCommand("SELECT 1");
            await cmd.ExecuteScalarAsync(ct);
            return HealthCheckResult.Healthy();
        }
        catch (NpgsqlException e)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", e);
        }
    }
}

/// <summary>
/// Ready when this node's own Hangfire server has sent a heartbeat lately (every 5 s; six missed
/// means its processing has stalled). Only on a node that runs the scheduler. Not three: a PostgreSQL
/// restart of a few seconds stops the heartbeats, and Hangfire resumes them with a back-off, so a
/// shorter bound kept a node unready for seconds after its database was back (DatabaseRestartTests).
/// </summary>
public sealed class SchedulerHealthCheck(JobStorage storage, SchedulerIdentity identity) : IHealthCheck
{
    private static readonly TimeSpan Stale = TimeSpan.FromSeconds(30);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            var own = storage.GetMonitoringApi().Servers()
                .Where(s => s.Name.StartsWith(identity.ServerName + ":", StringComparison.OrdinalIgnoreCase))
                .MaxBy(s => s.Heartbeat);
            if (own?.Heartbeat is not { } heartbeat) return Task.FromResult(HealthCheckResult.Unhealthy("This node's Hangfire server has not started."));
            // Hangfire's instants are UTC, from the database's clock rather than the app's (a fixed one in tests): compared with the real one.
            var age = DateTime.UtcNow - DateTime.SpecifyKind(heartbeat, DateTimeKind.Utc);
            return Task.FromResult(age <= Stale
                ? HealthCheckResult.Healthy($"Hangfire server {own.Name}: heartbeat {age.TotalSeconds:0} s ago.")
                : HealthCheckResult.Unhealthy($"This node's Hangfire server's last heartbeat was {age.TotalSeconds:0} s ago."));
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Hangfire's storage does not answer.", e));
        }
    }
}
