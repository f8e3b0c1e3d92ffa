namespace PlanTracker.Core.Persistence;

/// <summary>Failures of the driver itself that mean the connection broke, not that the request was wrong.</summary>
public static class NpgsqlFaults
{
    /// <summary>
    /// Npgsql 10.0.0 failed once with a NullReferenceException of its reader's own when `pg_ctl stop -m immediate`
    /// cut a connection under it under load: the link failed, not the request. Only the reader and the connector's
    /// internals count: an NRE elsewhere in Npgsql (one DbContext used by two threads) or in our code is a bug.
    /// </summary>
    public static bool IsTornConnection(Exception e) =>
        e is NullReferenceException
        && e.TargetSite?.DeclaringType?.FullName is { } type
        && (type.StartsWith("Npgsql.NpgsqlDataReader", StringComparison.Ordinal) || type.StartsWith("Npgsql.Internal.", StringComparison.Ordinal));
}
