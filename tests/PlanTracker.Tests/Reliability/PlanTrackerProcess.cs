using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Reliability;

/// <summary>
/// A real PlanTracker node: the built PlanTracker.Web.dll in its own OS process, on its own port
/// of 127.0.0.1, configured only through environment variables as in production. Disposing kills
/// it, whatever state the test left it in.
/// </summary>
public sealed class PlanTrackerProcess : IDisposable
{
    private readonly Process _process;
    private readonly string _scratch;
    private readonly ConcurrentQueue<string> _output = new();

    private PlanTrackerProcess(Process process, int port, string scratch)
    {
        _process = process;
        _scratch = scratch;
        Port = port;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");
    public int ProcessId => _process.Id;
    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the node wrote, for a failure message.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>The web app's build output, next to this test assembly's (bin/&lt;configuration&gt;/&lt;framework&gt;).</summary>
    public static string WebDirectory { get; } = Path.Combine(RepoPaths.Root, "src", "PlanTracker.Web", "bin",
        new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, new DirectoryInfo(AppContext.BaseDirectory).Name);

    /// <summary>Starts a node serving HTTP on a free port of 127.0.0.1 only.</summary>
    public static PlanTrackerProcess Start(string connectionString, IReadOnlyDictionary<string, string> settings)
    {
        var port = LocalPorts.Free();
        var (psi, scratch) = Command([], connectionString, settings);
        psi.Environment["Urls"] = $"http://127.0.0.1:{port}";
        return new PlanTrackerProcess(Process.Start(psi) ?? throw new InvalidOperationException("Could not start PlanTracker."), port, scratch);
    }

    /// <summary>Runs the app's command line (e.g. <c>job list</c>) to its end.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string[] args, string connectionString,
        IReadOnlyDictionary<string, string>? settings = null, TimeSpan? timeout = null)
    {
        var (psi, scratch) = Command(args, connectionString, settings ?? new Dictionary<string, string>());
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("Could not start PlanTracker.");
        using var cleanup = new Scratch(scratch);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw new TimeoutException($"'{string.Join(' ', args)}' did not finish: {await output}{await error}");
        }
        return (process.ExitCode, await output, await error);
    }

    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"PlanTracker exited with {_process.ExitCode}:\n{Output}");
            try
            {
                // Ready means the database answers and the scheduler runs.
                if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { /* not listening yet */ }
            catch (TaskCanceledException) { /* busy starting */ }
            await Task.Delay(200);
        }
        throw new TimeoutException($"PlanTracker was not ready after {timeout.TotalSeconds} s:\n{Output}");
    }

    /// <summary>kill -9: no shutdown hook runs, open transactions are cut off.</summary>
    public void Kill()
    {
        if (_process.HasExited) return;
        _process.Kill(); // SIGKILL on Unix
        _process.WaitForExit();
    }

    /// <summary>SIGTERM, as systemd or <c>docker stop</c> sends it: the app shuts down and runs its shutdown hooks.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (_process.HasExited) return;
        using (var signal = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!)
            await signal.WaitForExitAsync();
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
    }

    public void Dispose()
    {
        try
        {
            Kill();
        }
        catch (InvalidOperationException) { /* never started or already reaped */ }
        _process.Dispose();
        new Scratch(_scratch).Dispose();
    }

    /// <returns>The command, and the folder it writes mail and evidence to.</returns>
    private static (ProcessStartInfo, string) Command(string[] args, string connectionString, IReadOnlyDictionary<string, string> settings)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        var psi = new ProcessStartInfo(dotnet, [Path.Combine(WebDirectory, "PlanTracker.Web.dll"), .. args])
        {
            WorkingDirectory = WebDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var scratch = Path.Combine(Path.GetTempPath(), "plantracker-node-" + Guid.NewGuid().ToString("N"));
        psi.Environment["ConnectionStrings__PlanTracker"] = connectionString;
        psi.Environment["Seed__Load"] = "false";
        psi.Environment["Mail__PickupDirectory"] = Path.Combine(scratch, "mail");
        psi.Environment["Evidence__Directory"] = Path.Combine(scratch, "evidence");
        psi.Environment["DOTNET_ENVIRONMENT"] = "Production";
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings) psi.Environment[key] = value;
        return (psi, scratch);
    }

    private sealed class Scratch(string folder) : IDisposable
    {
        public void Dispose()
        {
            try
            {
                if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            }
            catch (IOException) { /* a leftover temp folder is harmless */ }
        }
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > 200) _output.TryDequeue(out _);
    }

}

/// <summary>Tests that start PlanTracker processes run one at a time, after the others, so that their timings hold on a small machine.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SeparateProcesses
{
    public const string Name = "separate PlanTracker processes";
}
