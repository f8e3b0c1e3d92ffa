using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace PlanTracker.Benchmarks.Http;

/// <summary>
/// The baseline for creating a task over HTTP (issue 17): the least an ASP.NET Core endpoint can do
/// for the same rows. A minimal API on its own Kestrel (127.0.0.1, in this process) takes the body
/// W1 sends to POST /api/v1/plans/{id}/tasks and, through Npgsql in one statement, inserts the task
/// (next sort order of its plan, the deadline as given, refused by the unique plan/code index when
/// the code is taken) and the audit row "task.added" with the same details. No sign-in, no
/// authorization, no validation, no deadline parsing, no EF Core: what PlanTracker adds on top is what
/// the ratio measures.
/// </summary>
public static class MinimalTaskEndpoint
{
    public sealed record DeadlineBody(string Kind, DateOnly? StartOn, DateOnly? DueOn);
    public sealed record Body(string Code, string Title, long LeadAgencyId, string? DeadlineText, DeadlineBody Deadline);

    private const string Sql = """
        WITH t AS (
            INSERT INTO plan_tasks (plan_id, code, sort_order, title, is_group, lead_agency_id, status, percent_complete,
                deadline_kind, deadline_start_on, deadline_due_on, deadline_text, deadline_inherited)
            SELECT $1, $2, coalesce((SELECT max(sort_order) + 1 FROM plan_tasks WHERE plan_id = $1), 0), $3, false, $4, 'NotStarted', 0,
                $5, $6, $7, $8, false
            RETURNING id)
        INSERT INTO audit_events (occurred_at, user_id, action, entity_type, entity_id, data)
        SELECT now(), $9, 'task.added', 'PlanTask', t.id,
            jsonb_build_object('after', jsonb_build_object('code', $2, 'title', $3, 'leadAgencyId', $4, 'deadlineText', $8, 'fannedOut', 0))
        FROM t
        RETURNING entity_id
        """;

    /// <param name="userId">Recorded as the author, as the app records the signed-in secretariat user.</param>
    public static Task<MinimalEndpointHost> StartAsync(string connectionString, long userId) =>
        MinimalEndpointHost.StartAsync(connectionString, (app, data) => app.MapPost("/plans/{id:long}/tasks", async (long id, Body body, CancellationToken ct) =>
        {
            await using var cmd = data.CreateCommand(Sql);
            cmd.Parameters.AddWithValue(id);
            cmd.Parameters.AddWithValue(body.Code);
            cmd.Parameters.AddWithValue(body.Title);
            cmd.Parameters.AddWithValue(body.LeadAgencyId);
            cmd.Parameters.AddWithValue(char.ToUpperInvariant(body.Deadline.Kind[0]) + body.Deadline.Kind[1..]); // the app's enum name, as stored
            cmd.Parameters.AddWithValue(body.Deadline.StartOn is { } start ? start : DBNull.Value);
            cmd.Parameters.AddWithValue(body.Deadline.DueOn is { } due ? due : DBNull.Value);
            cmd.Parameters.AddWithValue(body.DeadlineText ?? "");
            cmd.Parameters.AddWithValue(userId);
            var taskId = (long)(await cmd.ExecuteScalarAsync(ct))!;
            return Results.Created((string?)null, new { taskId, fannedOutTaskIds = Array.Empty<long>() });
        }));
}
