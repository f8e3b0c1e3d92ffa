using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Dashboard;

/// <summary>
/// Runs the parts of a read in lanes: parts in one lane run one after another on one DbContext (the
/// first lane on the request's), lanes run at the same time on contexts of their own made with the
/// request context's options, so one connection each. One lane is plain sequential. The parts only
/// read and each was its own statement anyway, so they see what they saw one after another
/// (docs/decisions/0010-dashboard-aggregates.md, "Lanes"). A part may await a part of an earlier
/// lane or one started before it in its own lane, never a later one.
/// </summary>
public sealed class QueryLanes : IAsyncDisposable
{
    private readonly Lane[] _lanes;

    public QueryLanes(PlanTrackerDbContext db, int lanes)
    {
        var options = (DbContextOptions<PlanTrackerDbContext>)db.GetService<IDbContextOptions>();
        _lanes = Enumerable.Range(0, Math.Max(1, lanes)).Select(i => new Lane(i == 0 ? db : null, options)).ToArray();
    }

    public int Count => _lanes.Length;

    /// <summary>The part, after the parts already in lane <paramref name="lane"/> (modulo the lanes there are).</summary>
    public Task<T> Run<T>(int lane, Func<PlanTrackerDbContext, Task<T>> part)
    {
        var l = _lanes[lane % _lanes.Length];
        var task = AfterAsync(l.Last, l, part);
        l.Last = task;
        return task;
    }

    private static async Task<T> AfterAsync<T>(Task previous, Lane lane, Func<PlanTrackerDbContext, Task<T>> part)
    {
        // A failed part fails the read where it is awaited; the lane goes on so nothing waits forever.
        try { await previous.ConfigureAwait(false); } catch { /* observed by its own awaiter */ }
        return await part(lane.Context).ConfigureAwait(false);
    }

    /// <summary>No part is left running on a connection after the request, whatever was awaited.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var lane in _lanes)
        {
            try { await lane.Last.ConfigureAwait(false); } catch { /* observed by its own awaiter */ }
            if (lane.Owned is { } context) await context.DisposeAsync();
        }
    }

    private sealed class Lane(PlanTrackerDbContext? shared, DbContextOptions<PlanTrackerDbContext> options)
    {
        public Task Last { get; set; } = Task.CompletedTask;
        public PlanTrackerDbContext? Owned { get; private set; }
        public PlanTrackerDbContext Context => shared ?? (Owned ??= new PlanTrackerDbContext(options));
    }
}
