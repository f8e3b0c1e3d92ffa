using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Email;

/// <summary>One composed mail of a job run and the items it tells its recipient (the notification-log keys).</summary>
public sealed record JobMail(OutboxMessage Message, long UserId, IReadOnlyList<string> Items);

/// <summary>
/// Writes a job run's mails to the outbox and its notification log in the caller's transaction,
/// through COPY: a daily job over a national database queues tens of thousands of mails, which
/// row-by-row inserts through the change tracker take many seconds to save. The mails are
/// composed lazily while the rows stream to the server, so they are never all in memory at once.
/// Same rows as <c>db.OutboxMessages.Add</c> + <c>db.NotificationLog.Add</c>; a (job, as-of,
/// user, item) already logged fails the whole write, as SaveChanges would.
/// </summary>
public static class OutboxBulkWriter
{
    /// <param name="count">How many mails <paramref name="mails"/> yields: their ids are reserved up front.</param>
    public static async Task WriteAsync(PlanTrackerDbContext db, string job, DateOnly asOf, int count, IEnumerable<JobMail> mails, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not { } transaction)
            throw new InvalidOperationException("Outbox mails are written in the transaction of the change that causes them; none is open.");
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var tx = (NpgsqlTransaction)transaction.GetDbTransaction();
        var ids = await ReserveIdsAsync(connection, tx, count, ct);

        var logged = new List<(long MessageId, long UserId, IReadOnlyList<string> Items)>(count);
        await using (var outbox = await connection.BeginBinaryImportAsync("""
            COPY outbox_messages (id, created_at, kind, to_address, user_id, subject, text_body, html_body, message_id, state, attempts, next_attempt_at)
            FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            foreach (var mail in mails)
            {
                if (logged.Count == ids.Length) throw new InvalidOperationException($"More than the {count} mails announced.");
                var m = mail.Message;
                var id = ids[logged.Count];
                await outbox.StartRowAsync(ct);
                await outbox.WriteAsync(id, NpgsqlDbType.Bigint, ct);
                await outbox.WriteAsync(m.CreatedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct);
                await outbox.WriteAsync(m.Kind, NpgsqlDbType.Text, ct);
                await outbox.WriteAsync(m.ToAddress, NpgsqlDbType.Text, ct);
                if (m.UserId is { } userId) await outbox.WriteAsync(userId, NpgsqlDbType.Bigint, ct);
                else await outbox.WriteNullAsync(ct);
                await outbox.WriteAsync(m.Subject, NpgsqlDbType.Text, ct);
                await outbox.WriteAsync(m.TextBody, NpgsqlDbType.Text, ct);
                if (m.HtmlBody is { } html) await outbox.WriteAsync(html, NpgsqlDbType.Text, ct);
                else await outbox.WriteNullAsync(ct);
                await outbox.WriteAsync(m.MessageId, NpgsqlDbType.Text, ct);
                await outbox.WriteAsync(m.State.ToString(), NpgsqlDbType.Text, ct);
                await outbox.WriteAsync(m.Attempts, NpgsqlDbType.Integer, ct);
                await outbox.WriteAsync(m.NextAttemptAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct);
                logged.Add((id, mail.UserId, mail.Items));
            }
            if (logged.Count != ids.Length) throw new InvalidOperationException($"{logged.Count} mails written, {count} announced.");
            await outbox.CompleteAsync(ct);
        }

        await using var log = await connection.BeginBinaryImportAsync(
            "COPY notification_log (job, as_of, user_id, item, outbox_message_id) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var (messageId, userId, items) in logged)
            foreach (var item in items)
            {
                await log.StartRowAsync(ct);
                await log.WriteAsync(job, NpgsqlDbType.Text, ct);
                await log.WriteAsync(asOf, NpgsqlDbType.Date, ct);
                await log.WriteAsync(userId, NpgsqlDbType.Bigint, ct);
                await log.WriteAsync(item, NpgsqlDbType.Text, ct);
                await log.WriteAsync(messageId, NpgsqlDbType.Bigint, ct);
            }
        await log.CompleteAsync(ct);
    }

    private static async Task<long[]> ReserveIdsAsync(NpgsqlConnection connection, NpgsqlTransaction tx, int count, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(
            "SELECT nextval(pg_get_serial_sequence('outbox_messages', 'id')) FROM generate_series(1, $1)", connection, tx);
        cmd.Parameters.AddWithValue(count);
        var ids = new long[count];
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        for (var i = 0; await reader.ReadAsync(ct); i++) ids[i] = reader.GetInt64(0);
        return ids;
    }
}
