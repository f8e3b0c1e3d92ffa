namespace PlanTracker.Benchmarks.Generator;

/// <summary>
/// One seeded random stream per part of the dataset (agencies, users, tasks…), derived from the
/// spec's seed and the part's name: a part added later (progress updates, reports) draws from its
/// own stream and leaves every existing row as it was.
/// </summary>
public sealed class StableRandom(int seed, string stream)
{
    private readonly Random _random = new(Derive(seed, stream));

    public int Next(int maxExclusive) => _random.Next(maxExclusive);
    public int Between(int min, int maxInclusive) => _random.Next(min, maxInclusive + 1);
    public double NextDouble() => _random.NextDouble();
    public bool Chance(double p) => _random.NextDouble() < p;
    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>A skewed pick: low indexes are chosen far more often, as a few agencies lead most tasks.</summary>
    public int Skewed(int count, double exponent = 1.6) => Math.Min(count - 1, (int)(count * Math.Pow(_random.NextDouble(), exponent)));

    /// <summary>Picks by weight; the weights need not add up to one.</summary>
    public T Weighted<T>(IReadOnlyList<(T Item, double Weight)> choices)
    {
        var total = choices.Sum(c => c.Weight);
        var x = _random.NextDouble() * total;
        foreach (var (item, weight) in choices)
        {
            if (x < weight) return item;
            x -= weight;
        }
        return choices[^1].Item;
    }

    public Guid NextGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes);
    }

    // FNV-1a: string.GetHashCode is randomised per process, this is not.
    private static int Derive(int seed, string stream)
    {
        var hash = 2166136261u ^ (uint)seed;
        foreach (var ch in stream)
        {
            hash ^= ch;
            hash *= 16777619u;
        }
        return (int)(hash & 0x7FFFFFFF);
    }
}
