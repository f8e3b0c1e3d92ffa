using System.Diagnostics;
using PlanTracker.Core.Infrastructure;

namespace PlanTracker.Tests.Reliability;

/// <summary>
/// The embedded PostgreSQL (no connection string configured) lives as long as the app. After the app was
/// killed, its cluster keeps running; the next run reuses it and must also stop it when it shuts down.
/// </summary>
[Collection(SeparateProcesses.Name)]
public sealed class EmbeddedClusterCrashTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "plantracker-crash-" + Guid.NewGuid().ToString("N")[..12]);

    private string PgData => Path.Combine(_folder, "postgres", "pgdata");

    [Fact]
    public async Task Should_stop_at_shutdown_the_embedded_cluster_a_killed_run_left_running_and_not_when_another_run_owns_it()
    {
        var settings = new Dictionary<string, string> { ["Embedded__DataDirectory"] = _folder };
        using (var crashed = PlanTrackerProcess.Start("", settings))
        {
            await crashed.WaitUntilReadyAsync(TimeSpan.FromSeconds(180));
            crashed.Kill();
        }
        Assert.True(ClusterRunning(), "a killed run leaves its cluster running");

        using var next = PlanTrackerProcess.Start("", settings);
        await next.WaitUntilReadyAsync(TimeSpan.FromSeconds(120));
        // A command run beside the app uses the cluster the app now owns, and leaves it running.
        var job = await PlanTrackerProcess.RunAsync(["job", "list"], "", settings, TimeSpan.FromSeconds(120));
        Assert.True(job.ExitCode == 0, job.Output + job.Error);
        Assert.True(ClusterRunning(), "a command beside the app must not stop the app's cluster");

        await next.StopAsync(TimeSpan.FromSeconds(60));

        Assert.False(ClusterRunning(), "the run that adopted the orphaned cluster stops it at its shutdown:\n" + next.Output);
    }

    public void Dispose()
    {
        if (ClusterRunning()) PgCtl("-D", PgData, "-m", "immediate", "-w", "stop");
        try { Directory.Delete(_folder, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* a leftover temp folder is harmless */ }
    }

    private bool ClusterRunning() => Directory.Exists(PgData) && PgCtl("-D", PgData, "status") == 0;

    // As root, the cluster belongs to the 'postgres' user, as EmbeddedPostgres made it.
    private static int PgCtl(params string[] args)
    {
        var pgCtl = Path.Combine(EmbeddedPostgres.FindBinDirectory()!, "pg_ctl");
        var psi = Environment.UserName == "root" ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", pgCtl, .. args]) : new ProcessStartInfo(pgCtl, args);
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.WorkingDirectory = "/";
        using var process = Process.Start(psi)!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode;
    }
}
