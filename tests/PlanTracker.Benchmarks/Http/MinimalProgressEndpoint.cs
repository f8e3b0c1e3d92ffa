using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace PlanTracker.Benchmarks.Http;

/// <summary>
/// The baseline for recording progress over HTTP: the least an ASP.NET Core endpoint can do for
/// the same change. A minimal API on its own Kestrel (127.0.0.1, in this process) takes the same
/// JSON body as /api/v1/tasks/{id}/progress and, through Npgsql, updates the task's row (status,
/// percent, version + 1, refused with 409 when the version is not the one read) and inserts the
/// progress row, in one statement. No sign-in, no authorization check, no audit row, no EF Core:
/// what PlanTracker adds on top of this is what the ratio measures.
/// </summary>
public static class MinimalProgressEndpoint
{
    public sealed record Body(int Version, string Status, int PercentComplete, string? Note);

    private const string Sql = """
        WITH t AS (
            UPDATE plan_tasks SET status = $2, percent_complete = $3, completed_on = NULL, version = version + 1
            WHERE id = $1 AND version = $4 AND NOT is_group
            RETURNING id, lead_agency_id, version)
        INSERT INTO progress_updates (task_id, agency_id, agency_name, user_id, is_contribution, status, percent_complete, note, recorded_at)
        SELECT t.id, t.lead_agency_id, coalesce(a.short_name, a.name), $5, false, $2, $3, $6, now()
        FROM t JOIN agencies a ON a.id = t.lead_agency_id
        RETURNING id, (SELECT version FROM t)
        """;

    /// <param name="userId">Recorded as the author, as the app records the signed-in officer.</param>
    public static Task<MinimalEndpointHost> StartAsync(string connectionString, long userId) =>
        MinimalEndpointHost.StartAsync(connectionString, (app, data) => app.MapPost("/tasks/{id:long}/progress", async (long id, Body body, CancellationToken ct) =>
        {
            await using var cmd = data.CreateCommand(Sql);
            cmd.Parameters.AddWithValue(id);
            cmd.Parameters.AddWithValue(char.ToUpperInvariant(body.Status[0]) + body.Status[1..]); // the app's enum name, as stored
            cmd.Parameters.AddWithValue(body.PercentComplete);
            cmd.Parameters.AddWithValue(body.Version);
            cmd.Parameters.AddWithValue(userId);
            cmd.Parameters.AddWithValue(body.Note ?? "");
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct)) return Results.Conflict();
            return Results.Ok(new { taskId = id, version = reader.GetInt32(1), progressUpdateId = reader.GetInt64(0) });
        }));
}
