using System.Net.Sockets;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PlanTracker.Core.Persistence;
using PlanTracker.Web.Api;

namespace PlanTracker.Tests.Web;

/// <summary>Which failures mean "the database is not available now" (503 + Retry-After) and which stay errors.</summary>
public sealed class DatabaseUnavailableTests
{
    public static TheoryData<string, Exception, bool> Failures() => new()
    {
        { "admin shutdown (pg_ctl stop -m fast)", Postgres("57P01"), true },
        { "crash shutdown", Postgres("57P02"), true },
        { "starting up, cannot connect now", Postgres("57P03"), true },
        { "too many connections", Postgres("53300"), true },
        { "connection failure", Postgres("08006"), true },
        { "no server on the socket", new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused)), true },
        { "connection cut mid-read", new NpgsqlException("Exception while reading from stream", new EndOfStreamException()), true },
        { "inside EF Core's save", new DbUpdateException("save failed", Postgres("57P01")), true },
        { "unique violation", Postgres("23505"), false },
        { "serialization failure", Postgres("40001"), false },
        { "Npgsql's own code failing on a torn-down connection", ThrownInsideNpgsql(), true },
        { "a bug", new InvalidOperationException("Sequence contains no elements"), false },
        { "a null dereference of our own", ThrownHere(), false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Should_tell_an_unavailable_database_from_other_failures(string what, Exception failure, bool unavailable) =>
        Assert.True(DatabaseUnavailableHandler.IsUnavailable(failure) == unavailable, what);

    /// <summary>The replica's fallback reads the same driver failure the same way: a replica torn down mid-read sends the read to the primary.</summary>
    [Fact]
    public void Should_fall_back_from_a_replica_whose_connection_Npgsql_lost_but_not_from_a_bug_of_ours()
    {
        Assert.True(ReadReplica.IsUnavailable(ThrownInsideNpgsql()));
        Assert.False(ReadReplica.IsUnavailable(ThrownHere()));
    }

    private static PostgresException Postgres(string sqlState) => new("test", "FATAL", "FATAL", sqlState);

    /// <summary>A NullReferenceException thrown by Npgsql's code: a reader whose connector is gone.</summary>
    private static Exception ThrownInsideNpgsql()
    {
        var reader = (NpgsqlDataReader)RuntimeHelpers.GetUninitializedObject(typeof(NpgsqlDataReader));
        try { reader.NextResult(); }
        catch (NullReferenceException e) { return e; }
        throw new InvalidOperationException("Npgsql read a reader without a connector");
    }

    private static Exception ThrownHere()
    {
        string? missing = null;
        try { return new InvalidOperationException(missing!.Length.ToString()); }
        catch (NullReferenceException e) { return e; }
    }
}
