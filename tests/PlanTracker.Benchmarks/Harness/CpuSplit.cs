using PlanTracker.Benchmarks.Infrastructure;

namespace PlanTracker.Benchmarks.Harness;

/// <summary>
/// Where the CPU of one stretch of an HTTP benchmark went: the app's process, the PostgreSQL
/// server's processes (main process, backends, background workers) and everyone else's. Divided by
/// the requests made, the first two are the cost of a request that does not depend on how long it
/// waited for a core, the figure the issue's Redmine comparison puts side by side.
/// </summary>
public sealed class CpuSplit
{
    private readonly WebAppProcess _app;
    private readonly int? _server;
    private readonly TimeSpan _appBefore;
    private readonly long _serverBefore;
    private readonly OtherProcesses _others;

    private CpuSplit(WebAppProcess app, int? server)
    {
        _app = app;
        _server = server;
        _others = OtherProcesses.Start(server);
        _appBefore = app.CpuTime();
        _serverBefore = server is { } pid ? ProcessCpu.TreeTicks([pid]) : 0;
    }

    public static CpuSplit Start(WebAppProcess app, int? serverPid) => new(app, serverPid);

    public CpuPerRequest Stop(int requests)
    {
        var app = (_app.CpuTime() - _appBefore).TotalMilliseconds;
        var server = _server is { } pid ? (ProcessCpu.TreeTicks([pid]) - _serverBefore) * 1000 / ProcessCpu.TicksPerSecond : double.NaN;
        return new CpuPerRequest(app / requests, server / requests, _others.Stop());
    }
}

/// <summary>Milliseconds of CPU per request in the app and in PostgreSQL (NaN when the server is not on this machine), and the machine's share taken by others.</summary>
public sealed record CpuPerRequest(double AppMs, double ServerMs, CpuUse Machine)
{
    public override string ToString() =>
        $"CPU per request: app {AppMs:N1} ms, PostgreSQL {(double.IsNaN(ServerMs) ? "not measured (server elsewhere)" : $"{ServerMs:N1} ms")}; " +
        $"others {Machine.OthersShare:P0} of the machine";
}
