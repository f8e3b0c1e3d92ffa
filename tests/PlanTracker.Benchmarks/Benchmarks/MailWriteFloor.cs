using Npgsql;
using PlanTracker.Benchmarks.Generator;

namespace PlanTracker.Benchmarks.Benchmarks;

/// <summary>
/// The least any reminder job can do on a given day: the baseline query, then the mails it must
/// queue written straight back by COPY (the handler's own output of that day, captured once).
/// Timed beside the handler, it splits the handler's time into what any implementation pays
/// (selecting, and durably writing N mails) and what is the handler's own overhead.
/// </summary>
public sealed class MailWriteFloor
{
    private sealed record OutboxRow(DateTimeOffset CreatedAt, string Kind, string To, long? UserId, string Subject, string Text, string? Html,
        string MessageId, string State, int Attempts, DateTimeOffset NextAttemptAt);

    private sealed record LogRow(string Job, DateOnly AsOf, long UserId, string Item);

    private readonly List<OutboxRow> _outbox = [];
    private readonly List<LogRow> _log = [];

    public long Bytes { get; private set; }
    public int Mails => _outbox.Count;

    /// <summary>Reads what the handler wrote, inside its (not yet rolled back) transaction.</summary>
    public static async Task<MailWriteFloor> CaptureAsync(NpgsqlConnection connection, NpgsqlTransaction tx)
    {
        var floor = new MailWriteFloor();
        await using (var cmd = new NpgsqlCommand("""
            SELECT created_at, kind, to_address, user_id, subject, text_body, html_body, message_id, state, attempts, next_attempt_at,
                   octet_length(text_body) + coalesce(octet_length(html_body), 0)
            FROM outbox_messages ORDER BY id
            """, connection, tx))
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync())
            {
                floor._outbox.Add(new OutboxRow(reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1), reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetInt64(3), reader.GetString(4), reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6),
                    reader.GetString(7), reader.GetString(8), reader.GetInt32(9), reader.GetFieldValue<DateTimeOffset>(10)));
                floor.Bytes += reader.GetInt32(11);
            }
        await using (var cmd = new NpgsqlCommand("SELECT job, as_of, user_id, item FROM notification_log", connection, tx))
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                floor._log.Add(new LogRow(reader.GetString(0), reader.GetFieldValue<DateOnly>(1), reader.GetInt64(2), reader.GetString(3)));
        return floor;
    }

    /// <summary>Writes the captured mails and log rows again, in the caller's transaction.</summary>
    public async Task<long> WriteAsync(NpgsqlConnection connection)
    {
        await using (var copy = await CopyWriter.StartAsync(connection, "outbox_messages",
            "created_at", "kind", "to_address", "user_id", "subject", "text_body", "html_body", "message_id", "state", "attempts", "next_attempt_at"))
        {
            foreach (var m in _outbox)
                copy.Row().Timestamp(m.CreatedAt).Text(m.Kind).Text(m.To).Long(m.UserId).Text(m.Subject).Text(m.Text).Text(m.Html)
                    .Text(m.MessageId).Text(m.State).Int(m.Attempts).Timestamp(m.NextAttemptAt);
            await copy.CompleteAsync();
        }
        await using (var copy = await CopyWriter.StartAsync(connection, "notification_log", "job", "as_of", "user_id", "item"))
        {
            foreach (var l in _log) copy.Row().Text(l.Job).Date(l.AsOf).Long(l.UserId).Text(l.Item);
            await copy.CompleteAsync();
        }
        return _outbox.Count + _log.Count;
    }
}
