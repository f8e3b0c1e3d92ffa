using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PlanTracker.Core.Email;
using PlanTracker.Core.Features.Mail;
using PlanTracker.Core.Persistence;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Mail;

/// <summary>
/// The outbox against a server that requires STARTTLS and then AUTH (aiosmtpd with a certificate
/// made here, as a province's own CA would issue it): delivered when the certificate is trusted and
/// the credentials right; otherwise the mail waits in the outbox, with the reason on record.
/// </summary>
public sealed class SmtpSecurityTests : IAsyncLifetime, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("smtp-tls-").FullName;
    private readonly FixedTimeProvider _clock = new(new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero));
    private SmtpSink _smtp = null!;
    private ServiceProvider _services = null!;

    private string Certificate => Path.Combine(_folder, "server.pem");

    public async Task InitializeAsync()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        await File.WriteAllTextAsync(Certificate, certificate.ExportCertificatePem());
        await File.WriteAllTextAsync(Path.Combine(_folder, "server.key"), key.ExportPkcs8PrivateKeyPem());
        _smtp = new SmtpSink(tls: (Certificate, Path.Combine(_folder, "server.key")), login: ("thu-dien-tu", "Mật-khẩu 2026"));
        _services = TestDatabases.CoreServices(await TestDatabases.CreateAsync(seeded: false));
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    public void Dispose()
    {
        _smtp.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Should_deliver_over_STARTTLS_with_AUTH_when_the_certificate_is_trusted()
    {
        var id = await QueueAsync();

        var result = await DispatchAsync(new SmtpOptions { EnableTls = true, TrustedCertificatePath = Certificate, UserName = "thu-dien-tu", Password = "Mật-khẩu 2026" });

        Assert.Equal(1, result.Sent);
        var mail = Assert.Single(_smtp.Messages());
        Assert.Equal("Nhắc hạn qua kênh mã hoá", mail.Subject);
        Assert.Equal(OutboxState.Sent, (await RowAsync(id)).State);
    }

    [Theory]
    [InlineData(false, "Mật-khẩu 2026", "certificate")] // the server's certificate is not trusted: nothing is said to it
    [InlineData(true, "sai mật khẩu", "535")]           // wrong password: refused
    [InlineData(null, "Mật-khẩu 2026", "EnableTls")]    // no TLS although the server offers AUTH only inside it
    public async Task Should_keep_the_mail_queued_with_the_reason_when_the_secure_session_fails(bool? trust, string password, string reason)
    {
        var id = await QueueAsync();

        var result = await DispatchAsync(new SmtpOptions
        {
            EnableTls = trust is not null, TrustedCertificatePath = trust == true ? Certificate : null, UserName = "thu-dien-tu", Password = password,
        });

        Assert.Equal((0, 1), (result.Sent, result.Failed));
        Assert.Empty(_smtp.Messages());
        var row = await RowAsync(id);
        Assert.Equal((OutboxState.Pending, 1), (row.State, row.Attempts));
        Assert.Contains(reason, row.LastError, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Should_refuse_a_server_certificate_that_does_not_chain_to_the_configured_CA()
    {
        // Another province's CA (a certificate for the same name, but not the server's): trusting one CA is not trusting all.
        // Valid around the machine's clock, like the server's certificate: TLS checks it against the real clock, not the app's.
        using var otherKey = RSA.Create(2048);
        using var other = new CertificateRequest("CN=127.0.0.1", otherKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var otherPath = Path.Combine(_folder, "other-ca.pem");
        await File.WriteAllTextAsync(otherPath, other.ExportCertificatePem());
        var id = await QueueAsync();

        var result = await DispatchAsync(new SmtpOptions { EnableTls = true, TrustedCertificatePath = otherPath, UserName = "thu-dien-tu", Password = "Mật-khẩu 2026" });

        Assert.Equal((0, 1), (result.Sent, result.Failed));
        Assert.Empty(_smtp.Messages());
        var row = await RowAsync(id);
        Assert.StartsWith("TLS: ", row.LastError); // MailKit's SslHandshakeException
        Assert.Contains("certificate", row.LastError);
    }

    [Fact]
    public async Task Should_name_the_setting_and_stop_the_batch_when_the_server_wants_STARTTLS_before_any_mail()
    {
        var first = await QueueAsync();
        var second = await QueueAsync();

        var result = await DispatchAsync(new SmtpOptions()); // neither TLS nor credentials: the server answers 530 to MAIL FROM

        Assert.Equal((0, 1), (result.Sent, result.Failed)); // every message would get the same answer: the back-off waits
        Assert.Empty(_smtp.Messages());
        var row = await RowAsync(first);
        Assert.Equal((OutboxState.Pending, 1), (row.State, row.Attempts));
        Assert.Contains("Mail:Smtp:EnableTls", row.LastError);
        Assert.Equal(0, (await RowAsync(second)).Attempts);
    }

    private async Task<DispatchOutbox.Result> DispatchAsync(SmtpOptions smtp)
    {
        smtp.Host = "127.0.0.1";
        smtp.Port = _smtp.Port;
        var transport = new MailKitTransport(new MailOptions { Smtp = smtp });
        var handler = new DispatchOutbox.Handler(_services.GetRequiredService<NpgsqlDataSource>(), transport,
            _services.GetRequiredService<MailTemplates>(), new OutboxOptions(), _clock, NullLogger<DispatchOutbox.Handler>.Instance);
        return await handler.Handle(new DispatchOutbox.Command(), default);
    }

    private async Task<long> QueueAsync()
    {
        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
        var message = new OutboxMessage("test", "canbo@test.local", null, "Nhắc hạn qua kênh mã hoá", "Nội dung.", null, _clock.GetUtcNow());
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }

    private async Task<OutboxMessage> RowAsync(long id)
    {
        using var scope = _services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>().OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }
}
