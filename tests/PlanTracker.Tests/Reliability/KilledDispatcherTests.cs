using Npgsql;
using PlanTracker.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PlanTracker.Tests.Reliability;

/// <summary>
/// A node killed with SIGKILL while it delivers the outbox: after a restart every queued message
/// is delivered, none is lost, and only the one in flight may arrive twice, with the same Message-ID.
/// </summary>
[Collection(SeparateProcesses.Name)]
public sealed class KilledDispatcherTests(ITestOutputHelper output)
{
    private const int Queued = 200;

    [Fact]
    public async Task Should_deliver_every_queued_message_after_a_kill_minus_nine_in_mid_batch()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        // A slow SMTP server (30 ms a message) keeps the batch going long enough for the kill to land inside it.
        using var smtp = new SmtpSink(TimeSpan.FromMilliseconds(30));
        var connectionString = await TestDatabases.CreateAsync(seeded: false);
        var queued = await Queue(connectionString);
        var settings = new Dictionary<string, string>
        {
            ["Mail__Smtp__Host"] = "127.0.0.1",
            ["Mail__Smtp__Port"] = smtp.Port.ToString(),
            ["Jobs__outbox-dispatch__Cron"] = "* * * * * *",
        };

        using (var doomed = PlanTrackerProcess.Start(connectionString, settings))
        {
            await Poll.UntilAsync(() => smtp.Messages().Count >= 25, TimeSpan.FromSeconds(60), () => "the first deliveries\n" + doomed.Output);
            doomed.Kill();
        }
        var beforeKill = smtp.Messages().Count;
        output.WriteLine($"killed after {beforeKill} deliveries, {watch.Elapsed}");
        Assert.True(beforeKill < Queued, $"the kill came after the batch ({beforeKill} delivered): nothing was cut short");
        Assert.True(await Count(connectionString, "Pending") > 0, "no message was left pending by the kill");

        using var restarted = PlanTrackerProcess.Start(connectionString, settings);
        await Poll.UntilAsync(async () => await Count(connectionString, "Pending") == 0, TimeSpan.FromSeconds(60),
            () => "the restarted node to deliver the rest\n" + restarted.Output);
        output.WriteLine($"all delivered {watch.Elapsed}");

        var received = smtp.Messages();
        Assert.Equal(Queued, await Count(connectionString, "Sent"));
        Assert.Equal(queued.Order(), received.Select(m => m.MessageId).Distinct().Order()); // none lost, nothing foreign
        var repeated = received.GroupBy(m => m.MessageId).Where(g => g.Count() > 1).ToList();
        output.WriteLine($"{received.Count} received for {Queued} queued; repeated: {string.Join(", ", repeated.Select(g => g.Key))}");
        Assert.True(repeated.Count <= 1 && repeated.All(g => g.Count() == 2),
            $"more than the one message in flight arrived twice: {string.Join(", ", repeated.Select(g => $"{g.Key} x{g.Count()}"))}");
        Assert.Equal(Queued + repeated.Count, received.Count);
        Assert.All(repeated, g => Assert.Single(g.Select(m => m.Subject).Distinct()));
    }

    /// <returns>The Message-IDs of the queued messages.</returns>
    private static async Task<List<string>> Queue(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand($"""
            INSERT INTO outbox_messages (created_at, kind, to_address, subject, text_body, html_body, message_id, state, attempts, next_attempt_at)
            SELECT now(), 'test', 'canbo' || g || '@test.local', 'Thư số ' || g, 'Nội dung thư ' || g, '<p>Thư <b>' || g || '</b></p>',
                   '<' || md5(g::text || clock_timestamp()::text) || '@plantracker>', 'Pending', 0, now() - interval '1 minute'
            FROM generate_series(1, {Queued}) g
            RETURNING message_id
            """, connection);
        var ids = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) ids.Add(reader.GetString(0));
        return ids;
    }

    private static async Task<long> Count(string connectionString, string state)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT count(*) FROM outbox_messages WHERE state = $1", connection);
        cmd.Parameters.AddWithValue(state);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
