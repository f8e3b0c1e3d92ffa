using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanTracker.Core;
using PlanTracker.Core.Email;
using PlanTracker.Core.Jobs;
using PlanTracker.Core.Persistence;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Jobs;

/// <summary>The shared runner records every run in job_runs, and a frequent job's idle runs not at all.</summary>
public sealed class JobRunnerTests : IAsyncLifetime
{
    private static readonly DateOnly AsOf = new(2016, 12, 17);
    private readonly string _mail = Path.Combine(Path.GetTempPath(), "plantracker-runner-mail-" + Guid.NewGuid().ToString("N"));
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPlanTrackerCore(await TestDatabases.CreateAsync(seeded: true));
        services.AddSingleton(new MailOptions { PickupDirectory = _mail });
        services.AddSingleton<IMailTransport, MailKitTransport>();
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Should_record_a_scheduled_run_from_its_start_to_its_outcome()
    {
        var fireTime = new DateTimeOffset(2016, 12, 17, 0, 0, 0, TimeSpan.Zero);
        var seenWhileRunning = -1;
        var probe = new JobDefinition("probe", "0 7 * * *", async (_, _, _) =>
        {
            seenWhileRunning = await Runs().CountAsync(r => r.Job == "probe" && r.FinishedAt == null);
            return "3 mail(s), 5 item(s)";
        });

        var result = await Run(probe, JobTrigger.Schedule, fireTime);

        Assert.Equal(1, seenWhileRunning); // written when it starts: a run cut short stays visible as unfinished
        var run = await Runs().SingleAsync(r => r.Id == result.RunId);
        Assert.Equal(("probe", AsOf, JobTrigger.Schedule, fireTime), (run.Job, run.AsOf, run.Trigger, run.ScheduledFor));
        Assert.Equal((true, "3 mail(s), 5 item(s)", (string?)null), (run.Succeeded, run.Outcome, run.Error));
        Assert.Equal(JobRunner.Node, run.Node);
        Assert.True(run.FinishedAt >= run.StartedAt);
    }

    [Fact]
    public async Task Should_record_a_failed_run_with_its_error_and_still_fail()
    {
        var failing = new JobDefinition("failing", "0 7 * * *", (_, _, _) =>
            Task.FromException<string>(new InvalidOperationException("outer", new TimeoutException("the SMTP server did not answer"))));

        await Assert.ThrowsAsync<InvalidOperationException>(() => Run(failing, JobTrigger.Manual));

        var run = await Runs().SingleAsync(r => r.Job == "failing");
        Assert.Equal(false, run.Succeeded);
        Assert.Equal("outer → the SMTP server did not answer", run.Error);
        Assert.NotNull(run.FinishedAt);
    }

    [Fact]
    public async Task Should_leave_no_row_for_an_idle_scheduled_dispatch_but_record_a_busy_one_and_every_manual_one()
    {
        var dispatch = JobCatalog.Find("outbox-dispatch")!;

        var idle = await Run(dispatch, JobTrigger.Schedule);
        var manual = await Run(dispatch, JobTrigger.Manual);
        await Queue();
        var busy = await Run(dispatch, JobTrigger.Schedule);

        Assert.Null(idle.RunId);
        Assert.NotNull(manual.RunId);
        Assert.Equal("1 sent, 0 failed, 0 dead", busy.Outcome);
        Assert.Equal([(JobTrigger.Manual, "0 sent, 0 failed, 0 dead"), (JobTrigger.Schedule, "1 sent, 0 failed, 0 dead")],
            (await Runs().Where(r => r.Job == "outbox-dispatch").OrderBy(r => r.Id).ToListAsync()).Select(r => (r.Trigger, r.Outcome)));
    }

    [Fact]
    public async Task Should_keep_only_the_newest_runs_of_a_job_that_limits_its_history()
    {
        var counted = 0;
        var frequent = new JobDefinition("frequent", "*/10 * * * * *", (_, _, _) => Task.FromResult($"run {++counted}")) { KeepRuns = 3 };

        for (var i = 0; i < 5; i++) await Run(frequent, JobTrigger.Schedule);

        Assert.Equal(["run 3", "run 4", "run 5"], await Runs().Where(r => r.Job == "frequent").OrderBy(r => r.Id).Select(r => r.Outcome!).ToListAsync());
    }

    /// <summary>
    /// outbox-dispatch every 10 s must not pile up: an occurrence that comes while the previous one still
    /// runs (here or on another node) is skipped at once, not queued behind it; the next one runs again.
    /// A manual run is not held back.
    /// </summary>
    [Fact]
    public async Task Should_skip_a_scheduled_occurrence_while_the_previous_one_still_runs_and_run_the_next()
    {
        var release = new TaskCompletionSource();
        var started = new TaskCompletionSource();
        var executions = 0;
        var slow = new JobDefinition("slow", "*/10 * * * * *", async (_, _, _) =>
        {
            Interlocked.Increment(ref executions);
            started.TrySetResult();
            await release.Task;
            return "done";
        }) { RunsMissedOccurrences = false };

        var first = Run(slow, JobTrigger.Schedule, new DateTimeOffset(2016, 12, 17, 0, 0, 0, TimeSpan.Zero));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var overlapping = await Run(slow, JobTrigger.Schedule, new DateTimeOffset(2016, 12, 17, 0, 0, 10, TimeSpan.Zero));
        var waited = watch.Elapsed;
        var manual = Run(slow, JobTrigger.Manual);
        await Poll.UntilAsync(() => Volatile.Read(ref executions) == 2, TimeSpan.FromSeconds(30), () => "the manual run to start");
        release.SetResult();
        await Task.WhenAll(first, manual);
        var next = await Run(slow, JobTrigger.Schedule, new DateTimeOffset(2016, 12, 17, 0, 0, 20, TimeSpan.Zero));

        Assert.Equal(JobRunner.SkippedOutcome, overlapping.Outcome);
        Assert.Null(overlapping.RunId);
        Assert.True(waited < TimeSpan.FromSeconds(5), $"the skipped occurrence waited {waited}");
        Assert.Equal("done", next.Outcome);
        Assert.Equal(3, executions);
        Assert.Equal([new DateTimeOffset(2016, 12, 17, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2016, 12, 17, 0, 0, 20, TimeSpan.Zero)],
            await Runs().Where(r => r.Job == "slow" && r.Trigger == JobTrigger.Schedule).OrderBy(r => r.Id).Select(r => r.ScheduledFor!.Value).ToListAsync());
    }

    /// <summary>Any other job's occurrence that comes while the previous run still goes waits its turn: each occurrence runs once.</summary>
    [Fact]
    public async Task Should_run_a_daily_jobs_overlapping_occurrence_after_the_previous_one_not_skip_it()
    {
        var release = new TaskCompletionSource();
        var started = new TaskCompletionSource();
        var running = 0;
        var most = 0;
        var daily = new JobDefinition("daily", "0 7 * * *", async (_, _, _) =>
        {
            most = Math.Max(most, Interlocked.Increment(ref running));
            started.TrySetResult();
            await release.Task;
            Interlocked.Decrement(ref running);
            return "done";
        });

        var first = Run(daily, JobTrigger.Schedule, new DateTimeOffset(2016, 12, 17, 0, 0, 0, TimeSpan.Zero));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var second = Run(daily, JobTrigger.Schedule, new DateTimeOffset(2016, 12, 18, 0, 0, 0, TimeSpan.Zero));
        await Task.Delay(500);
        var secondWaited = !second.IsCompleted;
        release.SetResult();
        var outcomes = await Task.WhenAll(first, second);

        Assert.True(secondWaited, "the overlapping occurrence did not wait for the previous run");
        Assert.Equal(1, most);
        Assert.All(outcomes, o => Assert.Equal("done", o.Outcome));
    }

    private async Task<JobRunResult> Run(JobDefinition job, JobTrigger trigger, DateTimeOffset? scheduledFor = null)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<JobRunner>().RunAsync(job, AsOf, trigger, scheduledFor);
    }

    private IQueryable<JobRun> Runs() => _services.CreateScope().ServiceProvider.GetRequiredService<PlanTrackerDbContext>().JobRuns.AsNoTracking();

    private async Task Queue()
    {
        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
        db.OutboxMessages.Add(new OutboxMessage("test", "canbo@test.local", null, "Thư thử", "Nội dung", null, DateTimeOffset.UtcNow.AddMinutes(-1)));
        await db.SaveChangesAsync();
    }
}
