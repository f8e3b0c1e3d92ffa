using System.Net;
using System.Net.Http.Json;
using Npgsql;
using PlanTracker.Tests.Infrastructure;
using PlanTracker.Tests.Reliability;
using PlanTracker.Web.Hosting;

namespace PlanTracker.Tests.Mail;

/// <summary>Links in mails start with the address the app was started on when Mail__PublicUrl is not set (issue 16, item 10).</summary>
[Collection(SeparateProcesses.Name)]
public sealed class MailPublicAddressTests
{
    [Fact]
    public async Task Should_link_to_the_port_the_app_was_started_on_when_no_public_address_is_configured()
    {
        var connectionString = await TestDatabases.CreateAsync(seeded: true);
        using var node = PlanTrackerProcess.Start(connectionString, new Dictionary<string, string> { ["Scheduler__Enabled"] = "false" });
        await node.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        using var http = new HttpClient { BaseAddress = node.BaseAddress };
        // A Host header the client chose must not become the mails' address.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/password-reset")
        {
            Content = JsonContent.Create(new { email = "canbo.noivu@plantracker.local" }),
        };
        request.Headers.Host = "ke-gia-mao.example:9999";

        var response = await http.SendAsync(request);

        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT coalesce(text_body, '') || coalesce(html_body, '') FROM outbox_messages WHERE to_address = 'canbo.noivu@plantracker.local' ORDER BY id DESC LIMIT 1", connection);
        var body = (string)(await cmd.ExecuteScalarAsync())!;
        Assert.Contains($"http://127.0.0.1:{node.Port}/Account/ResetPassword?uid=", body);
        Assert.DoesNotContain("5080", body);
        Assert.DoesNotContain("ke-gia-mao", body);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5181", "http://127.0.0.1:5181")]
    [InlineData("http://0.0.0.0:8080", "http://may-chu:8080")]
    [InlineData("http://[::]:8080", "http://may-chu:8080")]
    [InlineData("http://+:80", "http://may-chu")]
    [InlineData("http://127.0.0.1:5080;https://ke-hoach.vinhphuc.gov.vn:8443", "https://ke-hoach.vinhphuc.gov.vn:8443")]
    public void Should_pick_the_address_others_can_reach_from_the_bound_ones(string bound, string expected) =>
        Assert.Equal(expected, PublicAddress.From(bound.Split(';'), "may-chu"));
}
