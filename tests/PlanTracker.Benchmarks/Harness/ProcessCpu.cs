namespace PlanTracker.Benchmarks.Harness;

/// <summary>
/// CPU time read from /proc, in clock ticks (USER_HZ, 100 a second on Linux): a process tree's
/// (each process's utime + stime + cutime + cstime, so a backend or an app that has exited and been
/// reaped inside the tree still counts, through its parent) and the whole machine's (/proc/stat).
/// </summary>
public static class ProcessCpu
{
    public const double TicksPerSecond = 100;

    /// <summary>Ticks used by these processes and all their descendants; a pid listed twice or inside another's tree counts once.</summary>
    public static long TreeTicks(IEnumerable<int> roots)
    {
        var children = new Dictionary<int, List<int>>();
        var times = new Dictionary<int, long>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || Stat(pid) is not { } stat) continue;
            times[pid] = stat.Ticks;
            if (!children.TryGetValue(stat.Parent, out var list)) children[stat.Parent] = list = [];
            list.Add(pid);
        }
        var seen = new HashSet<int>();
        var stack = new Stack<int>(roots.Where(times.ContainsKey));
        long total = 0;
        while (stack.Count > 0)
        {
            var pid = stack.Pop();
            if (!seen.Add(pid)) continue;
            total += times[pid];
            foreach (var child in children.GetValueOrDefault(pid) ?? []) stack.Push(child);
        }
        return total;
    }

    /// <summary>The machine's busy and total ticks over all cores since boot (first line of /proc/stat).</summary>
    public static (long Busy, long Total) Machine()
    {
        var line = File.ReadLines("/proc/stat").First();
        // cpu user nice system idle iowait irq softirq steal guest guest_nice; guest time is already inside user.
        var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).Select(long.Parse).ToArray();
        var idle = f[3] + f[4];
        var busy = f[0] + f[1] + f[2] + f[5] + f[6] + f[7];
        return (busy, busy + idle);
    }

    /// <summary>The parent pid of a process, or null when it is gone.</summary>
    public static int? Parent(int pid) => Stat(pid)?.Parent;

    private static (int Parent, long Ticks)? Stat(int pid)
    {
        string text;
        try { text = File.ReadAllText($"/proc/{pid}/stat"); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; } // exited meanwhile
        // After the command name's closing parenthesis: state, ppid, … utime (12th), stime, cutime, cstime.
        var f = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return (int.Parse(f[1]), long.Parse(f[11]) + long.Parse(f[12]) + long.Parse(f[13]) + long.Parse(f[14]));
    }
}
