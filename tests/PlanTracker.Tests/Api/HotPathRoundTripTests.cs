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

        var (response, commands) = await CountCommandsAsync(officer, new HttpRequestMessage(HttpMethod.Post, $"/api/v1/tasks/{taskId}/progress")
        {
            Content = JsonContent.Create(new { version, status = "inProgress", percentComplete = 35, note = "Đếm số lượt gọi cơ sở dữ liệu" }),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The account (session check and access rules) in one read, the task with both rights in one, the
        // update, progress and audit rows in one batch (BEGIN travels with it); the COMMIT, a fourth round
        // trip, is not a command and is not traced. Before issue 17: 11 round trips.
        output.WriteLine($"{commands.Count} commands:\n{string.Join("\n---\n", commands)}");
        Assert.InRange(commands.Count, 1, 3); // at least one: the listener saw the request's statements
    }

    [Fact]
    public async Task Should_list_my_agencys_tasks_in_two_database_commands()
    {
        var officer = await app.ClientForAsync(Officer);

        var (response, commands) = await CountCommandsAsync(officer, new HttpRequestMessage(HttpMethod.Get, "/api/v1/my/tasks?involvement=coordinating&pageSize=20"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The account with its agency's groups (the session check's read), then the page with its total in one
        // statement. Before this round: account, groups, count, page.
        output.WriteLine($"{commands.Count} commands:\n{string.Join("\n---\n", commands)}");
        Assert.InRange(commands.Count, 1, 2);
    }

    private static async Task<(HttpResponseMessage Response, IReadOnlyList<string> Commands)> CountCommandsAsync(HttpClient client, HttpRequestMessage request)
    {
        // The request carries a trace of its own (W3C traceparent), which ASP.NET Core continues and Npgsql's
        // activities inherit: the statements counted are this request's, not those of Hangfire's polling or of
        // another test class's requests running in parallel in the same process.
        var trace = ActivityTraceId.CreateRandom();
        request.Headers.Add("traceparent", $"00-{trace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        var commands = new ConcurrentQueue<string>();
        var served = 0;
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is "Npgsql" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = a =>
            {
                if (a.Source.Name == "Microsoft.AspNetCore" && a.TraceId == trace) Interlocked.Increment(ref served);
            },
            ActivityStopped = a =>
            {
                if (a.Source.Name == "Npgsql" && a.TraceId == trace)
                    commands.Enqueue(a.GetTagItem("db.query.text") as string ?? a.GetTagItem("db.statement") as string ?? a.DisplayName);
            },
        };
        ActivitySource.AddActivityListener(listener);
        var response = await client.SendAsync(request);
        Assert.Equal(1, served); // the server continued the request's trace, so its statements carry it
        return (response, [.. commands]);
    }
}
