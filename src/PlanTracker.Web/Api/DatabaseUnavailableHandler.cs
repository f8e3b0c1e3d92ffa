using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Web.Api;

/// <summary>
/// The database is down, restarting or refusing connections: the request was fine and can be sent
/// again in a moment, so it gets 503 with Retry-After (ProblemDetails), not a 500 that says the app
/// is broken. Nothing is kept between requests: the next one after the database returns succeeds.
/// </summary>
public sealed class DatabaseUnavailableHandler(IProblemDetailsService problems, ILogger<DatabaseUnavailableHandler> logger) : IExceptionHandler
{
    /// <summary>A restart of PostgreSQL takes seconds; clients should not hammer it meanwhile.</summary>
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (!IsUnavailable(exception)) return false;
        // Handled exceptions are not logged by the middleware (.NET 10): a driver failure should still be seen.
        if (exception is NullReferenceException) logger.LogError(exception, "Npgsql failed on a broken connection; answered 503");
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "The database is not available.",
            Detail = $"Nothing was changed unless a later read shows it. Try again in {RetryAfterSeconds} seconds.",
        };
        if (await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception }))
            return true;
        // A client that accepts no JSON still gets the status and a line it can read.
        await http.Response.WriteAsync(problem.Title, ct);
        return true;
    }

    /// <summary>
    /// A failure to reach the server or a server shutting down or starting up: admin shutdown (57P01),
    /// crash shutdown (57P02), cannot connect now (57P03), connection exceptions (08xxx), too many
    /// connections (53300), a socket/stream that broke under Npgsql, or Npgsql's own code failing on a
    /// connection torn down under it. Other PostgreSQL errors
    /// (a constraint, a serialization failure) are the request's, not the server's availability.
    /// </summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException p:
                    return p.SqlState is "57P01" or "57P02" or "57P03" or "53300" || p.SqlState.StartsWith("08", StringComparison.Ordinal);
                case NpgsqlException { InnerException: SocketException or IOException or TimeoutException }:
                    return true;
                case NpgsqlException n when n.Message.Contains("connection", StringComparison.OrdinalIgnoreCase) && n.IsTransient:
                    return true;
                case NullReferenceException when NpgsqlFaults.IsTornConnection(e):
                    return true;
            }
        }
        return false;
    }
}
