using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PlanTracker.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PlanTracker.Tests.Api;

/// <summary>
/// Issue 17: the hot paths' database round trips are a budget, not an accident. Every command Npgsql
/// sends for the request is counted through its ActivitySource, by the request's trace, so the
/// scheduler's own queries on the same database are not counted.
/// </summary>
public sealed class HotPathRoundTripTests(AppFactory app, ITestOutputHelper output) : IClassFixture<AppFactory>
{
    private const string Officer = "canbo.noivu@plantracker.local";

    [Fact]
    public async Task Should_record_progress_in_three_database_commands_and_a_commit()
    {
        var officer = await app.ClientForAsync(Officer);
        var taskId = app.TaskId("vinh-phuc/kh-36a", "III.5.d");
        var version = (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{taskId}")).GetProperty("task").GetProperty("version").GetInt32();

        var (response, commands) = await CountCommandsAsync(() => officer.PostAsJsonAsync($"/api/v1/tasks/{taskId}/progress",
            new { version, status = "inProgress", percentComplete = 35, note = "Đếm số lượt gọi cơ sở dữ liệu" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The account (session check and access rules) in one read, the task with both rights in one, the
        // update, progress and audit rows in one batch (BEGIN travels with it); the COMMIT, a fourth round
        // trip, is not a command and is not traced. Before issue 17: 11 round trips.
        output.WriteLine($"{commands.Count} commands:\n{string.Join("\n---\n", commands)}");
        Assert.InRange(commands.Count, 1, 3); // at least one: the listener saw the request's statements
    }

    private static async Task<(HttpResponseMessage Response, IReadOnlyList<string> Commands)> CountCommandsAsync(Func<Task<HttpResponseMessage>> send)
    {
        // ASP.NET Core starts each request's activity as a new trace; the statements the request sends
        // are those of its trace, so Hangfire's polling on the same database is not counted.
        var requests = new ConcurrentDictionary<ActivityTraceId, bool>();
        var commands = new ConcurrentQueue<(ActivityTraceId Trace, string Text)>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is "Npgsql" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = a =>
            {
                if (a.Source.Name == "Microsoft.AspNetCore") requests[a.TraceId] = true;
            },
            ActivityStopped = a =>
            {
                if (a.Source.Name == "Npgsql")
                    commands.Enqueue((a.TraceId, a.GetTagItem("db.query.text") as string ?? a.GetTagItem("db.statement") as string ?? a.DisplayName));
            },
        };
        ActivitySource.AddActivityListener(listener);
        var response = await send();
        Assert.Single(requests); // the one request sent while listening
        return (response, [.. commands.Where(c => requests.ContainsKey(c.Trace)).Select(c => c.Text)]);
    }
}
