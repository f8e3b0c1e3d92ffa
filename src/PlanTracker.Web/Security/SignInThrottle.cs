using System.Collections.Concurrent;

namespace PlanTracker.Web.Security;

/// <summary>
/// Growing delays per account, kept in memory on each node (decision 0012). Failures from one address on
/// one account make that address wait, doubling each time; the real user, at another address, is not
/// held back. Many failures on one account from everywhere make unknown addresses wait too, never the
/// addresses the account has signed in from. Nothing here locks an account.
/// </summary>
public sealed class SignInThrottle(SignInLimits limits, TimeProvider time)
{
    private const int MaxEntries = 100_000; // an attack with random names fills memory no further than this

    private sealed class Pair { public int Failures; public DateTimeOffset Last; }

    private sealed class Account
    {
        public readonly Queue<(DateTimeOffset At, string Address)> Failures = new();
        public readonly Dictionary<string, DateTimeOffset> KnownAddresses = new();
        public DateTimeOffset? LastAlert;
    }

    private readonly ConcurrentDictionary<(string Account, string Address), Pair> _pairs = new();
    private readonly ConcurrentDictionary<string, Account> _accounts = new();

    public static string Key(string email)
    {
        var key = email.Trim().ToUpperInvariant();
        return key.Length > 256 ? key[..256] : key;
    }

    /// <summary>How long this address must wait before trying this account again; null when it may try now.</summary>
    public TimeSpan? RetryAfter(string account, string address)
    {
        var now = time.GetUtcNow();
        TimeSpan? wait = null;
        if (_pairs.TryGetValue((account, address), out var pair))
            lock (pair) wait = Until(pair.Last, pair.Failures - limits.FreeFailures, now);
        if (_accounts.TryGetValue(account, out var a))
            lock (a)
            {
                Trim(a, now);
                if (!IsKnown(a, address, now) && a.Failures.Count >= limits.AccountFailures)
                    wait = Max(wait, Until(a.Failures.Last().At, a.Failures.Count - limits.AccountFailures, now));
            }
        return wait;
    }

    /// <summary>Counts a failure; answers the account's failures in the window when the administrators should be told now.</summary>
    public (int Failures, IReadOnlyList<string> Addresses)? Failed(string account, string address)
    {
        var now = time.GetUtcNow();
        Prune(now);
        var pair = _pairs.GetOrAdd((account, address), _ => new Pair());
        lock (pair) { pair.Failures++; pair.Last = now; }
        var a = _accounts.GetOrAdd(account, _ => new Account());
        lock (a)
        {
            a.Failures.Enqueue((now, address));
            Trim(a, now);
            var window = TimeSpan.FromMinutes(limits.AccountWindowMinutes);
            if (a.Failures.Count < limits.AccountFailures || a.LastAlert > now - window) return null;
            a.LastAlert = now;
            return (a.Failures.Count, a.Failures.Select(f => f.Address).Distinct().ToList());
        }
    }

    public void Succeeded(string account, string address)
    {
        _pairs.TryRemove((account, address), out _);
        var a = _accounts.GetOrAdd(account, _ => new Account());
        lock (a) a.KnownAddresses[address] = time.GetUtcNow();
    }

    private TimeSpan? Until(DateTimeOffset last, int over, DateTimeOffset now)
    {
        if (over < 0) return null;
        var seconds = Math.Min(limits.MaxDelaySeconds, limits.BaseDelaySeconds * Math.Pow(2, Math.Min(over, 30)));
        var until = last + TimeSpan.FromSeconds(seconds);
        return until > now ? until - now : null;
    }

    private static TimeSpan? Max(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private bool IsKnown(Account a, string address, DateTimeOffset now) =>
        a.KnownAddresses.TryGetValue(address, out var at) && at > now - TimeSpan.FromDays(limits.KnownAddressDays);

    private void Trim(Account a, DateTimeOffset now)
    {
        var from = now - TimeSpan.FromMinutes(limits.AccountWindowMinutes);
        while (a.Failures.Count > 0 && a.Failures.Peek().At < from) a.Failures.Dequeue();
    }

    /// <summary>Forgets quiet entries when memory fills: a day without failures and the delay has long run out.</summary>
    private void Prune(DateTimeOffset now)
    {
        if (_pairs.Count + _accounts.Count < MaxEntries) return;
        var old = now - TimeSpan.FromDays(1);
        foreach (var (key, pair) in _pairs) if (pair.Last < old) _pairs.TryRemove(key, out _);
        foreach (var (key, a) in _accounts)
            lock (a) { Trim(a, now); if (a.Failures.Count == 0 && a.KnownAddresses.Values.All(v => v < old)) _accounts.TryRemove(key, out _); }
        if (_pairs.Count >= MaxEntries) _pairs.Clear(); // still full: fail open on delays rather than run out of memory
    }
}
