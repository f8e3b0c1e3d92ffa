using System.Diagnostics;
using System.Text;
using PlanTracker.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PlanTracker.Tests.Performance;

/// <summary>
/// A benchmark that no test runs rots (issue 17: W1 stopped at its reminder step for weeks because
/// its coverage check read a table the job no longer wrote). Each benchmark runs here in its smoke
/// form (--smoke: a few hundred rows, one round, every check of the full run) as the built program,
/// on its own empty database of the tests' cluster, and must exit with 0 having printed its figures.
/// The test project builds the benchmark project (a project reference that takes no assembly).
/// </summary>
public sealed class BenchmarkSmokeTests(ITestOutputHelper output)
{
    /// <summary>
    /// Every benchmark the program lists (its catalog), asked at discovery: a benchmark added on any
    /// branch gets its smoke run here without anyone remembering to add it.
    /// </summary>
    public static TheoryData<string> Benchmarks
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var name in Listed()) data.Add(name);
            return data;
        }
    }

    [Fact]
    public async Task The_program_lists_its_benchmarks()
    {
        var run = await RunAsync(["list"], connectionString: null);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("w1", Names(run.Output));
        Assert.Contains("progress-http", Names(run.Output));
    }

    [Theory]
    [MemberData(nameof(Benchmarks))]
    public async Task Benchmark_runs_in_its_smoke_form_and_prints_its_figures(string benchmark)
    {
        var run = await RunAsync([benchmark, "--smoke"], await TestDatabases.CreateEmptyAsync());
        output.WriteLine(run.Output);

        Assert.True(run.ExitCode == 0, $"{benchmark} --smoke exited with {run.ExitCode}:\n{Tail(run.Output)}");
        Assert.Contains($"== {benchmark}:", run.Output);
        Assert.Contains($"CPU while {benchmark} ran: other processes used", run.Output);
        // The closing table: a row per figure, each without a verdict (a smoke run's size says nothing about a target).
        var figures = run.Output.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| benchmark |", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(figures);
        Assert.All(figures, f => Assert.Contains("| no verdict: ", f));
    }

    private static string BenchmarkProgram
    {
        get
        {
            // tests/PlanTracker.Tests/bin/<configuration>/<framework>: the benchmarks were built beside it in the same configuration.
            var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            return Path.Combine(RepoPaths.Root, "tests", "PlanTracker.Benchmarks", "bin", here.Parent!.Name, here.Name, "PlanTracker.Benchmarks.dll");
        }
    }

    private sealed record Run(int ExitCode, string Output);

    private static string[] Names(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The program's own list; when it is not built, one case that fails saying so (rather than no case at all).</summary>
    private static string[] Listed()
    {
        if (!File.Exists(BenchmarkProgram)) return ["(benchmark program not built)"];
        var run = RunAsync(["list"], connectionString: null).GetAwaiter().GetResult();
        return run.ExitCode == 0 && Names(run.Output) is { Length: > 0 } names ? names : ["(benchmark list failed)"];
    }

    private static async Task<Run> RunAsync(string[] args, string? connectionString)
    {
        Assert.True(File.Exists(BenchmarkProgram), $"{BenchmarkProgram} is missing: the test project should have built it.");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        var psi = new ProcessStartInfo(dotnet, [BenchmarkProgram, .. args])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(BenchmarkProgram)!,
        };
        if (connectionString is not null) psi.Environment["PLANTRACKER_BENCH_CONNECTION"] = connectionString;
        using var process = Process.Start(psi)!;
        var text = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (text) text.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (text) text.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            lock (text) return new Run(-1, text + "\n(killed after 5 minutes)");
        }
        process.WaitForExit(); // drains the redirected output
        lock (text) return new Run(process.ExitCode, text.ToString());
    }

    private static string Tail(string text) => string.Join('\n', text.Split('\n').TakeLast(40));
}
