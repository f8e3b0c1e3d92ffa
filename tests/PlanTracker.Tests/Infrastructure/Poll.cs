using System.Diagnostics;

namespace PlanTracker.Tests.Infrastructure;

/// <summary>Waits for a condition another process brings about (a delivery, a write), failing with what was awaited.</summary>
internal static class Poll
{
    public static Task UntilAsync(Func<bool> done, TimeSpan timeout, Func<string> what, int intervalMs = 20) =>
        UntilAsync(() => Task.FromResult(done()), timeout, what, intervalMs);

    public static async Task UntilAsync(Func<Task<bool>> done, TimeSpan timeout, Func<string> what, int intervalMs = 20)
    {
        var watch = Stopwatch.StartNew();
        while (!await done())
        {
            if (watch.Elapsed > timeout) throw new TimeoutException($"Waited {timeout.TotalSeconds} s for {what()}");
            await Task.Delay(intervalMs);
        }
    }
}
