namespace PlanTracker.Benchmarks.Harness;

/// <summary>
/// The CPU that processes other than the benchmark's own used while it ran: the machine's busy
/// time (/proc/stat) minus that of the benchmark's process tree (this program, the app it starts,
/// the SMTP sink) and of its PostgreSQL server's tree. On a machine shared with other sessions the
/// load average says how many were waiting, not how much they took; this says how much. A figure
/// measured while others took more than <see cref="RefuseAbove"/> of the machine is a measurement
/// of someone else's build as much as of PlanTracker, so the harness gives it no verdict.
/// </summary>
public sealed class OtherProcesses
{
    /// <summary>
    /// A quarter of the machine (half a core of two): below it the benchmark had at least 1.5 of
    /// 2 cores to itself and a ratio to a baseline run in the same minutes still holds; above it the
    /// first figures this was tried on moved by more than the targets' own margins (docs/decisions/0024).
    /// </summary>
    public const double RefuseAbove = 0.25;

    private readonly int[] _ours;
    private readonly (long Busy, long Total) _machine;
    private readonly long _oursTicks;
    private readonly System.Diagnostics.Stopwatch _elapsed = System.Diagnostics.Stopwatch.StartNew(); // elapsed, not a date: monotonic

    private OtherProcesses(int[] ours)
    {
        _ours = ours;
        _machine = ProcessCpu.Machine();
        _oursTicks = ProcessCpu.TreeTicks(ours);
    }

    /// <param name="ours">Roots of the benchmark's own process trees besides this program: the PostgreSQL server's main process.</param>
    public static OtherProcesses Start(params int?[] ours) =>
        new([Environment.ProcessId, .. ours.Where(p => p is not null).Select(p => p!.Value)]);

    public CpuUse Stop()
    {
        var (busy, total) = ProcessCpu.Machine();
        var oursTicks = ProcessCpu.TreeTicks(_ours) - _oursTicks;
        var busyTicks = busy - _machine.Busy;
        return new CpuUse(_elapsed.Elapsed.TotalSeconds, Math.Max(1, total - _machine.Total) / ProcessCpu.TicksPerSecond,
            oursTicks / ProcessCpu.TicksPerSecond, Math.Max(0, busyTicks - oursTicks) / ProcessCpu.TicksPerSecond);
    }
}

/// <summary>CPU over one measured stretch: the machine's capacity (cores × wall time), what ours used and what others used, in seconds.</summary>
public sealed record CpuUse(double WallSeconds, double CapacitySeconds, double OursSeconds, double OthersSeconds)
{
    public double OthersShare => OthersSeconds / CapacitySeconds;
    public double OursShare => OursSeconds / CapacitySeconds;

    /// <summary>Why no verdict may be given on what was measured meanwhile, or null when the machine was ours enough.</summary>
    public string? Refusal => OthersShare > OtherProcesses.RefuseAbove ? $"other processes used {OthersShare:P0} of the CPU" : null;

    public override string ToString() =>
        $"other processes used {OthersShare:P0} of the machine's CPU ({OthersSeconds:N1} CPU-s of {CapacitySeconds:N1} over {WallSeconds:N1} s), " +
        $"the benchmark's own processes {OursShare:P0}";
}
