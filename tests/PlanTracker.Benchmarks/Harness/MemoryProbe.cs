using System.Diagnostics;

namespace PlanTracker.Benchmarks.Harness;

public sealed record MemoryUsage(long ResidentBefore, long PeakResident, long ManagedBefore, long ManagedAfter, long AllocatedBytes, bool PeakReset)
{
    /// <summary>How much the process's peak resident memory rose above where it stood when the work began.</summary>
    public long PeakGrowth => Math.Max(0, PeakResident - ResidentBefore);

    public override string ToString() =>
        $"peak RSS +{Mb(PeakGrowth):N1} MB (from {Mb(ResidentBefore):N0} to {Mb(PeakResident):N0} MB{(PeakReset ? "" : ", lifetime peak: could not reset")}), " +
        $"managed heap {Mb(ManagedBefore):N0} → {Mb(ManagedAfter):N0} MB, {Mb(AllocatedBytes):N0} MB allocated";

    private static double Mb(long bytes) => bytes / 1024.0 / 1024.0;
}

/// <summary>
/// Measures how much a piece of work raises the process's peak memory: the figure a streaming
/// report must keep small. On Linux the kernel's high-water mark (VmHWM) is reset to the current
/// resident size just before the work (writing 5 to /proc/self/clear_refs), so what is read after
/// is the peak of this work alone, not of the data generation or an earlier benchmark.
/// </summary>
public static class MemoryProbe
{
    public static async Task<(T Result, MemoryUsage Usage)> MeasureAsync<T>(Func<Task<T>> work)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var managedBefore = GC.GetTotalMemory(forceFullCollection: true);
        var reset = ResetPeak();
        var before = Status("VmRSS") ?? Environment.WorkingSet;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        var result = await work();

        var peak = Status("VmHWM") ?? PeakFromProcess();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var managedAfter = GC.GetTotalMemory(forceFullCollection: false);
        return (result, new MemoryUsage(before, peak, managedBefore, managedAfter, allocated, reset));
    }

    private static bool ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static long PeakFromProcess()
    {
        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64;
    }

    /// <summary>A "kB" line of /proc/self/status, in bytes; null off Linux.</summary>
    private static long? Status(string field)
    {
        if (!File.Exists("/proc/self/status")) return null;
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
                return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0]) * 1024;
        return null;
    }
}
