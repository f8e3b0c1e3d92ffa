using System.Diagnostics;
using System.Text.Json;
using Npgsql;
using PlanTracker.Benchmarks.Infrastructure;
using PlanTracker.Core.Domain;

namespace PlanTracker.Benchmarks.Generator;

public sealed record DatasetSummary(
    string Spec, int Agencies, int Users, IReadOnlyDictionary<string, int> UsersPerRole, IReadOnlyList<GeneratedUser> SampleUsers,
    PlanCounts Plans, int Holidays, double LoadSeconds, ProgressCounts? Progress = null, ReportCounts? Reports = null)
{
    public override string ToString() =>
        $"{Plans.Tasks:N0} tasks ({Plans.Headings:N0} headings, {Plans.OpenOverdue:N0} open and overdue), {Plans.Coordinating:N0} coordinating assignments, " +
        $"{Plans.Plans:N0} plans ({Plans.PublishedPlans:N0} published), {Agencies:N0} agencies, {Users:N0} users " +
        $"({string.Join(", ", UsersPerRole.Select(r => $"{r.Value:N0} {r.Key}"))}); " +
        (Progress is { } p ? $"{p.Updates:N0} progress updates ({p.Contributions:N0} contributions) on {p.TasksWithUpdates:N0} tasks, " +
            $"{p.Targets:N0} targets on {p.TasksWithTargets:N0} tasks with {p.Actuals:N0} actuals; " : "") +
        (Reports is { } r ? $"{r.Periods} quarterly periods, {r.ExpectedAgencies:N0} agencies reporting: {r.OnTime:N0} reports on time, {r.Late:N0} late, " +
            $"{r.Missing:N0} missing, {r.Drafts:N0} drafts; " : "") +
        $"loaded in {LoadSeconds:N0} s";
}

/// <summary>
/// Fills an empty, migrated PlanTracker database with a generated dataset, in one transaction
/// through COPY, and records the spec in <c>bench_dataset</c>: a later run with the same spec on
/// the same database (a kept <c>--data-dir</c> or an external server) reuses the rows instead of
/// generating them again. Each part writes its own tables from its own random stream: agencies,
/// users, plans and tasks, then (issue 6) the reporting periods with the agencies' quarterly
/// reports, and each task's progress history with targets and their actuals.
/// </summary>
public static class DataGenerator
{
    // Every table a step writes: their secondary indexes are rebuilt once after the load.
    private static readonly string[] Tables =
    [
        "provinces", "agencies", "agency_group_members", "users", "user_roles", "roles", "steering_assignments",
        "documents", "plans", "plan_tasks", "task_coordinating_agencies",
        "reporting_periods", "period_reports", "progress_updates", "targets", "target_actuals",
    ];

    // Tables whose triggers keep the dashboard's counts; off during the load, then one rebuild.
    private static readonly string[] TriggeredTables = ["plans", "plan_tasks", "targets", "target_actuals"];

    private static readonly string[] IdentityTables =
        ["provinces", "agencies", "users", "roles", "documents", "plans", "plan_tasks", "reporting_periods", "period_reports", "progress_updates", "targets", "target_actuals"];

    public static async Task<DatasetSummary> EnsureAsync(BenchDatabase database, DatasetSpec spec, TextWriter log)
    {
        await using var connection = await database.OpenConnectionAsync();
        await BulkLoad.ExecuteAsync(connection, """
            CREATE TABLE IF NOT EXISTS bench_dataset (fingerprint text PRIMARY KEY, summary jsonb NOT NULL, generated_at timestamptz NOT NULL DEFAULT now())
            """);
        if (await ExistingAsync(connection, spec) is { } existing)
        {
            log.WriteLine($"Dataset {spec.Name} already in the database: {existing}");
            return existing;
        }

        log.WriteLine($"Generating dataset {spec} ...");
        var clock = Stopwatch.StartNew();
        await using var tx = await connection.BeginTransactionAsync();
        var indexes = await BulkLoad.DropSecondaryIndexesAsync(connection, Tables);
        var foreignKeys = await BulkLoad.DropForeignKeysAsync(connection, Tables);
        // The dashboard's triggers (migration 0017) would compute each row's first at-risk day and the
        // counts as the rows stream in; one rebuild after the load does the same work in bulk.
        foreach (var table in TriggeredTables) await BulkLoad.ExecuteAsync(connection, $"ALTER TABLE {table} DISABLE TRIGGER USER");
        var holidays = await HolidaysAsync(connection);
        var calendar = new WorkingDayCalendar(holidays);
        var agencies = await AgencyGenerator.WriteAsync(connection, spec);
        log.WriteLine($"  agencies: {agencies.Count:N0} ({clock.Elapsed.TotalSeconds:N0} s)");
        var users = await UserGenerator.WriteAsync(connection, spec, agencies);
        log.WriteLine($"  users: {users.Count:N0} ({clock.Elapsed.TotalSeconds:N0} s)");
        var plans = await PlanGenerator.WriteAsync(connection, spec, agencies, calendar);
        log.WriteLine($"  plans and tasks: {plans.Tasks:N0} tasks ({clock.Elapsed.TotalSeconds:N0} s)");
        var staff = await StaffDirectory.ReadAsync(connection);
        var (quarters, reports) = await ReportGenerator.WriteAsync(connection, spec, staff);
        log.WriteLine($"  reporting periods and reports: {reports.Reports:N0} reports ({clock.Elapsed.TotalSeconds:N0} s)");
        var progress = await ProgressGenerator.WriteAsync(connection, spec, staff, quarters);
        log.WriteLine($"  progress: {progress.Updates:N0} updates, {progress.Targets:N0} targets, {progress.Actuals:N0} actuals ({clock.Elapsed.TotalSeconds:N0} s)");
        var rebuild = Stopwatch.StartNew();
        await BulkLoad.ExecuteAsync(connection, "SELECT dashboard_rebuild()");
        foreach (var table in TriggeredTables) await BulkLoad.ExecuteAsync(connection, $"ALTER TABLE {table} ENABLE TRIGGER USER");
        log.WriteLine($"  dashboard counts rebuilt in {rebuild.Elapsed.TotalSeconds:N1} s ({clock.Elapsed.TotalSeconds:N0} s)");
        await BulkLoad.RecreateAsync(connection, indexes);
        log.WriteLine($"  {indexes.Count} indexes rebuilt ({clock.Elapsed.TotalSeconds:N0} s)");
        await BulkLoad.RecreateAsync(connection, foreignKeys);
        log.WriteLine($"  {foreignKeys.Count} foreign keys added back and checked ({clock.Elapsed.TotalSeconds:N0} s)");
        await BulkLoad.AdvanceIdentitiesAsync(connection, IdentityTables);
        var summary = new DatasetSummary(spec.ToString(), agencies.Count, users.Count, users.PerRole, users.Samples, plans, holidays.Count, 0, progress, reports);
        await tx.CommitAsync();

        // What autovacuum would have done by the time a real database holds these rows: statistics and visibility map.
        await BulkLoad.ExecuteAsync(connection, "VACUUM (ANALYZE)");
        summary = summary with { LoadSeconds = Math.Round(clock.Elapsed.TotalSeconds, 1) };
        await using (var mark = new NpgsqlCommand("INSERT INTO bench_dataset (fingerprint, summary) VALUES ($1, $2::jsonb)", connection))
        {
            mark.Parameters.AddWithValue(spec.Fingerprint());
            mark.Parameters.AddWithValue(JsonSerializer.Serialize(summary));
            await mark.ExecuteNonQueryAsync();
        }
        log.WriteLine($"Generated: {summary}");
        return summary;
    }

    private static async Task<DatasetSummary?> ExistingAsync(NpgsqlConnection connection, DatasetSpec spec)
    {
        await using (var cmd = new NpgsqlCommand("SELECT fingerprint, summary::text FROM bench_dataset", connection))
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            if (await reader.ReadAsync())
            {
                if (reader.GetString(0) == spec.Fingerprint()) return JsonSerializer.Deserialize<DatasetSummary>(reader.GetString(1));
                throw new InvalidOperationException(
                    $"This database holds another generated dataset ({reader.GetString(0)}). Use another --data-dir or an empty database.");
            }
        }
        await using var any = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM plans) OR EXISTS (SELECT 1 FROM agencies)", connection);
        if ((bool)(await any.ExecuteScalarAsync())!)
            throw new InvalidOperationException("The database already holds plans or agencies: the generator needs an empty, migrated database.");
        return null;
    }

    /// <summary>The public holidays of the repository's seed data: working-day deadlines count around them, as the app does.</summary>
    private static async Task<IReadOnlyList<DateOnly>> HolidaysAsync(NpgsqlConnection connection)
    {
        var file = Path.Combine(RepoPaths.Root, "seed-data", "holidays.json");
        var holidays = JsonSerializer.Deserialize<List<HolidayRow>>(await File.ReadAllTextAsync(file), JsonSerializerOptions.Web)!;
        await using var h = await CopyWriter.StartAsync(connection, "holidays", "date", "name");
        foreach (var holiday in holidays) h.Row().Date(holiday.Date).Text(holiday.Name);
        await h.CompleteAsync();
        return holidays.Select(x => x.Date).ToList();
    }

    private sealed record HolidayRow(DateOnly Date, string Name);
}
