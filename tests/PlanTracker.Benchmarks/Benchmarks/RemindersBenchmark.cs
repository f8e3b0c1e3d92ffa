using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PlanTracker.Benchmarks.Generator;
using PlanTracker.Benchmarks.Harness;
using PlanTracker.Core.Features.Reminders;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Benchmarks.Benchmarks;

/// <summary>
/// Issue 4: "the daily reminder scan over a million tasks takes at most 1.5 times the single SQL
/// query that selects the same due set". Candidate: the real handler, sent through MediatR from
/// the app's DI container, inside a transaction rolled back after each round (and the outbox and
/// notification log truncated, untimed), so every round starts from the same state. Baseline:
/// <see cref="ReminderBaselineQuery"/>. Before timing, both are run once and must select exactly
/// the same (officer, task) pairs, or the benchmark stops.
/// </summary>
public sealed class RemindersBenchmark : IBenchmark
{
    public const double Target = 1.5;

    public string Name => "reminders";
    public string Description => "daily deadline reminder handler vs the single SQL query selecting the same due set (1,000,000 tasks by default)";

    public async Task<IReadOnlyList<Figure>> RunAsync(BenchContext context)
    {
        var (database, options, log) = context;
        var spec = options.Spec("L");
        var dataset = await DataGenerator.EnsureAsync(database, spec, log);
        var asOf = options.AsOf ?? spec.Today;
        await using var services = database.Services();
        var offsets = services.GetRequiredService<ReminderOptions>().DaysBefore;

        log.WriteLine($"Reminder scan as of {asOf:yyyy-MM-dd}, default offsets [{string.Join(", ", offsets)}] days");
        var agreed = await CheckSameDueSetAsync(database, services, asOf, offsets, log);

        NpgsqlConnection? connection = null;
        var baseline = new Side("single SQL query",
            Prepare: async () => connection = await database.OpenConnectionAsync(),
            Run: async () => (await ReminderBaselineQuery.RunAsync(connection!, asOf, offsets, collect: false)).Rows,
            Cleanup: async () => await connection!.DisposeAsync());

        AsyncServiceScope scope = default;
        IDbContextTransaction? tx = null;
        var candidate = new Side("reminder handler",
            Prepare: async () =>
            {
                scope = services.CreateAsyncScope();
                tx = await scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>().Database.BeginTransactionAsync();
            },
            Run: async () => (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SendDeadlineReminders.Command(asOf))).Items,
            Cleanup: async () =>
            {
                await tx!.RollbackAsync();
                await scope.DisposeAsync();
                await TruncateMailAsync(database);
            });

        NpgsqlConnection? floorConnection = null;
        NpgsqlTransaction? floorTx = null;
        var floor = new Side("query + COPY of the same mails",
            Prepare: async () =>
            {
                floorConnection = await database.OpenConnectionAsync();
                floorTx = await floorConnection.BeginTransactionAsync();
            },
            Run: async () =>
            {
                var rows = (await ReminderBaselineQuery.RunAsync(floorConnection!, asOf, offsets, collect: false)).Rows;
                await agreed.Mails.WriteAsync(floorConnection!);
                return rows;
            },
            Cleanup: async () =>
            {
                await floorTx!.RollbackAsync();
                await floorConnection!.DisposeAsync();
                await TruncateMailAsync(database);
            });

        var result = await Comparison.RunAsync("reminder scan", baseline, candidate, options.Warmup, options.Iterations, log, floor);
        var floorMs = result.MedianMs(floor);

        // One more handler run, alone, for its memory: the due set and the mails are held while they are written.
        await candidate.Prepare!();
        var (_, memory) = await MemoryProbe.MeasureAsync(candidate.Run);
        await candidate.Cleanup!();
        log.WriteLine($"  handler memory: {memory}");

        var met = result.Ratio <= Target;
        log.WriteLine($"Reminder scan: handler median {Figure.Ms(result.CandidateMedianMs)}, query median {Figure.Ms(result.BaselineMedianMs)}, " +
            $"ratio {result.Ratio:N2} (target ≤ {Target}): {(met ? "met" : "NOT met")}");
        log.WriteLine($"  the floor (query, then COPY of the same {agreed.Mails.Mails:N0} mails, {agreed.Mails.Bytes / 1048576.0:N1} MB of bodies, and {agreed.Pairs:N0} log rows): " +
            $"median {Figure.Ms(floorMs)}, {floorMs / result.BaselineMedianMs:N2} × the query; the handler is {result.CandidateMedianMs / floorMs:N2} × the floor");
        return
        [
            new Figure($"reminder scan, {dataset.Plans.Tasks:N0} tasks, as of {asOf:dd/MM/yyyy}",
                "handler via MediatR", Figure.Ms(result.CandidateMedianMs), "single SQL query", Figure.Ms(result.BaselineMedianMs),
                $"{result.Ratio:N2}", $"≤ {Target}", met,
                $"{agreed.Pairs:N0} (officer, task) pairs, {agreed.Mails.Mails:N0} mails; {options.Iterations} rounds after {options.Warmup} warm-up; handler peak RSS +{memory.PeakGrowth / 1048576.0:N0} MB"),
            new Figure("reminder scan: the handler beside the least any job must do",
                "handler via MediatR", Figure.Ms(result.CandidateMedianMs), "query + COPY of the same mails", Figure.Ms(floorMs),
                $"{result.CandidateMedianMs / floorMs:N2}", "-", null,
                $"the floor alone is {floorMs / result.BaselineMedianMs:N2} × the query: writing the {agreed.Mails.Mails:N0} mails ({agreed.Mails.Bytes / 1048576.0:N0} MB) " +
                $"accounts for {Math.Clamp((floorMs - result.BaselineMedianMs) / (result.CandidateMedianMs - result.BaselineMedianMs), 0, 1):P0} of the handler's time beyond the query"),
        ];
    }

    private sealed record DueSet(int Pairs, MailWriteFloor Mails);

    /// <summary>Runs both once and compares what they select: a fast wrong answer is no benchmark.</summary>
    private static async Task<DueSet> CheckSameDueSetAsync(Infrastructure.BenchDatabase database, IServiceProvider services, DateOnly asOf, int[] offsets, TextWriter log)
    {
        await TruncateMailAsync(database);
        HashSet<(long, long)> fromHandler;
        int mails;
        MailWriteFloor written;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SendDeadlineReminders.Command(asOf));
            var logged = await db.NotificationLog.AsNoTracking().Where(n => n.Job == SendDeadlineReminders.Job && n.AsOf == asOf)
                .Select(n => new { n.UserId, n.Item }).ToListAsync();
            fromHandler = logged.Select(n => (n.UserId, long.Parse(n.Item["task:".Length..]))).ToHashSet();
            mails = result.Mails;
            written = await MailWriteFloor.CaptureAsync((NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)tx.GetDbTransaction());
            await tx.RollbackAsync();
        }
        await TruncateMailAsync(database);

        await using var connection = await database.OpenConnectionAsync();
        var fromQuery = (await ReminderBaselineQuery.RunAsync(connection, asOf, offsets, collect: true)).Pairs!;
        var users = fromQuery.Select(p => p.User).Distinct().Count();
        if (!fromHandler.SetEquals(fromQuery) || users != mails)
            throw new InvalidOperationException(
                $"The handler and the baseline query disagree: handler {fromHandler.Count} pairs in {mails} mails, query {fromQuery.Count} pairs for {users} officers; " +
                $"only in handler: {string.Join(", ", fromHandler.Except(fromQuery).Take(5))}; only in query: {string.Join(", ", fromQuery.Except(fromHandler).Take(5))}");
        log.WriteLine($"  same due set: {fromQuery.Count:N0} (officer, task) pairs, {mails:N0} mails, {fromQuery.Select(p => p.Task).Distinct().Count():N0} tasks");
        return new DueSet(fromQuery.Count, written);
    }

    private static async Task TruncateMailAsync(Infrastructure.BenchDatabase database)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand("TRUNCATE notification_log, outbox_attachments, outbox_messages", connection);
        await cmd.ExecuteNonQueryAsync();
    }
}
