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

/// <summary>
/// One bad message never stops the mail: each way a message can fail is recorded on it (attempts, reason,
/// next attempt, dead after the last), and the good ones queued around it are delivered in the same run.
/// At the dispatcher's level, through a real SMTP server, so the tests hold whatever client sends the mail.
/// </summary>
public sealed class OutboxFailureTests : IAsyncLifetime, IDisposable
{
    private const int MaxMessageBytes = 200_000;
    private readonly SmtpSink _smtp = new(maxMessageBytes: MaxMessageBytes);
    private readonly FixedTimeProvider _clock = new(new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero));
    private readonly string _pickup = Path.Combine(Path.GetTempPath(), "pickup-" + Guid.NewGuid().ToString("N"));
    private ServiceProvider _services = null!;

    public async Task InitializeAsync() => _services = TestDatabases.CoreServices(await TestDatabases.CreateAsync(seeded: false));

    public async Task DisposeAsync() => await _services.DisposeAsync();

    public void Dispose()
    {
        _smtp.Dispose();
        if (Directory.Exists(_pickup)) Directory.Delete(_pickup, recursive: true);
    }

    [Fact]
    public async Task Should_record_each_bad_message_with_its_reason_and_deliver_the_good_ones_around_it_in_the_same_run()
    {
        var good = new List<long>();
        var bad = new Dictionary<long, string>();
        async Task Good() => good.Add(await Insert($"Thư tốt {good.Count + 1}", "canbo@test.local"));
        await Good();
        bad[await Insert("Kế hoạch mới: Chuyển đổi số\r\nBcc: ke.xau@test.local", "canbo@test.local")] = "The subject contains a line break";
        await Good();
        bad[await Insert("Tiêu đề có \0 NUL", "canbo@test.local")] = "The subject contains a line break or a control character";
        await Good();
        bad[await Insert("Địa chỉ sai", "không phải địa chỉ")] = "Invalid recipient address";
        await Good();
        bad[await Insert("Chèn lệnh SMTP", "canbo@test.local>\r\nRCPT TO:<ke.xau@test.local")] = "Invalid recipient address";
        await Good();
        bad[await Insert("Mẫu không có", "canbo@test.local", template: "no-such-template", model: "{}")] = "No mail template is named 'no-such-template'";
        await Good();
        bad[await Insert("Mô hình sai", "canbo@test.local", template: "deadline-reminder", model: """{"culture": "vi-VN"}""")] =
            "Mail template 'deadline-reminder' could not render its model";
        await Good();
        bad[await Insert("Bị máy chủ từ chối", "rejected.canbo@test.local")] = "554";
        await Good();
        bad[await Insert("Mọi người nhận bị từ chối", "refused.a@test.local, refused.b@test.local")] = "Every recipient was refused";
        await Good();
        bad[await Insert("Thư quá lớn", "canbo@test.local", attachment: new byte[MaxMessageBytes])] = "552";
        await Good();
        bad[await Insert("Tên tệp xấu", "canbo@test.local", attachment: new byte[10], attachmentName: "du-thao\r\n.docx")] = "Invalid attachment name";
        await Good();

        var first = await Dispatch(new OutboxOptions { MaxAttempts = 2, Backoff = [TimeSpan.FromMinutes(1)] });

        Assert.Equal((good.Count, bad.Count, 0), (first.Sent, first.Failed, first.Dead));
        Assert.Equal(Enumerable.Range(1, good.Count).Select(i => $"Thư tốt {i}").Order(), _smtp.Messages().Select(m => m.Subject).Order());
        foreach (var (id, reason) in bad)
        {
            var row = await Row(id);
            Assert.Equal((OutboxState.Pending, 1, _clock.GetUtcNow().AddMinutes(1)), (row.State, row.Attempts, row.NextAttemptAt));
            Assert.Contains(reason, row.LastError);
            Assert.DoesNotContain('\n', row.LastError!); // one line on the administrators' outbox page
        }
        Assert.All(await Task.WhenAll(good.Select(Row)), row => Assert.Equal(OutboxState.Sent, row.State));

        _clock.Now = _clock.Now.AddMinutes(2);
        var second = await Dispatch(new OutboxOptions { MaxAttempts = 2, Backoff = [TimeSpan.FromMinutes(1)] });

        Assert.Equal((0, 0, bad.Count), (second.Sent, second.Failed, second.Dead));
        foreach (var (id, reason) in bad)
        {
            var row = await Row(id);
            Assert.Equal((OutboxState.Dead, 2), (row.State, row.Attempts));
            Assert.Contains(reason, row.LastError);
        }
        Assert.Equal(good.Count, _smtp.Messages().Count); // nothing bad slipped out on the second run, nothing good twice
    }

    [Fact]
    public async Task Should_give_up_on_a_server_that_hangs_on_one_message_and_deliver_the_next_over_a_new_connection()
    {
        var before = await Insert("Trước", "canbo@test.local");
        var hangs = await Insert("Máy chủ treo", "slow.canbo@test.local");
        var after = await Insert("Sau", "canbo@test.local");

        var started = System.Diagnostics.Stopwatch.StartNew();
        var result = await Dispatch(timeout: TimeSpan.FromSeconds(1));

        Assert.InRange(started.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(20)); // not the server's 30 s
        Assert.Equal((2, 1), (result.Sent, result.Failed));
        Assert.Equal(["Sau", "Trước"], _smtp.Messages().Select(m => m.Subject).Order());
        var row = await Row(hangs);
        Assert.Equal((OutboxState.Pending, 1), (row.State, row.Attempts));
        Assert.StartsWith("Timeout: ", row.LastError);
        Assert.Equal(OutboxState.Sent, (await Row(before)).State);
        Assert.Equal(OutboxState.Sent, (await Row(after)).State);
    }

    [Fact]
    public async Task Should_send_a_mail_whose_subject_was_composed_from_a_title_with_line_breaks()
    {
        // As publishing a plan composes it: the title as the user typed it, line break, tab and NUL included.
        using (var scope = _services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
            db.OutboxMessages.Add(new OutboxMessage("plan.published", "canbo@test.local", null, "Kế hoạch mới: Chuyển đổi số\r\nnăm 2027\t\0(đợt 1)  ",
                "Nội dung", null, _clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }

        var result = await Dispatch();

        Assert.Equal(1, result.Sent);
        Assert.Equal("Kế hoạch mới: Chuyển đổi số năm 2027 (đợt 1)", Assert.Single(_smtp.Messages()).Subject);
    }

    [Fact]
    public async Task Should_record_a_bad_message_and_write_the_good_ones_to_the_pickup_folder_when_no_server_is_configured()
    {
        var bad = await Insert("Tiêu đề\r\nxuống dòng", "canbo@test.local");
        var wrongAddress = await Insert("Địa chỉ sai", "canbo@@test.local");
        var good = await Insert("Thư tốt", "canbo@test.local");

        var result = await Dispatch(transport: new MailKitTransport(new MailOptions { PickupDirectory = _pickup }));

        Assert.Equal((1, 2), (result.Sent, result.Failed));
        var file = Assert.Single(Directory.GetFiles(_pickup));
        Assert.True(Guid.TryParse(Path.GetFileNameWithoutExtension(file), out _) && file.EndsWith(".eml"), file); // named as before
        using (var eml = await MimeKit.MimeMessage.LoadAsync(file))
        {
            Assert.Equal("Thư tốt", eml.Subject);
            Assert.Equal((await Row(good)).MessageId, $"<{eml.MessageId}>");
            Assert.Equal("Nội dung: Thư tốt", eml.TextBody!.TrimEnd());
        }
        Assert.Equal(OutboxState.Sent, (await Row(good)).State);
        Assert.Contains("The subject contains a line break", (await Row(bad)).LastError);
        Assert.Contains("Invalid recipient address", (await Row(wrongAddress)).LastError);
    }

    [Fact]
    public async Task Should_record_a_reply_that_is_not_SMTP_and_a_connection_cut_mid_message_and_deliver_the_rest_over_new_connections()
    {
        var before = await Insert("Trước", "canbo@test.local");
        var garbage = await Insert("Trả lời vô nghĩa", "garbage.canbo@test.local");   // MailKit: SmtpProtocolException
        var between = await Insert("Giữa", "canbo@test.local");
        var dropped = await Insert("Mất kết nối", "drop.canbo@test.local");          // MailKit: IOException / SmtpProtocolException
        var after = await Insert("Sau", "canbo@test.local");

        var result = await Dispatch();

        Assert.Equal((3, 2), (result.Sent, result.Failed));
        Assert.Equal(["Giữa", "Sau", "Trước"], _smtp.Messages().Select(m => m.Subject).Order());
        foreach (var id in new[] { garbage, dropped })
        {
            var row = await Row(id);
            Assert.Equal((OutboxState.Pending, 1, _clock.GetUtcNow().AddSeconds(30)), (row.State, row.Attempts, row.NextAttemptAt));
        }
        Assert.StartsWith("SMTP protocol: ", (await Row(garbage)).LastError);
        Assert.Matches("^(SMTP protocol|Connection): ", (await Row(dropped)).LastError);
        Assert.All(await Task.WhenAll(new[] { before, between, after }.Select(Row)), row => Assert.Equal(OutboxState.Sent, row.State));
    }

    [Fact]
    public async Task Should_record_a_message_handed_to_a_connection_the_server_has_closed_and_deliver_the_next_over_a_new_one()
    {
        var first = await Insert("Thư 1", "canbo@test.local");
        var second = await Insert("Thư 2", "canbo@test.local");
        var options = new MailOptions { Smtp = new SmtpOptions { Host = "127.0.0.1", Port = _smtp.Port } };

        var result = await Dispatch(transport: new ClosedFirstSession(new MailKitTransport(options)));

        Assert.Equal((1, 1), (result.Sent, result.Failed));
        var row = await Row(first);
        Assert.Equal((OutboxState.Pending, 1), (row.State, row.Attempts));
        Assert.StartsWith("Connection: ", row.LastError); // MailKit's ServiceNotConnectedException, recorded, not thrown
        Assert.Equal(OutboxState.Sent, (await Row(second)).State);
        Assert.Equal(["Thư 2"], _smtp.Messages().Select(m => m.Subject));
    }

    [Fact]
    public async Task Should_record_that_the_server_offers_no_STARTTLS_when_TLS_is_required()
    {
        var id = await Insert("Cần TLS", "canbo@test.local");
        var transport = new MailKitTransport(new MailOptions { Smtp = new SmtpOptions { Host = "127.0.0.1", Port = _smtp.Port, EnableTls = true } });

        var result = await Dispatch(transport: transport);

        Assert.Equal((0, 1), (result.Sent, result.Failed)); // MailKit's NotSupportedException: nothing sent in clear
        Assert.Empty(_smtp.Messages());
        var row = await Row(id);
        Assert.Equal((OutboxState.Pending, 1), (row.State, row.Attempts));
        Assert.Contains("STARTTLS", row.LastError);
    }

    /// <summary>The first session it opens has had its connection cut by the server before the dispatcher uses it.</summary>
    private sealed class ClosedFirstSession(IMailTransport inner) : IMailTransport
    {
        private bool _opened;

        public async Task<IMailSession> OpenSessionAsync(CancellationToken ct)
        {
            var session = await inner.OpenSessionAsync(ct);
            if (_opened) return session;
            _opened = true;
            var cut = new MailMessageData("drop.canbo@test.local", "cắt", "x", null, "<cut@plantracker>");
            await Assert.ThrowsAnyAsync<Exception>(() => session.SendAsync(cut, ct));
            Assert.False(session.IsConnected);
            return session;
        }
    }

    private async Task<DispatchOutbox.Result> Dispatch(OutboxOptions? options = null, TimeSpan? timeout = null, IMailTransport? transport = null)
    {
        transport ??= new MailKitTransport(new MailOptions
        {
            Smtp = new SmtpOptions { Host = "127.0.0.1", Port = _smtp.Port, Timeout = timeout ?? TimeSpan.FromSeconds(100) },
        });
        var handler = new DispatchOutbox.Handler(_services.GetRequiredService<NpgsqlDataSource>(), transport,
            _services.GetRequiredService<MailTemplates>(), options ?? new OutboxOptions(), _clock, NullLogger<DispatchOutbox.Handler>.Instance);
        return await handler.Handle(new DispatchOutbox.Command(), default);
    }

    /// <summary>A row as it may already stand in the table (written by an older version, or by SQL): nothing cleans it on the way in.</summary>
    private async Task<long> Insert(string subject, string to, string? template = null, string? model = null, byte[]? attachment = null,
        string attachmentName = "du-thao.docx")
    {
        subject = subject.Replace("\0", "\u0001"); // PostgreSQL text holds no NUL: the nearest control character
        await using var connection = await _services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO outbox_messages (created_at, kind, to_address, subject, text_body, template, model, message_id, state, attempts, next_attempt_at)
            VALUES ($1, 'test', $2, $3, $4, $5, $6::jsonb, $7, 'Pending', 0, $1)
            RETURNING id
            """, connection);
        cmd.Parameters.AddWithValue(_clock.GetUtcNow());
        cmd.Parameters.AddWithValue(to);
        cmd.Parameters.AddWithValue(subject);
        cmd.Parameters.AddWithValue(template is null ? $"Nội dung: {subject}" : DBNull.Value);
        cmd.Parameters.AddWithValue((object?)template ?? DBNull.Value);
        cmd.Parameters.AddWithValue((object?)model ?? DBNull.Value);
        cmd.Parameters.AddWithValue($"<{Guid.NewGuid():N}@plantracker>");
        var id = (long)(await cmd.ExecuteScalarAsync())!;
        if (attachment is not null)
        {
            await using var file = new NpgsqlCommand(
                "INSERT INTO outbox_attachments (outbox_message_id, file_name, content_type, content) VALUES ($1, $2, $3, $4)", connection);
            file.Parameters.AddWithValue(id);
            file.Parameters.AddWithValue(attachmentName);
            file.Parameters.AddWithValue(UrgingLetter.ContentType);
            file.Parameters.AddWithValue(attachment);
            await file.ExecuteNonQueryAsync();
        }
        return id;
    }

    private async Task<OutboxMessage> Row(long id)
    {
        using var scope = _services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>().OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }
}
