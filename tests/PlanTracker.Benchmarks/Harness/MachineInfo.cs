using System.Runtime.InteropServices;

namespace PlanTracker.Benchmarks.Harness;

/// <summary>What the figures were measured on, printed with them: a figure without its machine says little.</summary>
public static class MachineInfo
{
    public static string Describe()
    {
        var cpu = Read("/proc/cpuinfo")?.Split('\n').FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        var memory = Read("/proc/meminfo")?.Split('\n').FirstOrDefault(l => l.StartsWith("MemTotal", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?";
        return $"{cpu}, {Environment.ProcessorCount} cores, {memory} memory; {RuntimeInformation.OSDescription}; .NET {Environment.Version}";
    }

    /// <summary>The 1-minute load average: on a shared machine it says how much else was running.</summary>
    public static string Load() => Read("/proc/loadavg")?.Split(' ')[0] ?? "?";

    private static string? Read(string path) => File.Exists(path) ? File.ReadAllText(path) : null;
}
