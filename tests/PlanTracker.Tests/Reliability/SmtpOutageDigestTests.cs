using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using PlanTracker.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PlanTracker.Tests.Reliability;

/// <summary>
/// The SMTP server is down before the digest job runs and stays down after it, while the node's
/// dispatcher keeps trying every second: the digests wait in the outbox, retried with back-off;
/// when the server returns every one is delivered, none lost and none twice (Message-IDs at the server).
/// </summary>
[Collection(SeparateProcesses.Name)]
public sealed class SmtpOutageDigestTests(ITestOutputHelper output)
{
    private const string AsOf = "2016-12-19"; // a Monday: the seed users' default weekly digest is due

    [Fact]
    public async Task Should_deliver_every_digest_once_after_an_SMTP_outage_spanning_the_run()
    {
        var watch = Stopwatch.StartNew();
        using var smtp = new SmtpSink();
        smtp.Stop();
        var connectionString = await TestDatabases.CreateAsync(seeded: true);
        var settings = new Dictionary<string, string>
        {
            ["Mail__Smtp__Host"] = "127.0.0.1",
            ["Mail__Smtp__Port"] = smtp.Port.ToString(),
            ["Jobs__outbox-dispatch__Cron"] = "* * * * * *",
            ["Outbox__MaxAttempts"] = "1000",
        };
        // Back-off of 1 to 3 s instead of 30 s to 2 h: the same code path, in test time.
        foreach (var (seconds, i) in new[] { 1, 2, 3, 3, 3 }.Select((s, i) => (s, i))) settings[$"Outbox__Backoff__{i}"] = $"00:00:0{seconds}";
        using var node = PlanTrackerProcess.Start(connectionString, settings);
        await node.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        var app = node.BaseAddress;
        // More people to write to than the seed's five: officers of the agencies that lead the most tasks.
        await ProgressWriters.CreateAsync(connectionString, app, 12);

        using var admin = await ProgressWriters.SignInAsync(app, "admin@plantracker.local"); // only administrators run jobs by hand
        var ran = await admin.PostAsJsonAsync("/api/v1/jobs/digests/runs", new { asOf = AsOf });
        Assert.True(ran.IsSuccessStatusCode, await ran.Content.ReadAsStringAsync());
        output.WriteLine($"digest run: {await ran.Content.ReadAsStringAsync()} ({watch.Elapsed})");
        var queued = await Digests(connectionString);
        Assert.True(queued.Count >= 5, $"only {queued.Count} digests queued");

        // Down through the run and several dispatch attempts after it. A run stops at its first failure
        // (the server is down for every message alike), so each run probes one message, then it waits its back-off.
        await Poll.UntilAsync(async () => await Digests(connectionString) is var d && d.Sum(x => x.Attempts) >= 8 && d.Max(x => x.Attempts) >= 2,
            TimeSpan.FromSeconds(60), () => "failed attempts, one retried after its back-off\n" + node.Output);
        var waiting = await Digests(connectionString);
        Assert.All(waiting, d => Assert.Equal("Pending", d.State));
        Assert.All(waiting.Where(d => d.Attempts > 0), d => Assert.NotNull(d.LastError));
        Assert.Empty(smtp.Messages());

        var back = Stopwatch.StartNew();
        smtp.Start();
        await Poll.UntilAsync(async () => (await Digests(connectionString)).All(d => d.State == "Sent"), TimeSpan.FromSeconds(60),
            () => $"delivery after the server returned: {string.Join(", ", Digests(connectionString).Result)}\n{node.Output}");
        var delivered = back.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(2)); // a late repeat would show here

        var received = smtp.Messages();
        var sent = await Digests(connectionString);
        output.WriteLine($"{queued.Count} digests queued; failed attempts while down: {waiting.Sum(d => d.Attempts)} (at most {waiting.Max(d => d.Attempts)} for one); " +
            $"all sent {delivered.TotalSeconds:0.0} s after the server returned; received {received.Count}, distinct Message-IDs {received.Select(m => m.MessageId).Distinct().Count()}; total {watch.Elapsed}");
        Assert.Equal(sent.Select(d => d.MessageId).Order(), received.Select(m => m.MessageId).Order()); // each once, none lost, none foreign
        Assert.Equal(queued.Select(d => d.MessageId).Order(), sent.Select(d => d.MessageId).Order());
        Assert.All(received, m => Assert.StartsWith("PlanTracker: bản tin", m.Subject));
    }

    private sealed record Digest(string MessageId, string State, int Attempts, string? LastError);

    private static async Task<List<Digest>> Digests(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT message_id, state, attempts, last_error FROM outbox_messages WHERE kind = 'digests'", connection);
        var digests = new List<Digest>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) digests.Add(new Digest(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        return digests;
    }
}
