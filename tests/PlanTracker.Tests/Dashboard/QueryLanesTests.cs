using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Features.Dashboard;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Tests.Dashboard;

/// <summary>
/// The lanes the dashboard reads in (<see cref="QueryLanes"/>): one after another within a lane,
/// at the same time across lanes, each lane on a context of its own, and a failed part failing
/// only where it is awaited. No database is needed: the parts here do not query.
/// </summary>
public sealed class QueryLanesTests
{
    private static PlanTrackerDbContext Context() =>
        new(new DbContextOptionsBuilder<PlanTrackerDbContext>().UseNpgsql("Host=127.0.0.1;Database=unused").Options);

    [Fact]
    public async Task Should_run_a_lanes_parts_in_order_on_the_requests_context_and_other_lanes_on_their_own()
    {
        await using var db = Context();
        var order = new List<string>();
        var contexts = new List<PlanTrackerDbContext>();
        await using (var lanes = new QueryLanes(db, 2))
        {
            var first = lanes.Run(0, async c => { await Task.Delay(50); lock (order) order.Add("first"); contexts.Add(c); return 1; });
            var second = lanes.Run(0, c => { lock (order) order.Add("second"); contexts.Add(c); return Task.FromResult(2); });
            var other = lanes.Run(1, c => Task.FromResult(c));
            Assert.Equal(3, await first + await second);
            Assert.NotSame(db, await other);
        }
        Assert.Equal(["first", "second"], order);
        Assert.All(contexts, c => Assert.Same(db, c));
    }

    [Fact]
    public async Task Should_run_lanes_at_the_same_time()
    {
        await using var db = Context();
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var lanes = new QueryLanes(db, 2);
        // Lane 0 waits for lane 1: it completes only if the two lanes run at once.
        var waiting = lanes.Run(0, async _ => { await signal.Task.WaitAsync(TimeSpan.FromSeconds(10)); return "released"; });
        var releasing = lanes.Run(1, _ => { signal.SetResult(); return Task.FromResult(true); });
        Assert.True(await releasing);
        Assert.Equal("released", await waiting);
    }

    [Fact]
    public async Task Should_fail_a_failed_part_where_it_is_awaited_and_go_on_with_the_lane()
    {
        await using var db = Context();
        Task<int> failed, next;
        await using (var lanes = new QueryLanes(db, 1))
        {
            failed = lanes.Run<int>(0, _ => throw new InvalidOperationException("part failed"));
            next = lanes.Run(0, _ => Task.FromResult(7));
        }
        Assert.Equal("part failed", (await Assert.ThrowsAsync<InvalidOperationException>(() => failed)).Message);
        Assert.Equal(7, await next);
    }
}
