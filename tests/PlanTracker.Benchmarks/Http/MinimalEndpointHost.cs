using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using PlanTracker.Benchmarks.Infrastructure;

namespace PlanTracker.Benchmarks.Http;

/// <summary>
/// The bare ASP.NET Core + Npgsql host the HTTP benchmarks' baselines run on: a slim minimal API on its own
/// Kestrel (127.0.0.1, in this process) with one data source; each baseline maps its one endpoint.
/// </summary>
public sealed class MinimalEndpointHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly NpgsqlDataSource _data;

    private MinimalEndpointHost(WebApplication app, NpgsqlDataSource data, Uri address)
    {
        _app = app;
        _data = data;
        BaseAddress = address;
    }

    public Uri BaseAddress { get; }

    public static async Task<MinimalEndpointHost> StartAsync(string connectionString, Action<WebApplication, NpgsqlDataSource> map)
    {
        var port = WebAppProcess.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var data = NpgsqlDataSource.Create(connectionString);
        map(app, data);
        await app.StartAsync();
        return new MinimalEndpointHost(app, data, new Uri($"http://127.0.0.1:{port}"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _data.DisposeAsync();
    }
}
