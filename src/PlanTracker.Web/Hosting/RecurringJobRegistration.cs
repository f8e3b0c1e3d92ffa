using Hangfire;
using Hangfire.Storage;
using PlanTracker.Core.Common;
using PlanTracker.Core.Jobs;

namespace PlanTracker.Web.Hosting;

/// <summary>
/// At start: every catalog job's recurring job with this node's cron, in the province's time zone;
/// an unchanged one keeps its next execution. Missed occurrences (every node down, or a scheduler
/// late under load) each run once (Strict), except for outbox-dispatch, whose missed occurrences fold
/// into one run (Relaxed): the jobs are idempotent per as-of date, so a catch-up sends nothing twice.
/// Recurring jobs the catalog no longer has go.
/// <para>
/// Each change takes Hangfire's lock on its recurring job. A node killed while its scheduler held one
/// leaves the lock's row until it is older than Scheduler__DistributedLockTimeout, longer than Hangfire
/// waits for it (15 s): a change that finds its lock held is retried in the background until it is
/// made or the app stops, so the node starts whatever lock a dead node left. Only a held lock is
/// deferred; any other failure at start fails the start, as before.
/// </para>
/// </summary>
internal sealed class RecurringJobRegistration(IRecurringJobManager manager, JobStorage storage, IConfiguration configuration,
    ILogger<RecurringJobRegistration> logger) : IHostedService
{
    // Hangfire's own wait already polls the lock every second for 15 s; the pause spaces the attempts
    // (and their log lines) that fail at once, the database being down, say.
    private static readonly TimeSpan RetryPause = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _stopping = new();
    private Task _retries = Task.CompletedTask;

    /// <summary>One change to Hangfire's recurring jobs, under that job's lock.</summary>
    private sealed record Change(string Job, string What, Action Make);

    public Task StartAsync(CancellationToken ct)
    {
        var deferred = new List<Change>();
        foreach (var change in Changes())
        {
            try
            {
                change.Make();
            }
            catch (DistributedLockTimeoutException e)
            {
                logger.LogWarning(e, "Recurring job {Job}: its lock is held (by another node, or left by a node that died holding it " +
                    "until it expires after Scheduler__DistributedLockTimeout); the {What} is retried in the background", change.Job, change.What);
                deferred.Add(change);
            }
        }
        if (deferred.Count > 0) _retries = Task.Run(() => RetryAsync(deferred, _stopping.Token));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken ct)
    {
        await _stopping.CancelAsync();
        // An attempt inside Hangfire's wait for the lock cannot be cancelled: stop waiting when the host does.
        await _retries.WaitAsync(ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private IEnumerable<Change> Changes()
    {
        foreach (var job in JobCatalog.All)
        {
            var cron = JobSchedule.CronOf(job, configuration);
            var options = new RecurringJobOptions
            {
                TimeZone = ProvinceClock.Zone,
                MisfireHandling = job.RunsMissedOccurrences ? MisfireHandlingMode.Strict : MisfireHandlingMode.Relaxed,
            };
            yield return new Change(job.Name, $"schedule '{cron}'",
                () => manager.AddOrUpdate<CatalogJob>(job.Name, j => j.RunAsync(job.Name, null, CancellationToken.None), cron, options));
        }

        List<string> stale;
        using (var connection = storage.GetConnection())
            stale = connection.GetRecurringJobs().Where(r => JobCatalog.Find(r.Id) is null).Select(r => r.Id).ToList();
        foreach (var id in stale)
            yield return new Change(id, "removal", () =>
            {
                manager.RemoveIfExists(id);
                logger.LogInformation("Recurring job {Job} is no longer in the catalog: removed", id);
            });
    }

    /// <summary>Until every deferred change is made or the app stops; a failure of any kind is logged and retried.</summary>
    private async Task RetryAsync(List<Change> deferred, CancellationToken stopping)
    {
        var attempts = 1;
        while (deferred.Count > 0)
        {
            try
            {
                await Task.Delay(RetryPause, stopping);
            }
            catch (OperationCanceledException)
            {
                logger.LogWarning("Stopping with recurring job changes not made: {Jobs}", string.Join(", ", deferred.Select(c => c.Job)));
                return;
            }
            attempts++;
            foreach (var change in deferred.ToList())
            {
                if (stopping.IsCancellationRequested) break; // the next pause reports what is left
                try
                {
                    change.Make();
                    deferred.Remove(change);
                    logger.LogInformation("Recurring job {Job}: {What} made at attempt {Attempt}", change.Job, change.What, attempts);
                }
                catch (DistributedLockTimeoutException)
                {
                    logger.LogDebug("Recurring job {Job}: lock still held at attempt {Attempt}", change.Job, attempts);
                }
                catch (Exception e)
                {
                    logger.LogWarning(e, "Recurring job {Job}: the {What} failed at attempt {Attempt}; retried", change.Job, change.What, attempts);
                }
            }
        }
    }
}
