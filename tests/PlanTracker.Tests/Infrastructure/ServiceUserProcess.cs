using System.Diagnostics;

namespace PlanTracker.Tests.Infrastructure;

/// <summary>
/// Runs a PostgreSQL tool (or pgbouncer) as the test clusters' owner: as root that is the 'postgres'
/// user (the servers and pgbouncer refuse to run as root), otherwise the current user.
/// </summary>
internal static class ServiceUserProcess
{
    public static bool IsRoot => Environment.UserName == "root";

    public static ProcessStartInfo Info(string file, params string[] args) => Info(true, file, args);

    private static ProcessStartInfo Info(bool asServiceUser, string file, string[] args)
    {
        var psi = IsRoot && asServiceUser ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", file, .. args]) : new ProcessStartInfo(file, args);
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.UseShellExecute = false;
        psi.WorkingDirectory = "/";
        return psi;
    }

    /// <summary>Runs it to the end; throws with its output when it fails.</summary>
    public static string Run(string file, params string[] args) => Run(true, file, args);

    /// <summary>As this process's own user: handing a folder to the service user.</summary>
    public static void HandOver(string path)
    {
        if (IsRoot) Run(false, "chown", ["-R", "postgres:postgres", path]);
    }

    private static string Run(bool asServiceUser, string file, string[] args)
    {
        using var process = Process.Start(Info(asServiceUser, file, args)) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120))) process.Kill(entireProcessTree: true);
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed: {output.Result}{error.Result}");
        return output.Result;
    }

    /// <summary>A folder the service user may write in.</summary>
    public static string Folder(string prefix)
    {
        var path = Path.Combine(Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(path);
        HandOver(path);
        return path;
    }
}
