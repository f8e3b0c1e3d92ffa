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
/// sends while the request runs is counted through its ActivitySource, correlated by the request's
/// trace (the in-process server keeps the test's execution context), so the scheduler's own queries
/// on the same database are not counted.
/// </summary>
public sealed class HotPathRoundTripTests(AppFactory app, ITestOutputHelper output) : IClassFixture<AppFactory>
{
    private const string Officer = "canbo.noivu@plantracker.local";

    [Fact]
    public async Task Should_record_progress_in_at_most_three_database_commands()
    {
        var officer = await app.ClientForAsync(Officer);
        var taskId = app.TaskId("vinh-phuc/kh-36a", "III.5.d");
        var version = (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{taskId}")).GetProperty("task").GetProperty("version").GetInt32();

        var (response, commands) = await CountCommandsAsync(() => officer.PostAsJsonAsync($"/api/v1/tasks/{taskId}/progress",
            new { version, status = "inProgress", percentComplete = 35, note = "Đếm số lượt gọi cơ sở dữ liệu" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Account and access in one read, task and authorization in one, the update, progress and audit rows in one batch.
        output.WriteLine($"{commands.Count} commands:\n{string.Join("\n---\n", commands)}");
        Assert.InRange(commands.Count, 1, 3); // at least one: the listener saw the request's statements
    }

    private async Task<(HttpResponseMessage Response, IReadOnlyList<string> Commands)> CountCommandsAsync(Func<Task<HttpResponseMessage>> send)
    {
        app.Server.PreserveExecutionContext = true; // the request then runs under the test's activity
        var seen = new ConcurrentQueue<string>();
        using var root = new Activity("hot-path-round-trips").Start();
        var trace = root.TraceId;
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is "Npgsql" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                if (a.Source.Name == "Npgsql" && a.TraceId == trace)
                    seen.Enqueue(a.GetTagItem("db.query.text") as string ?? a.GetTagItem("db.statement") as string ?? a.DisplayName);
            },
        };
        ActivitySource.AddActivityListener(listener);
        var response = await send();
        return (response, [.. seen]);
    }
}
