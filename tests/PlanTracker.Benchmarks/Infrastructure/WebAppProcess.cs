using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PlanTracker.Benchmarks.Infrastructure;

/// <summary>
/// The real PlanTracker web app in its own OS process: the Release build of PlanTracker.Web.dll
/// (built with this project, which references it without using its code), Kestrel on a free port
/// of 127.0.0.1, configured only through environment variables as in production, on the
/// benchmark's database. Its resident memory is read from /proc/&lt;pid&gt;/status. Disposing kills it.
/// </summary>
public sealed class WebAppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _scratch;
    private readonly ConcurrentQueue<string> _output = new();

    private WebAppProcess(Process process, int port, string scratch)
    {
        _process = process;
        _scratch = scratch;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Environment variables of the benchmark with this prefix are passed to the app without it.</summary>
    public const string AppPrefix = "PLANTRACKER_APP_";

    public Uri BaseAddress { get; }
    public int ProcessId => _process.Id;

    /// <summary>The last lines the app wrote, for an error message.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>src/PlanTracker.Web/bin/&lt;configuration&gt;/&lt;framework&gt;: the same configuration as this program's build.</summary>
    public static string WebDirectory { get; } = Path.Combine(RepoPaths.Root, "src", "PlanTracker.Web", "bin",
        new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, new DirectoryInfo(AppContext.BaseDirectory).Name);

    /// <summary>
    /// Starts the app and waits until /health/ready answers. No seed is loaded and the scheduler
    /// runs as in production (its jobs keep their daily times unless <paramref name="settings"/> changes them).
    /// </summary>
    public static async Task<WebAppProcess> StartAsync(string connectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        var dll = Path.Combine(WebDirectory, "PlanTracker.Web.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"{dll} is missing: build with `dotnet build PlanTracker.sln -c Release`.");
        var port = FreePort();
        var scratch = Path.Combine(Path.GetTempPath(), "plantracker-bench-app-" + Guid.NewGuid().ToString("N"));
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        var psi = new ProcessStartInfo(dotnet, [dll])
        {
            WorkingDirectory = WebDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        psi.Environment["ConnectionStrings__PlanTracker"] = connectionString;
        psi.Environment["Urls"] = $"http://127.0.0.1:{port}";
        psi.Environment["Seed__Load"] = "false";
        psi.Environment["SignIn__PerAddressPerMinute"] = "100000"; // every simulated user signs in from 127.0.0.1
        psi.Environment["Mail__PickupDirectory"] = Path.Combine(scratch, "mail");
        psi.Environment["Evidence__Directory"] = Path.Combine(scratch, "evidence");
        psi.Environment["Reports__Directory"] = Path.Combine(scratch, "reports");
        psi.Environment["DOTNET_ENVIRONMENT"] = "Production";
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // Request logging at Information would measure the console, not the app.
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) psi.Environment[key] = value;
        // PLANTRACKER_APP_<NAME>=<value> in the benchmark's environment sets <NAME> for the app alone, so a runtime
        // setting (DOTNET_gcServer, DOTNET_ThreadPool_UnfairSemaphoreSpinLimit) can be tried without touching the baseline's process.
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
            if (entry.Key is string name && name.StartsWith(AppPrefix, StringComparison.Ordinal) && name.Length > AppPrefix.Length)
                psi.Environment[name[AppPrefix.Length..]] = entry.Value as string;
        var app = new WebAppProcess(Process.Start(psi) ?? throw new InvalidOperationException("Could not start PlanTracker."), port, scratch);
        try
        {
            await app.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return app;
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"PlanTracker exited with {_process.ExitCode}:\n{Output}");
            try
            {
                if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { /* not listening yet */ }
            catch (TaskCanceledException) { /* busy starting */ }
            await Task.Delay(200);
        }
        throw new TimeoutException($"PlanTracker was not ready after {timeout.TotalSeconds} s:\n{Output}");
    }

    /// <summary>The app's resident memory now (VmRSS) and its lifetime peak (VmHWM), in bytes.</summary>
    public (long Resident, long Peak) Memory()
    {
        long resident = 0, peak = 0;
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) resident = Kb(line);
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) peak = Kb(line);
        }
        return (resident, peak);

        static long Kb(string line) => long.Parse(line.Split(':', 2)[1].Trim().Split(' ')[0]) * 1024;
    }

    /// <summary>CPU time the app has used so far (user + system, from /proc/&lt;pid&gt;/stat): what a request costs the machine.</summary>
    public TimeSpan CpuTime()
    {
        // Fields after the command name's closing parenthesis: utime and stime are the 12th and 13th, in clock ticks (100 per second on Linux).
        var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return TimeSpan.FromSeconds((long.Parse(fields[11]) + long.Parse(fields[12])) / 100.0);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException) { /* already reaped */ }
        _process.Dispose();
        try
        {
            if (Directory.Exists(_scratch)) Directory.Delete(_scratch, recursive: true);
        }
        catch (IOException) { /* a leftover temp folder is harmless */ }
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > 100) _output.TryDequeue(out _);
    }

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
