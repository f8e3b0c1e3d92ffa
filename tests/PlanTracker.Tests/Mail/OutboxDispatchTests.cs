using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PlanTracker.Core.Email;
using PlanTracker.Core.Features.Mail;
using PlanTracker.Core.Persistence;
using PlanTracker.Core.Reporting;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Mail;

/// <summary>The outbox delivered to a real SMTP server: Vietnamese intact, nothing lost while the server is down.</summary>
public sealed class OutboxDispatchTests : IAsyncLifetime, IDisposable
{
    private readonly SmtpSink _smtp = new();
    private readonly FixedTimeProvider _clock = new(new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero));
    private ServiceProvider _services = null!;

    public async Task InitializeAsync() => _services = TestDatabases.CoreServices(await TestDatabases.CreateAsync(seeded: false));

    public async Task DisposeAsync() => await _services.DisposeAsync();

    public void Dispose() => _smtp.Dispose();

    [Fact]
    public async Task Should_deliver_Vietnamese_subject_and_both_bodies_with_the_stored_Message_ID()
    {
        var id = await Queue("Nhắc hạn: 3 nhiệm vụ đến hạn trong 7 ngày", "Kính gửi Sở Nội vụ,\r\nNhiệm vụ III.5.a còn 7 ngày.", "<p>Nhiệm vụ <b>III.5.a</b> còn 7 ngày.</p>");

        var result = await Dispatch();

        Assert.Equal(1, result.Sent);
        var mail = Assert.Single(_smtp.Messages());
        Assert.Equal("Nhắc hạn: 3 nhiệm vụ đến hạn trong 7 ngày", mail.Subject);
        Assert.Equal("Kính gửi Sở Nội vụ,\nNhiệm vụ III.5.a còn 7 ngày.", mail.Text!.Replace("\r\n", "\n").TrimEnd());
        Assert.Contains("Nhiệm vụ <b>III.5.a</b> còn 7 ngày.", mail.Html);
        Assert.Equal(await MessageId(id), mail.MessageId);
        Assert.Equal(OutboxState.Sent, await State(id));
    }

    [Fact]
    public async Task Should_render_a_mail_queued_as_template_and_model_and_deliver_it_to_every_accepted_officer()
    {
        // As the reminder job queues it: one message to an agency's officers, the bodies rendered when it is sent.
        var id = await QueueTemplated("canbo1@test.local, refused.canbo2@test.local, canbo3@test.local", """
            {"asOf": "2016-12-17", "culture": "vi-VN", "items": [
              {"task": 7, "code": "II.2.c-8", "title": "Xây dựng cơ sở dữ liệu cán bộ", "plan": "Kế hoạch 36a", "dueOn": "2016-12-31", "lead": true}]}
            """);

        var result = await Dispatch();

        Assert.Equal(1, result.Sent);
        var mail = Assert.Single(_smtp.Messages());
        Assert.Equal(["canbo1@test.local", "canbo3@test.local"], mail.To);
        Assert.Contains("II.2.c-8 Xây dựng cơ sở dữ liệu cán bộ | Kế hoạch 36a | 31/12/2016 (còn 14 ngày) | chủ trì", mail.Text);
        Assert.Contains("<td>chủ trì</td>", mail.Html);
        Assert.Contains("\n  http://127.0.0.1:5080/Tasks/7", mail.Text); // the task the reminder is about, clickable in HTML
        Assert.Contains("<a href=\"http://127.0.0.1:5080/Tasks/7\">II.2.c-8 Xây dựng cơ sở dữ liệu cán bộ</a>", mail.Html);
        var row = await Row(id);
        Assert.Equal(OutboxState.Sent, row.State);
        Assert.Equal(mail.MessageId, row.MessageId);
        Assert.StartsWith("Refused: refused.canbo2@test.local: ", row.LastError); // on record for the admins, the others served
    }

    [Fact]
    public async Task Should_keep_a_mail_every_recipient_of_which_is_refused_for_a_later_attempt()
    {
        var id = await QueueTemplated("refused.a@test.local, refused.b@test.local",
            """{"asOf": "2016-12-17", "culture": "en-US", "items": []}""");

        var result = await Dispatch();

        Assert.Equal((0, 1), (result.Sent, result.Failed));
        Assert.Empty(_smtp.Messages());
        var row = await Row(id);
        Assert.Equal((OutboxState.Pending, 1), (row.State, row.Attempts));
        Assert.Contains("Every recipient was refused", row.LastError);
    }

    [Fact]
    public async Task Should_deliver_attachments_stored_with_the_message()
    {
        var letter = new byte[3000];
        Random.Shared.NextBytes(letter);
        var id = await Queue("Danh sách cơ quan chưa gửi báo cáo", "Kèm dự thảo công văn.", null,
            ("Cong-van-don-doc-so-y-te.docx", letter), ("Cong-van-don-doc-so-tai-chinh.docx", letter[..100]));

        await Dispatch();

        var mail = Assert.Single(_smtp.Messages());
        Assert.Equal([new SmtpSink.ReceivedFile("Cong-van-don-doc-so-y-te.docx", 3000), new SmtpSink.ReceivedFile("Cong-van-don-doc-so-tai-chinh.docx", 100)],
            mail.Attachments!);
        Assert.Equal("Kèm dự thảo công văn.", mail.Text!.TrimEnd());
        Assert.Equal(OutboxState.Sent, await State(id));
    }

    [Fact]
    public async Task Should_deliver_a_batch_over_one_connection_with_long_subjects_and_text_only_bodies_intact()
    {
        // Longer than one RFC 2047 encoded word (75 characters): the subject is folded into several and must read back whole.
        const string subject = "Nhắc hạn: 12 nhiệm vụ của Sở Thông tin và Truyền thông tỉnh Vĩnh Phúc sắp đến hạn trong tuần này (Quý IV/2026)";
        var ids = new List<long>();
        for (var i = 1; i <= 5; i++) ids.Add(await Queue($"{subject} #{i}", $"Thư số {i}.\r\n. Dòng bắt đầu bằng dấu chấm.", i % 2 == 0 ? $"<p>Thư số {i}</p>" : null));

        var result = await Dispatch();

        Assert.Equal(5, result.Sent);
        var received = _smtp.Messages().OrderBy(m => m.Subject).ToList();
        Assert.Equal(Enumerable.Range(1, 5).Select(i => $"{subject} #{i}"), received.Select(m => m.Subject));
        Assert.All(received, m => Assert.Contains(". Dòng bắt đầu bằng dấu chấm.", m.Text));
        Assert.Null(received[0].Html);
        Assert.Equal("<p>Thư số 2</p>", received[1].Html!.Trim());
        Assert.Equal((await Task.WhenAll(ids.Select(MessageId))).Order(), received.Select(m => m.MessageId).Order());
    }

    [Fact]
    public async Task Should_keep_messages_while_the_server_is_down_and_deliver_them_when_it_returns()
    {
        var first = await Queue("Thư 1", "một", null);
        var second = await Queue("Thư 2", "hai", null);
        _smtp.Stop();

        var down = await Dispatch();

        Assert.Equal((0, 1), (down.Sent, down.Failed)); // the first failure stops the batch: the server is down for all
        Assert.Equal(OutboxState.Pending, await State(first));
        _smtp.Start();
        _clock.Now = _clock.Now.AddMinutes(1); // past the first back-off

        var up = await Dispatch();

        Assert.Equal(2, up.Sent);
        Assert.Equal(["Thư 1", "Thư 2"], _smtp.Messages().Select(m => m.Subject).Order());
        Assert.Equal(OutboxState.Sent, await State(second));
    }

    [Fact]
    public async Task Should_set_a_message_aside_as_dead_after_the_last_attempt()
    {
        var id = await Queue("Không gửi được", "x", null);
        _smtp.Stop();
        var options = new OutboxOptions { MaxAttempts = 3, Backoff = [TimeSpan.FromSeconds(1)] };

        for (var i = 0; i < 3; i++)
        {
            await Dispatch(options);
            _clock.Now = _clock.Now.AddSeconds(2);
        }

        Assert.Equal(OutboxState.Dead, await State(id));
    }

    [Fact]
    public async Task Should_deliver_mail_queued_by_the_previous_version_once_with_its_Message_ID()
    {
        // As the hand-written SMTP client left the table: one retrying after a dropped connection, one sent, one dead.
        var retrying = await QueueAsOld("Thư đang chờ gửi lại", "Pending", 2, "Connection: The SMTP server closed the connection.");
        var sent = await QueueAsOld("Thư đã gửi", "Sent", 1, null);
        var dead = await QueueAsOld("Thư đã bỏ", "Dead", 8, "SMTP server answered 550 5.1.1 No such mailbox");

        var first = await Dispatch();
        var again = await Dispatch();

        Assert.Equal((1, 0, 0), (first.Sent, first.Failed, first.Dead));
        Assert.Equal((0, 0, 0), (again.Sent, again.Failed, again.Dead));
        var mail = Assert.Single(_smtp.Messages()); // nothing sent twice, nothing sent that was done
        Assert.Equal("Thư đang chờ gửi lại", mail.Subject);
        var row = await Row(retrying);
        Assert.Equal((OutboxState.Sent, 3, row.MessageId), (row.State, row.Attempts, mail.MessageId));
        Assert.Null(row.LastError);
        Assert.Equal(OutboxState.Sent, await State(sent));
        Assert.Equal(OutboxState.Dead, await State(dead));
    }

    private async Task<long> QueueAsOld(string subject, string state, int attempts, string? lastError)
    {
        await using var connection = await _services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO outbox_messages (created_at, kind, to_address, subject, text_body, html_body, message_id, state, attempts,
                next_attempt_at, last_error, sent_at)
            VALUES ($1, 'plan.published', 'canbo@test.local', $2, 'Nội dung.', '<p>Nội dung.</p>', $3, $4, $5, $1, $6,
                CASE WHEN $4 = 'Sent' THEN $1 END)
            RETURNING id
            """, connection);
        cmd.Parameters.AddWithValue(_clock.GetUtcNow().AddHours(-1));
        cmd.Parameters.AddWithValue(subject);
        cmd.Parameters.AddWithValue($"<{Guid.NewGuid():N}@plantracker>");
        cmd.Parameters.AddWithValue(state);
        cmd.Parameters.AddWithValue(attempts);
        cmd.Parameters.AddWithValue((object?)lastError ?? DBNull.Value);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private async Task<DispatchOutbox.Result> Dispatch(OutboxOptions? options = null)
    {
        var transport = new MailKitTransport(new MailOptions { Smtp = new SmtpOptions { Host = "127.0.0.1", Port = _smtp.Port } });
        var handler = new DispatchOutbox.Handler(_services.GetRequiredService<NpgsqlDataSource>(), transport,
            _services.GetRequiredService<MailTemplates>(), options ?? new OutboxOptions(), _clock,
            NullLogger<DispatchOutbox.Handler>.Instance);
        return await handler.Handle(new DispatchOutbox.Command(), default);
    }

    private async Task<long> Queue(string subject, string text, string? html, params (string Name, byte[] Content)[] files)
    {
        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
        var message = new OutboxMessage("test", "canbo@test.local", null, subject, text, html, _clock.GetUtcNow());
        foreach (var (name, content) in files) message.Attach(name, UrgingLetter.ContentType, content);
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }

    private async Task<long> QueueTemplated(string to, string model)
    {
        await using var connection = await _services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO outbox_messages (created_at, kind, to_address, subject, template, model, message_id, state, attempts, next_attempt_at)
            VALUES ($1, 'deadline-reminders', $2, 'Nhắc hạn: 1 nhiệm vụ sắp đến hạn', 'deadline-reminder', $3::jsonb, $4, 'Pending', 0, $1)
            RETURNING id
            """, connection);
        cmd.Parameters.AddWithValue(_clock.GetUtcNow());
        cmd.Parameters.AddWithValue(to);
        cmd.Parameters.AddWithValue(model);
        cmd.Parameters.AddWithValue($"<{Guid.NewGuid():N}@plantracker>");
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private async Task<OutboxState> State(long id) => (await Row(id)).State;
    private async Task<string> MessageId(long id) => (await Row(id)).MessageId;

    private async Task<OutboxMessage> Row(long id)
    {
        using var scope = _services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>().OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }
}
