using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Dashboard;

/// <summary>
/// Runs independent parts of the dashboard at the same time, each on a DbContext (and so a pooled
/// connection) of its own made with the request context's options. The parts only read, and each
/// already ran as its own statement, so they see what they saw before, one query after another
/// (docs/decisions/0010-dashboard-aggregates.md, "Parts at the same time").
/// </summary>
public sealed class ConcurrentParts(PlanTrackerDbContext db) : IAsyncDisposable
{
    private readonly DbContextOptions<PlanTrackerDbContext> _options = (DbContextOptions<PlanTrackerDbContext>)db.GetService<IDbContextOptions>();
    private readonly List<Task> _running = [];

    public Task<T> Run<T>(Func<PlanTrackerDbContext, Task<T>> part)
    {
        var task = Task.Run(async () =>
        {
            await using var context = new PlanTrackerDbContext(_options);
            return await part(context);
        });
        _running.Add(task);
        return task;
    }

    /// <summary>A part that failed or was not awaited is not left running on its connection after the request.</summary>
    public async ValueTask DisposeAsync()
    {
        try { await Task.WhenAll(_running); }
        catch { /* the failure was (or will be) observed where the part is awaited */ }
    }
}
