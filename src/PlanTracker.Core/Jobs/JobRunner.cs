using System.Diagnostics;
using MediatR;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace PlanTracker.Core.Jobs;

/// <summary>A recorded run: its row in job_runs (null for an idle run of a frequent job), outcome and duration.</summary>
public sealed record JobRunResult(long? RunId, string Job, DateOnly AsOf, JobTrigger Trigger, string Outcome, TimeSpan Duration);

/// <summary>
/// The one way a catalog job runs, whoever starts it: the schedule (<see cref="CatalogJob"/>, on Hangfire), a
/// person (RunJob, from the Jobs page or the API) or the command line. So a manual run is exactly a
/// scheduled one, and every run lands in job_runs: written when it starts, completed when it ends
/// with its outcome or its error. The record is written on its own connection, outside the job's
/// transaction, so a job that fails and rolls back still leaves its failure on record.
/// </summary>
public sealed class JobRunner(IMediator mediator, NpgsqlDataSource dataSource, Persistence.DirectDatabase direct, TimeProvider time, ILogger<JobRunner> logger)
{
    /// <summary>This process, as job_runs names it: host name and process id.</summary>
    public static string Node { get; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>What a scheduled run reports when it found the previous one of its job still running somewhere in the cluster.</summary>
    public const string SkippedOutcome = "skipped: the previous run is still running";

    /// <summary>
    /// A scheduled run holds a PostgreSQL advisory lock on its job for as long as it runs: one run of a
    /// job at a time across the cluster. For a frequent job (<see cref="JobDefinition.RunsMissedOccurrences"/>
    /// false: outbox-dispatch) an occurrence that finds the previous run still going is skipped at once,
    /// not queued behind it with a worker thread waiting (as Hangfire's DisableConcurrentExecution
    /// would); any other job's occurrence waits its turn, so each occurrence runs once. Unlike
    /// DisableConcurrentExecution's, the lock cannot expire under a long run: it belongs to the session,
    /// and a killed node's lock goes with its connection. Manual and command-line runs do not take it;
    /// the jobs' idempotency keys make an overlap harmless.
    /// </summary>
    /// <exception cref="Exception">Whatever the job threw, after the failure is recorded.</exception>
    public async Task<JobRunResult> RunAsync(JobDefinition job, DateOnly asOf, JobTrigger trigger, DateTimeOffset? scheduledFor = null,
        long? userId = null, CancellationToken ct = default)
    {
        if (trigger != JobTrigger.Schedule) return await RunUnguardedAsync(job, asOf, trigger, scheduledFor, userId, ct);
        // A session lock held across the run's transactions: never through a transaction-pooling pgbouncer.
        await using var guard = await direct.DataSource.OpenConnectionAsync(ct);
        var skipWhileRunning = !job.RunsMissedOccurrences;
        await using (var take = new NpgsqlCommand(skipWhileRunning
                         ? "SELECT pg_try_advisory_lock($1, hashtext($2))"
                         : "SELECT true FROM pg_advisory_lock($1, hashtext($2))", guard) { CommandTimeout = 0 })
        {
            take.Parameters.AddWithValue(LockSpace);
            take.Parameters.AddWithValue(job.Name);
            if (!(bool)(await take.ExecuteScalarAsync(ct))!)
            {
                logger.LogInformation("Job {Job}: occurrence {ScheduledFor:O} skipped, the previous run is still running", job.Name, scheduledFor);
                return new JobRunResult(null, job.Name, asOf, trigger, SkippedOutcome, TimeSpan.Zero);
            }
        }
        try
        {
            return await RunUnguardedAsync(job, asOf, trigger, scheduledFor, userId, ct);
        }
        finally
        {
            // Returned to the pool, the session would keep the lock until its next use: released here.
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock($1, hashtext($2))", guard);
            release.Parameters.AddWithValue(LockSpace);
            release.Parameters.AddWithValue(job.Name);
            try { await release.ExecuteScalarAsync(CancellationToken.None); }
            catch (NpgsqlException e) { logger.LogWarning(e, "Job {Job}: its lock went with its connection", job.Name); }
        }
    }

    /// <summary>The first key of the jobs' advisory locks (the second is the job's name hashed): "PJ".</summary>
    private const int LockSpace = 0x504A;

    private async Task<JobRunResult> RunUnguardedAsync(JobDefinition job, DateOnly asOf, JobTrigger trigger, DateTimeOffset? scheduledFor,
        long? userId, CancellationToken ct)
    {
        var startedAt = time.GetUtcNow();
        var stopwatch = Stopwatch.StartNew();
        // A frequent job's scheduled runs are written only once they are known to have done something.
        var recordUpFront = job.RecordsIdleRuns || trigger != JobTrigger.Schedule;
        long? id = recordUpFront ? await Start(job, asOf, trigger, scheduledFor, startedAt, userId) : null;
        JobOutcome outcome;
        try
        {
            outcome = await job.Run(mediator, asOf, ct);
        }
        catch (Exception e)
        {
            id ??= await Start(job, asOf, trigger, scheduledFor, startedAt, userId);
            await Finish(id.Value, startedAt + stopwatch.Elapsed, succeeded: false, outcome: null, error: Describe(e));
            logger.LogError(e, "Job {Job} as of {AsOf} ({Trigger}) failed", job.Name, asOf.ToString("yyyy-MM-dd"), trigger);
            throw;
        }
        if (id is null && outcome.Idle) return new JobRunResult(null, job.Name, asOf, trigger, outcome.Text, stopwatch.Elapsed);
        id ??= await Start(job, asOf, trigger, scheduledFor, startedAt, userId);
        await Finish(id.Value, startedAt + stopwatch.Elapsed, succeeded: true, outcome.Text, error: null);
        if (job.KeepRuns is { } keep) await Trim(job.Name, keep);
        logger.LogInformation("Job {Job} as of {AsOf} ({Trigger}): {Outcome}", job.Name, asOf.ToString("yyyy-MM-dd"), trigger, outcome.Text);
        return new JobRunResult(id, job.Name, asOf, trigger, outcome.Text, stopwatch.Elapsed);
    }

    // The record is kept even when the run was cancelled (shutdown): CancellationToken.None below.
    private async Task<long> Start(JobDefinition job, DateOnly asOf, JobTrigger trigger, DateTimeOffset? scheduledFor, DateTimeOffset startedAt, long? userId)
    {
        await using var cmd = dataSource.CreateCommand("""
            INSERT INTO job_runs (job, as_of, trigger, scheduled_for, started_at, node, user_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            RETURNING id
            """);
        cmd.Parameters.AddWithValue(job.Name);
        cmd.Parameters.AddWithValue(asOf);
        cmd.Parameters.AddWithValue(trigger.ToString());
        cmd.Parameters.AddWithValue(scheduledFor is { } at ? at.ToUniversalTime() : DBNull.Value);
        cmd.Parameters.AddWithValue(startedAt.ToUniversalTime());
        cmd.Parameters.AddWithValue(Node);
        cmd.Parameters.AddWithValue(userId is { } user ? user : DBNull.Value);
        return (long)(await cmd.ExecuteScalarAsync(CancellationToken.None))!;
    }

    private async Task Finish(long id, DateTimeOffset finishedAt, bool succeeded, string? outcome, string? error)
    {
        await using var cmd = dataSource.CreateCommand(
            "UPDATE job_runs SET finished_at = $2, succeeded = $3, outcome = $4, error = $5 WHERE id = $1");
        cmd.Parameters.AddWithValue(id);
        cmd.Parameters.AddWithValue(finishedAt.ToUniversalTime());
        cmd.Parameters.AddWithValue(succeeded);
        cmd.Parameters.AddWithValue((object?)outcome ?? DBNull.Value);
        cmd.Parameters.AddWithValue((object?)error ?? DBNull.Value);
        await cmd.ExecuteNonQueryAsync(CancellationToken.None);
    }

    /// <summary>Keeps a frequent job's newest <paramref name="keep"/> runs; one index range, see ix_job_runs_job_id.</summary>
    private async Task Trim(string job, int keep)
    {
        await using var cmd = dataSource.CreateCommand("""
            DELETE FROM job_runs
            WHERE job = $1 AND id < (SELECT id FROM job_runs WHERE job = $1 ORDER BY id DESC OFFSET $2 LIMIT 1)
            """);
        cmd.Parameters.AddWithValue(job);
        cmd.Parameters.AddWithValue(keep - 1);
        await cmd.ExecuteNonQueryAsync(CancellationToken.None);
    }

    /// <summary>The messages down the chain: a database error's reason is usually in the inner exception.</summary>
    private static string Describe(Exception e)
    {
        var messages = new List<string>();
        for (var inner = e; inner is not null; inner = inner.InnerException) messages.Add(inner.Message);
        return string.Join(" → ", messages.Distinct());
    }
}
