using System.Net.Mail;
using System.Text;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PlanTracker.Benchmarks.Generator;
using PlanTracker.Benchmarks.Harness;
using PlanTracker.Benchmarks.Infrastructure;
using PlanTracker.Core.Email;
using PlanTracker.Core.Features.Mail;

namespace PlanTracker.Benchmarks.Benchmarks;

/// <summary>
/// Issue 4: "the dispatcher sends at least 50 messages per second to a local SMTP server".
/// Candidate: the outbox dispatcher (DispatchOutbox through MediatR, the app's SMTP transport)
/// emptying a queue of reminder-like messages, batch after batch. Baseline: the same messages sent
/// by a plain System.Net.Mail SmtpClient loop to the same server, with no database at all. Both go
/// to the mail tests' aiosmtpd server on 127.0.0.1, which must have received every message.
/// </summary>
public sealed class DispatchBenchmark : IBenchmark
{
    public const double TargetPerSecond = 50;

    public string Name => "dispatch";
    public string Description => "outbox dispatcher vs a plain SmtpClient loop sending the same messages to a local SMTP server";

    public async Task<IReadOnlyList<Figure>> RunAsync(BenchContext context)
    {
        var (database, options, log) = context;
        using var smtp = new LocalSmtpServer();
        var mailOptions = new MailOptions { From = "plantracker@bench.local", Smtp = new SmtpOptions { Host = smtp.Host, Port = smtp.Port } };
        await using var services = database.Services(s =>
        {
            s.AddSingleton(mailOptions);
            s.AddSingleton<IMailTransport, MailKitTransport>();
        });
        var messages = Compose(options.Messages);
        log.WriteLine($"Dispatching {messages.Count:N0} messages (≈{messages.Average(m => m.Text.Length + m.Html.Length) / 1024:N1} KB of body each) to aiosmtpd on {smtp.Host}:{smtp.Port}");

        var baseline = new Side("SmtpClient loop",
            Prepare: () => { smtp.Clear(); return Task.CompletedTask; },
            Run: async () =>
            {
                using var client = new SmtpClient(smtp.Host, smtp.Port);
                foreach (var m in messages)
                {
                    using var mail = Raw(m, mailOptions);
                    await client.SendMailAsync(mail);
                }
                return messages.Count;
            },
            Cleanup: () => Check(smtp, messages.Count));

        var candidate = new Side("outbox dispatcher",
            Prepare: async () =>
            {
                smtp.Clear();
                await QueueAsync(database, messages);
            },
            Run: async () =>
            {
                long sent = 0;
                while (true)
                {
                    // One scope per batch, as each firing of the scheduled job gets.
                    await using var scope = services.CreateAsyncScope();
                    var batch = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new DispatchOutbox.Command());
                    if (batch.Failed > 0 || batch.Dead > 0) throw new InvalidOperationException($"The dispatcher failed to send: {batch}");
                    if (batch.Sent == 0) return sent;
                    sent += batch.Sent;
                }
            },
            Cleanup: () => Check(smtp, messages.Count));

        var result = await Comparison.RunAsync("dispatch", baseline, candidate, options.Warmup, options.Iterations, log);
        await ClearOutboxAsync(database);

        var candidateRate = messages.Count / (result.CandidateMedianMs / 1000);
        var baselineRate = messages.Count / (result.BaselineMedianMs / 1000);
        var met = candidateRate >= TargetPerSecond;
        log.WriteLine($"Dispatch: dispatcher {candidateRate:N0} msg/s, SmtpClient loop {baselineRate:N0} msg/s, " +
            $"time ratio {result.Ratio:N2} (target ≥ {TargetPerSecond} msg/s): {(met ? "met" : "NOT met")}");
        return
        [
            new Figure($"outbox dispatch, {messages.Count:N0} messages to aiosmtpd on 127.0.0.1",
                "dispatcher via MediatR", $"{candidateRate:N0} msg/s ({Figure.Ms(result.CandidateMedianMs)})",
                "plain SmtpClient loop", $"{baselineRate:N0} msg/s ({Figure.Ms(result.BaselineMedianMs)})",
                $"{result.Ratio:N2} (time)", $"≥ {TargetPerSecond} msg/s", met,
                $"{options.Iterations} rounds after {options.Warmup} warm-up; every message received by the server each round"),
        ];
    }

    private sealed record Message(string To, string Subject, string Text, string Html);

    /// <summary>Reminder-like mails: a Vietnamese subject, a table of one to eight tasks, text and HTML.</summary>
    private static List<Message> Compose(int count)
    {
        var r = new StableRandom(20_261_122, "dispatch");
        var asOf = new DateOnly(2026, 11, 16);
        var list = new List<Message>(count);
        for (var i = 0; i < count; i++)
        {
            var items = r.Between(1, 8);
            var mail = new MailComposer(r.Chance(0.95) ? "vi" : "en");
            mail.Paragraph(mail.Pick($"Các nhiệm vụ sau đến hạn trong thời gian tới (tính đến ngày {asOf:dd/MM/yyyy}):", $"These tasks are due soon (as of {asOf:dd/MM/yyyy}):"))
                .Table([mail.Pick("Nhiệm vụ", "Task"), mail.Pick("Kế hoạch", "Plan"), mail.Pick("Hạn", "Due"), mail.Pick("Vai trò", "Role")],
                    Enumerable.Range(0, items).Select(k => (IReadOnlyList<string>)
                    [
                        $"{VietnameseNames.Roman(1 + k % 5)}.{k + 1} {VietnameseNames.TaskTitle(r)}", $"Kế hoạch {100 + i % 50}/KH-UBND",
                        $"{asOf.AddDays(k):dd/MM/yyyy}", mail.Pick(k == 0 ? "chủ trì" : "phối hợp", k == 0 ? "lead" : "coordinating"),
                    ]))
                .Paragraph(mail.Pick("Đề nghị cập nhật tiến độ trên PlanTracker.", "Please record progress in PlanTracker."));
            var (text, html) = mail.Build();
            list.Add(new Message($"canbo{i + 1}@bench.plantracker.local", mail.Pick($"Nhắc hạn: {items} nhiệm vụ sắp đến hạn", $"Reminder: {items} task(s) due soon"), text, html));
        }
        return list;
    }

    /// <summary>The MIME message a plain program would build: both bodies, UTF-8 headers, a Message-ID.</summary>
    private static MailMessage Raw(Message m, MailOptions options)
    {
        var mail = new MailMessage
        {
            From = new MailAddress(options.From, options.FromName, Encoding.UTF8), Subject = m.Subject,
            SubjectEncoding = Encoding.UTF8, HeadersEncoding = Encoding.UTF8, BodyEncoding = Encoding.UTF8,
        };
        mail.To.Add(new MailAddress(m.To));
        mail.Headers.Add("Message-ID", $"<{Guid.NewGuid():N}@bench>");
        mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(m.Text, Encoding.UTF8, "text/plain"));
        mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(m.Html, Encoding.UTF8, "text/html"));
        return mail;
    }

    /// <summary>A fresh queue of the same messages, written as the app writes them (created now, due now).</summary>
    private static async Task QueueAsync(BenchDatabase database, List<Message> messages)
    {
        await ClearOutboxAsync(database);
        await using var connection = await database.OpenConnectionAsync();
        var now = DateTimeOffset.UtcNow.AddSeconds(-1);
        await using var copy = await CopyWriter.StartAsync(connection, "outbox_messages",
            "created_at", "kind", "to_address", "subject", "text_body", "html_body", "message_id", "state", "attempts", "next_attempt_at");
        foreach (var m in messages)
            copy.Row().Timestamp(now).Text("bench").Text(m.To).Text(m.Subject).Text(m.Text).Text(m.Html).Text($"<{Guid.NewGuid():N}@plantracker>")
                .Enum(OutboxState.Pending).Int(0).Timestamp(now);
        await copy.CompleteAsync();
    }

    private static async Task ClearOutboxAsync(BenchDatabase database)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand("TRUNCATE notification_log, outbox_attachments, outbox_messages", connection);
        await cmd.ExecuteNonQueryAsync();
    }

    private static Task Check(LocalSmtpServer smtp, int expected)
    {
        var received = smtp.Received;
        if (received != expected) throw new InvalidOperationException($"The SMTP server received {received} of {expected} messages.");
        return Task.CompletedTask;
    }
}
