using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PlanTracker.Tests.Infrastructure;

/// <summary>The real app (Program.cs) on its own seeded database clone, scheduler included.</summary>
public sealed class AppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private string _connectionString = "";
    public FixedTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync() => _connectionString = await TestDatabases.CreateAsync(seeded: true);

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:PlanTracker", _connectionString);
        builder.UseSetting("Seed:Load", "false");
        builder.ConfigureServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    public async Task<HttpClient> ClientForAsync(string email)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = TestDatabases.DemoPassword });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenBody>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    private sealed record TokenBody(string AccessToken, DateTimeOffset ExpiresAt);
}
