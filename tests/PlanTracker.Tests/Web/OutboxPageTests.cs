using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PlanTracker.Core.Email;
using PlanTracker.Core.Persistence;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Web;

/// <summary>
/// The Outbox page: states, pages, a preview that never lets a message's markup run in the page,
/// and an administrator's requeue of a dead message. Messages here are Sent or Dead, or due in
/// the future, so that the test app's own dispatcher leaves them alone.
/// </summary>
public sealed class OutboxPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Secretariat = "thuongtruc@plantracker.local";
    private const string Admin = "admin@plantracker.local";

    [Fact]
    public async Task Should_preview_a_message_with_its_markup_escaped_and_its_HTML_only_in_a_sandboxed_frame()
    {
        var id = await Insert("Dead", subject: "<script>alert('subject')</script> Nhắc hạn", text: "<b>đậm</b> & thường",
            html: "<p onclick=\"steal()\">Xin chào</p><script>alert('html')</script><img src=\"https://tracker.example/p.gif\">");
        var client = await PageClient.SignInAsync(app, Secretariat);

        var response = await client.GetAsync($"/Admin/Outbox/{id}");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>", page);
        Assert.DoesNotContain("<p onclick", page);
        Assert.Contains("&lt;script&gt;alert(&#x27;subject&#x27;)&lt;/script&gt; Nhắc hạn", page);
        Assert.Contains("&lt;b&gt;đậm&lt;/b&gt; &amp; thường", page);
        Assert.Contains("sandbox=\"\"", page);
        Assert.Contains("srcdoc=\"&lt;p onclick=&quot;steal()&quot;&gt;Xin chào&lt;/p&gt;&lt;script&gt;alert(&#x27;html&#x27;)&lt;/script&gt;", page);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy);
        Assert.Contains("img-src 'self' data:", policy); // the tracking image stays out
    }

    [Fact]
    public async Task Should_filter_by_state_and_page_through_a_state_newest_first()
    {
        var sent = new List<long>();
        for (var i = 0; i < 55; i++) sent.Add(await Insert("Sent", subject: $"Đã gửi số {i}"));
        var dead = await Insert("Dead", subject: "Không tới được hộp thư");
        var client = await PageClient.SignInAsync(app, Secretariat);

        var first = await client.GetStringAsync("/Admin/Outbox?State=Sent");
        var next = System.Text.RegularExpressions.Regex.Match(first, "href=\"(/Admin/Outbox\\?State=Sent&amp;Before=\\d+)\"").Groups[1].Value;
        var second = await client.GetStringAsync(WebUtility.HtmlDecode(next));
        var deadOnly = await client.GetStringAsync("/Admin/Outbox?State=Dead");

        Assert.Contains($"href=\"/Admin/Outbox/{sent[^1]}\"", first); // the newest first
        Assert.DoesNotContain($"href=\"/Admin/Outbox/{sent[4]}\"", first);
        Assert.DoesNotContain($"href=\"/Admin/Outbox/{dead}\"", first);
        Assert.Contains($"href=\"/Admin/Outbox/{sent[4]}\"", second);
        Assert.Contains($"href=\"/Admin/Outbox/{sent[0]}\"", second);
        Assert.DoesNotContain($"href=\"/Admin/Outbox/{sent[^1]}\"", second);
        Assert.Contains($"href=\"/Admin/Outbox/{dead}\"", deadOnly);
        Assert.DoesNotContain($"href=\"/Admin/Outbox/{sent[0]}\"", deadOnly);
        Assert.Contains("thư không gửi được sau nhiều lần thử", deadOnly); // dead mail is announced
    }

    [Fact]
    public async Task Should_let_an_administrator_requeue_a_dead_message_and_refuse_the_secretariat()
    {
        var id = await Insert("Dead", subject: "Máy chủ thư từ chối");
        var admin = await PageClient.SignInAsync(app, Admin);
        var secretariat = await PageClient.SignInAsync(app, Secretariat);
        var adminPage = await admin.GetStringAsync($"/Admin/Outbox/{id}");
        var secretariatPage = await secretariat.GetStringAsync($"/Admin/Outbox/{id}");

        var withToken = await secretariat.GetStringAsync("/Account/Login"); // the secretariat's page offers no requeue form
        var refused = await secretariat.PostAsync($"/Admin/Outbox/{id}?handler=Requeue", PageClient.Form(withToken, new()));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(OutboxState.Dead, (await Row(id)).State);
        Assert.DoesNotContain("Gửi lại", secretariatPage);

        var done = await admin.PostAsync($"/Admin/Outbox/{id}?handler=Requeue", PageClient.Form(adminPage, new()));

        Assert.Contains("Thư đã được đưa lại vào hàng đợi gửi.", await done.Content.ReadAsStringAsync());
        var row = await Row(id);
        Assert.Equal(0, row.Attempts);
        Assert.NotEqual(OutboxState.Dead, row.State); // Pending, or already Sent by the test app's dispatcher
        Assert.Equal($"<{id}-requeue@test>", row.MessageId);
    }

    private async Task<long> Insert(string state, string subject, string text = "Nội dung", string? html = null)
    {
        using var scope = app.Services.CreateScope();
        var source = scope.ServiceProvider.GetRequiredService<NpgsqlDataSource>();
        await using var cmd = source.CreateCommand("""
            INSERT INTO outbox_messages (created_at, kind, to_address, user_id, subject, text_body, html_body, message_id, state, attempts, next_attempt_at, sent_at, last_error)
            VALUES (now(), 'test', 'canbo.noivu@plantracker.local', (SELECT id FROM users WHERE email = 'canbo.noivu@plantracker.local'), $1, $2, $3, 'tmp-' || gen_random_uuid(), $4, 8, now() + interval '1 day',
                    CASE WHEN $4 = 'Sent' THEN now() END, CASE WHEN $4 = 'Dead' THEN '550 mailbox unavailable' END)
            RETURNING id
            """);
        cmd.Parameters.AddWithValue(subject);
        cmd.Parameters.AddWithValue(text);
        cmd.Parameters.AddWithValue((object?)html ?? DBNull.Value);
        cmd.Parameters.AddWithValue(state);
        var id = (long)(await cmd.ExecuteScalarAsync())!;
        await using var named = source.CreateCommand("UPDATE outbox_messages SET message_id = '<' || id || '-requeue@test>' WHERE id = $1");
        named.Parameters.AddWithValue(id);
        await named.ExecuteNonQueryAsync();
        return id;
    }

    private async Task<OutboxMessage> Row(long id)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>().OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }
}
