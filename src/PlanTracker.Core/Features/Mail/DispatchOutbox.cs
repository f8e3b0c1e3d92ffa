using System.Net.Sockets;
using ServiceNotConnectedException = MailKit.ServiceNotConnectedException;
using MailKit.Net.Smtp;
using MailKit.Security;
using MediatR;
using Microsoft.Extensions.Logging;
using Npgsql;
using PlanTracker.Core.Email;

namespace PlanTracker.Core.Features.Mail;

public sealed class OutboxOptions
{
    public int BatchSize { get; set; } = 200;
    public int MaxAttempts { get; set; } = 8;
    /// <summary>Waits after each failed attempt; the last one repeats (configured: see PlanTracker.Web's Settings).</summary>
    public TimeSpan[] Backoff { get; set; } =
        [TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2)];

    public TimeSpan WaitAfter(int attempts) => Backoff[Math.Min(attempts - 1, Backoff.Length - 1)];
}

/// <summary>
/// Delivers due outbox messages. Each message is locked (FOR UPDATE SKIP LOCKED, so several nodes
/// never take the same one), sent, and marked in one transaction: a crash after sending and
/// before committing repeats that one message, with the same Message-ID, and loses none.
/// </summary>
public static class DispatchOutbox
{
    public sealed record Command : IRequest<Result>;

    public sealed record Result(int Sent, int Failed, int Dead);

    public sealed class Handler(NpgsqlDataSource dataSource, IMailTransport transport, MailTemplates templates, OutboxOptions options,
        TimeProvider time, ILogger<Handler> logger) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command c, CancellationToken ct)
        {
            var (sent, failed, dead) = (0, 0, 0);
            // One SMTP connection for the batch, opened when the first message is due.
            IMailSession? session = null;
            var connectionLost = false;
            try
            {
                for (var i = 0; i < options.BatchSize; i++)
                {
                    await using var connection = await dataSource.OpenConnectionAsync(ct);
                    await using var tx = await connection.BeginTransactionAsync(ct);
                    var message = await NextDue(connection, tx, ct);
                    if (message is null) break;
                    var attempt = await Attempt(message, session, ct);
                    session = attempt.Session;
                    var outcome = await Record(connection, tx, message, attempt.Error, attempt.Note, ct);
                    await tx.CommitAsync(ct);
                    switch (outcome)
                    {
                        case OutboxState.Sent: sent++; break;
                        case OutboxState.Dead: dead++; break;
                        default: failed++; break;
                    }
                    // This message's own failure (its headers, template, addresses, size, the server refusing it) is on
                    // record and the queue goes on. A server that cannot be reached, or drops two connections running,
                    // fails every message alike: stop and let the back-off wait.
                    if (attempt.ServerDown || (attempt.ConnectionLost && connectionLost)) break;
                    connectionLost = attempt.ConnectionLost;
                }
            }
            finally
            {
                if (session is not null) await session.DisposeAsync();
            }
            return new Result(sent, failed, dead);
        }

        private sealed record Outcome(IMailSession? Session, string? Error = null, string? Note = null, bool ServerDown = false, bool ConnectionLost = false);

        /// <summary>Renders, checks and sends one message; whatever fails is returned as its reason, never thrown (but cancellation).</summary>
        private async Task<Outcome> Attempt(Due message, IMailSession? session, CancellationToken ct)
        {
            MailMessageData mail;
            try
            {
                // Rendered here, not while reading: a mail whose template cannot be rendered fails (and in the
                // end goes dead) like one that cannot be sent, instead of blocking the queue.
                mail = Render(message);
                MailHeaders.Check(mail);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                return Failed(session, message, e);
            }
            try
            {
                session ??= await transport.OpenSessionAsync(ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                return Failed(null, message, e) with { ServerDown = true };
            }
            try
            {
                var refused = await session.SendAsync(mail, ct);
                // Sent to the others; the refused addresses stay on record for the admins' outbox page.
                return new Outcome(session, Note: refused.Count > 0 ? "Refused: " + string.Join("; ", refused) : null);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                // The server refusing this message (its sender, size, content, every recipient) leaves the connection
                // usable: MailKit has reset the transaction. Anything else (a timeout, a dropped connection, a protocol
                // error) may have left it mid-command: it is closed, and the next message opens another. A server
                // that refuses every message as configured stops the batch.
                if (e is SmtpCommandException { StatusCode: not SmtpStatusCode.ServiceNotAvailable } && session.IsConnected)
                    return Failed(session, message, e);
                await session.DisposeAsync();
                return Failed(null, message, e) with { ConnectionLost = true, ServerDown = e is MailConfigurationException };
            }
        }

        private Outcome Failed(IMailSession? session, Due message, Exception e)
        {
            logger.LogWarning(e, "Sending outbox message {Id} failed (attempt {Attempt})", message.Id, message.Attempts + 1);
            return new Outcome(session, Error: Reason(e));
        }

        /// <summary>What the administrators read on the outbox page: the failure's kind and message, one line, bounded.</summary>
        private static string Reason(Exception e)
        {
            var kind = e switch
            {
                MailMessageException or MailConfigurationException => "",
                TimeoutException or OperationCanceledException => "Timeout: ",
                IOException { InnerException: SocketException { SocketErrorCode: SocketError.TimedOut } } => "Timeout: ",
                SmtpCommandException c => $"SMTP {(int)c.StatusCode}: ",
                SmtpProtocolException => "SMTP protocol: ",
                AuthenticationException => "Authentication refused: ",
                SslHandshakeException => "TLS: ",
                ServiceNotConnectedException or IOException or SocketException => "Connection: ",
                NotSupportedException => "Not supported by the SMTP server: ",
                _ => e.GetType().Name + ": ",
            };
            var reason = MailHeaders.OneLine(kind + e.Message);
            return reason.Length <= 1000 ? reason : reason[..1000] + "…";
        }

        private sealed record Due(long Id, int Attempts, string To, string Subject, string? Text, string? Html, string MessageId,
            string? Template, string? Model, List<MailAttachment> Attachments);

        private MailMessageData Render(Due m)
        {
            var (text, html) = templates.Bodies(m.Text, m.Html, m.Template, m.Model);
            return new MailMessageData(m.To, m.Subject, text, html, m.MessageId) { Attachments = m.Attachments };
        }

        private async Task<Due?> NextDue(NpgsqlConnection connection, NpgsqlTransaction tx, CancellationToken ct)
        {
            await using var cmd = new NpgsqlCommand("""
                SELECT id, attempts, to_address, subject, text_body, html_body, message_id, template, model::text
                FROM outbox_messages
                WHERE state = 'Pending' AND next_attempt_at <= $1
                ORDER BY next_attempt_at, id
                LIMIT 1
                FOR UPDATE SKIP LOCKED
                """, connection, tx);
            cmd.Parameters.AddWithValue(time.GetUtcNow());
            Due due;
            await using (var reader = await cmd.ExecuteReaderAsync(ct))
            {
                if (!await reader.ReadAsync(ct)) return null;
                due = new Due(reader.GetInt64(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3), Text(reader, 4), Text(reader, 5),
                    reader.GetString(6), Text(reader, 7), Text(reader, 8), []);
            }
            return due with { Attachments = await Attachments(connection, tx, due.Id, ct) };
        }

        private static string? Text(NpgsqlDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

        private static async Task<List<MailAttachment>> Attachments(NpgsqlConnection connection, NpgsqlTransaction tx, long messageId, CancellationToken ct)
        {
            await using var cmd = new NpgsqlCommand(
                "SELECT file_name, content_type, content FROM outbox_attachments WHERE outbox_message_id = $1 ORDER BY id", connection, tx);
            cmd.Parameters.AddWithValue(messageId);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            var files = new List<MailAttachment>();
            while (await reader.ReadAsync(ct)) files.Add(new MailAttachment(reader.GetString(0), reader.GetString(1), (byte[])reader[2]));
            return files;
        }

        private async Task<OutboxState> Record(NpgsqlConnection connection, NpgsqlTransaction tx, Due message, string? error, string? note, CancellationToken ct)
        {
            var now = time.GetUtcNow();
            var attempts = message.Attempts + 1;
            var state = error is null ? OutboxState.Sent : attempts >= options.MaxAttempts ? OutboxState.Dead : OutboxState.Pending;
            var wait = options.WaitAfter(attempts);
            // The mark's commit does not wait for the disk (one fsync per message was most of a send's time).
            // Losing it takes a PostgreSQL crash, not a node's, within the last moment before it; the message
            // is then sent again with the same Message-ID: repeated at worst, never lost. SIGKILL of a node
            // loses nothing committed, so the one in flight stays the only one that can repeat.
            await using var batch = new NpgsqlBatch(connection, tx);
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SET LOCAL synchronous_commit = off"));
            var cmd = new NpgsqlBatchCommand("""
                UPDATE outbox_messages
                SET state = $2, attempts = $3, last_error = $4, sent_at = $5, next_attempt_at = $6
                WHERE id = $1
                """);
            batch.BatchCommands.Add(cmd);
            cmd.Parameters.AddWithValue(message.Id);
            cmd.Parameters.AddWithValue(state.ToString());
            cmd.Parameters.AddWithValue(attempts);
            cmd.Parameters.AddWithValue((object?)error ?? (object?)note ?? DBNull.Value);
            cmd.Parameters.AddWithValue(error is null ? now : DBNull.Value);
            cmd.Parameters.AddWithValue(error is null ? now : now + wait);
            await batch.ExecuteNonQueryAsync(ct);
            return state;
        }
    }
}
