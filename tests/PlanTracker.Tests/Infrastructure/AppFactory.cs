using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PlanTracker.Tests.Infrastructure;

/// <summary>The real app (Program.cs) on its own seeded database clone, scheduler included.</summary>
internal static class CheckExtensions
{
    public static void ShouldBeTrue(this bool value, string what)
    {
        if (!value) throw new InvalidOperationException("Test set-up failed: " + what);
    }
}

public class AppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private string _connectionString = "";
    public string EvidenceDirectory { get; } = Path.Combine(Path.GetTempPath(), "plantracker-evidence-" + Guid.NewGuid().ToString("N"));
    public FixedTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero));

    /// <summary>Settings over the defaults below, set before the app starts (a database of the test's own: ConnectionStrings:PlanTracker).</summary>
    public Dictionary<string, string> Settings { get; } = [];

    public async Task InitializeAsync()
    {
        if (!Settings.ContainsKey("ConnectionStrings:PlanTracker")) _connectionString = await TestDatabases.CreateAsync(seeded: true);
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:PlanTracker", _connectionString);
        builder.UseSetting("Seed:Load", "false");
        builder.UseSetting("Evidence:Directory", EvidenceDirectory);
        builder.UseSetting("Mail:PickupDirectory", Path.Combine(EvidenceDirectory, "mail"));
        builder.UseSetting("Reports:Directory", Path.Combine(EvidenceDirectory, "reports"));
        // Every test client comes from one address; the per-address sign-in limit is proved in SignInLimitTests.
        builder.UseSetting("SignIn:PerAddressPerMinute", "100000");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    public async Task<HttpClient> ClientForAsync(string email, string password = TestDatabases.DemoPassword)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenBody>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    /// <summary>Creates an account the seed does not have (another agency's officer, say) and signs it in.</summary>
    public async Task<HttpClient> ClientForNewUserAsync(string email, string role, string agencyKey)
    {
        await using (var scope = Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PlanTracker.Core.Domain.AppUser>>();
            var db = scope.ServiceProvider.GetRequiredService<PlanTracker.Core.Persistence.PlanTrackerDbContext>();
            if (await users.FindByEmailAsync(email) is null)
            {
                var agencyId = db.Agencies.Single(a => a.Key == agencyKey).Id;
                var user = new PlanTracker.Core.Domain.AppUser { UserName = email, Email = email, DisplayName = email, AgencyId = agencyId };
                (await users.CreateAsync(user, TestDatabases.DemoPassword)).Succeeded.ShouldBeTrue(email);
                (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue(role);
            }
        }
        return await ClientForAsync(email);
    }

    public long TaskId(string planKey, string code)
    {
        using var scope = Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<PlanTracker.Core.Persistence.PlanTrackerDbContext>()
            .Tasks.Single(t => t.Plan.Key == planKey && t.Code == code).Id;
    }

    private sealed record TokenBody(string AccessToken, DateTimeOffset ExpiresAt);
}
