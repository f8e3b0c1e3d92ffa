using System.Data.Common;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace PlanTracker.Core.Persistence;

/// <summary>The streaming replica (ConnectionStrings__PlanTrackerReadOnly) and when to stop and retry asking it.</summary>
public sealed class ReadReplicaOptions
{
    /// <summary>Empty: every read goes to the primary.</summary>
    public string? ConnectionString { get; init; }
    /// <summary>After a failure the replica is left alone this long; then one request tries it again.</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>How long opening a replica connection may take (Npgsql's Timeout) unless the connection string says.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(2);
}

/// <summary>
/// The replica's data source and its health, one per process. A failed read marks it down for
/// <see cref="ReadReplicaOptions.RetryAfter"/> (real time, not the app's clock: it measures an outage);
/// after that a single request probes it while the others stay on the primary, so a dead replica
/// costs at most one bounded connect attempt per interval (decision 0026).
/// </summary>
public sealed class ReadReplica : IAsyncDisposable
{
    private readonly NpgsqlDataSource? _source;
    private readonly DbContextOptions<PlanTrackerDbContext>? _options;
    private readonly long _retryAfterMs;
    private readonly ILogger<ReadReplica> _logger;
    private long _downUntil; // Environment.TickCount64; 0 = up
    private int _probing;

    public ReadReplica(ReadReplicaOptions options, ILogger<ReadReplica> logger)
    {
        _logger = logger;
        _retryAfterMs = (long)options.RetryAfter.TotalMilliseconds;
        if (string.IsNullOrWhiteSpace(options.ConnectionString)) return;
        var given = new DbConnectionStringBuilder { ConnectionString = options.ConnectionString };
        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString) { ApplicationName = "PlanTracker (replica reads)" };
        if (!given.ContainsKey("Timeout")) builder.Timeout = Math.Max(1, (int)options.ConnectTimeout.TotalSeconds);
        _source = new NpgsqlDataSourceBuilder(builder.ConnectionString).Build();
        _options = new DbContextOptionsBuilder<PlanTrackerDbContext>().UseNpgsql(_source)
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking).Options;
    }

    public bool Configured => _source is not null;

    /// <summary>Reads served by the replica and reads that fell back to the primary since the start (tests, logs).</summary>
    public long Served => Interlocked.Read(ref _served);
    public long FellBack => Interlocked.Read(ref _fellBack);
    private long _served, _fellBack;

    /// <summary>A context on the replica when it is worth asking, with whether this request is the probe after an outage; null for the primary.</summary>
    internal (PlanTrackerDbContext Context, bool Probe)? TryOpen()
    {
        if (_options is null) return null;
        var downUntil = Interlocked.Read(ref _downUntil);
        if (downUntil == 0) return (new PlanTrackerDbContext(_options), false);
        if (Environment.TickCount64 < downUntil || Interlocked.CompareExchange(ref _probing, 1, 0) != 0) return null;
        return (new PlanTrackerDbContext(_options), true);
    }

    internal void Succeeded(bool probe)
    {
        Interlocked.Increment(ref _served);
        if (probe && Interlocked.Exchange(ref _downUntil, 0) != 0) _logger.LogInformation("The read replica answers again: lagging reads go to it");
    }

    /// <summary>Whatever the probe's outcome (an error of the query's own included), the next one may come.</summary>
    internal void EndProbe() => Interlocked.Exchange(ref _probing, 0);

    internal void Failed(Exception e)
    {
        Interlocked.Increment(ref _fellBack);
        var wasUp = Interlocked.Exchange(ref _downUntil, Environment.TickCount64 + _retryAfterMs) == 0;
        // Pooled connections to a stopped server are broken too; the next attempt opens new ones.
        _source!.Clear();
        if (wasUp) _logger.LogWarning(e, "The read replica failed; its reads go to the primary, and it is tried again in {Seconds} s", _retryAfterMs / 1000);
    }

    /// <summary>
    /// The replica could not answer (refused, reset, timed out, shutting down, starting, too many
    /// connections, a query cancelled by a recovery conflict, Npgsql failing on a connection torn down under it);
    /// any other error is the query's own and would fail on the primary as well.
    /// </summary>
    public static bool IsUnavailable(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
            switch (x)
            {
                case PostgresException p:
                    return p.SqlState.StartsWith("08", StringComparison.Ordinal)
                        || p.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
                            or PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.SerializationFailure;
                case NpgsqlException or SocketException or IOException or TimeoutException:
                    return true;
                case NullReferenceException when NpgsqlFaults.IsTornConnection(x):
                    return true;
            }
        return false;
    }

    public async ValueTask DisposeAsync()
    {
        if (_source is not null) await _source.DisposeAsync();
    }
}

/// <summary>
/// The seam for reads that may lag by seconds (dashboard, drill-down, search, quarterly compile):
/// <see cref="RunAsync{T}"/> gives the read a context on the replica when one is configured and up,
/// and runs it again on the request's own (primary) context when the replica cannot answer, so a
/// dead replica is never an error. Writes, authorization and anything shown right after a write
/// never come here: they use the request's <see cref="PlanTrackerDbContext"/>.
/// </summary>
public sealed class LaggingReads(PlanTrackerDbContext primary, ReadReplica replica)
{
    /// <summary>Every read on <paramref name="primary"/> (benchmarks and tests that build handlers by hand).</summary>
    public static LaggingReads PrimaryOnly(PlanTrackerDbContext primary) =>
        new(primary, new ReadReplica(new ReadReplicaOptions(), Microsoft.Extensions.Logging.Abstractions.NullLogger<ReadReplica>.Instance));

    /// <param name="read">Reads only, and may run twice (the replica failed midway): it must start its output afresh.</param>
    /// <param name="snapshot">Every statement of the read sees one snapshot (a repeatable-read transaction on the replica; on the primary, the caller's own transaction).</param>
    public async Task<T> RunAsync<T>(Func<PlanTrackerDbContext, Task<T>> read, CancellationToken ct, bool snapshot = false)
    {
        if (replica.TryOpen() is not var (context, probe)) return await read(primary);
        try
        {
            await using (context)
            {
                await using var tx = snapshot ? await context.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct) : null;
                var result = await read(context);
                replica.Succeeded(probe);
                return result;
            }
        }
        catch (Exception e) when (!ct.IsCancellationRequested && ReadReplica.IsUnavailable(e))
        {
            replica.Failed(e);
        }
        finally
        {
            if (probe) replica.EndProbe();
        }
        return await read(primary);
    }
}
