using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PlanTracker.Benchmarks.Generator;
using PlanTracker.Benchmarks.Harness;
using PlanTracker.Benchmarks.Infrastructure;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Features.Cascade;

namespace PlanTracker.Benchmarks.Benchmarks;

/// <summary>
/// Issue 18: the view from above (<see cref="GetParentView"/>, through MediatR, as a steering member,
/// who sees every province) for a national plan of 200 tasks linked from every province of the dataset,
/// beside one plain SQL statement that returns the same per-task, per-province counts. Target: the
/// handler answers within 300 ms. The national plan and its links are added once to the generated
/// dataset (key <c>bench/cascade-national</c>; untimed, kept for the next run): the parent's tasks are
/// copies of a generated plan's first 200 tasks with their targets; each province links up to 200 of
/// its published tasks (those with targets first, to the parent's tasks with targets first), leaving
/// one parent task in ten uncovered, so "not covered" is never empty.
/// </summary>
public sealed class CascadeBenchmark : IBenchmark
{
    public const double TargetMs = 300;
    private const string ParentKey = "bench/cascade-national";
    private const int NationalTasks = 200;

    /// <summary>A smoke run's plans are a few dozen tasks: its national plan copies 10 of one.</summary>
    private static int ParentTasks(BenchOptions options) => options.Smaller(NationalTasks, 10);

    public string Name => "cascade";
    public string Description => "view from above (GetParentView via MediatR) of a national plan of 200 tasks linked from every province vs the plain SQL (L by default)";

    public async Task<IReadOnlyList<Figure>> RunAsync(BenchContext context)
    {
        var (database, options, log) = context;
        var spec = options.Spec("L");
        var dataset = await DataGenerator.EnsureAsync(database, spec, log);
        var today = options.AsOf ?? spec.Today;
        long parent, member;
        int links, provinces;
        await using (var connection = await database.OpenConnectionAsync())
        {
            parent = await EnsureParentAsync(connection, ParentTasks(options), log);
            await using (var cmd = new NpgsqlCommand("SELECT user_id FROM steering_assignments ORDER BY user_id LIMIT 1", connection))
                member = (long)(await cmd.ExecuteScalarAsync())!;
            await using (var cmd = new NpgsqlCommand("""
                SELECT count(*)::int, count(DISTINCT p.province_id)::int FROM task_links l
                JOIN plan_tasks pt ON pt.id = l.parent_task_id JOIN plan_tasks t ON t.id = l.task_id JOIN plans p ON p.id = t.plan_id
                WHERE pt.plan_id = $1
                """, connection))
            {
                cmd.Parameters.AddWithValue(parent);
                await using var reader = await cmd.ExecuteReaderAsync();
                await reader.ReadAsync();
                (links, provinces) = (reader.GetInt32(0), reader.GetInt32(1));
            }
        }
        log.WriteLine($"National plan {parent}: {ParentTasks(options)} tasks, {links:N0} links from {provinces} provinces; as steering member {member}, as of {today:yyyy-MM-dd}");
        await using var services = SignedInServices.For(database, member, Roles.SteeringMember, today);
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();

        async Task<GetParentView.Result> View()
        {
            await using var scope = services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new GetParentView.Query(parent));
        }

        async Task<List<string>> Plain()
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            return await PlainSqlAsync(connection, parent, today);
        }

        // Both sides must say the same: per parent task and province, tasks / on time / overdue / done.
        var view = await View();
        var mine = view.Rows.SelectMany(r => r.Covered.Select(c => $"{r.TaskId}|{c.ProvinceId}|{c.Tasks}|{c.OnTime}|{c.Overdue}|{c.Done}")).Order(StringComparer.Ordinal).ToList();
        var plain = (await Plain()).Order(StringComparer.Ordinal).ToList();
        if (!mine.SequenceEqual(plain))
            throw new InvalidOperationException($"GetParentView and the plain SQL disagree: {mine.Count} vs {plain.Count} rows; first difference " +
                $"{mine.Zip(plain).FirstOrDefault(p => p.First != p.Second)}");
        var uncovered = view.Rows.Count(r => !r.IsGroup && r.NotCovered.Count > 0);
        var reporting = view.Rows.SelectMany(r => r.Targets).Count(t => t.SharePercent is not null);
        log.WriteLine($"  same {mine.Count:N0} (task, province) rows; {uncovered} tasks not covered somewhere; {reporting} targets with a share");

        var result = await Comparison.RunAsync("view from above",
            new Side("plain SQL", async () => (await Plain()).Count),
            new Side("GetParentView via MediatR", async () => (await View()).Rows.Count),
            options.Warmup, options.Iterations, log);
        var met = result.CandidateMedianMs <= TargetMs;
        log.WriteLine($"View from above: handler median {Figure.Ms(result.CandidateMedianMs)}, plain SQL {Figure.Ms(result.BaselineMedianMs)}, " +
            $"ratio {result.Ratio:N2} (target ≤ {TargetMs} ms): {(met ? "met" : "NOT met")}");
        return
        [
            new Figure($"view from above, national plan of {ParentTasks(options)} tasks, {links:N0} links from {provinces} provinces, dataset {dataset.Plans.Tasks:N0} tasks",
                "GetParentView via MediatR", Figure.Ms(result.CandidateMedianMs), "plain SQL, same counts", Figure.Ms(result.BaselineMedianMs),
                $"{result.Ratio:N2}", $"≤ {TargetMs} ms", met, $"steering member (every province); {options.Iterations} rounds after {options.Warmup} warm-up"),
        ];
    }

    /// <summary>One statement: every link of the parent plan's tasks, grouped by parent task and province, states by the database's timeliness function.</summary>
    private static async Task<List<string>> PlainSqlAsync(NpgsqlConnection connection, long parent, DateOnly today)
    {
        await using var cmd = new NpgsqlCommand("""
            SELECT pt.id, p.province_id, count(DISTINCT t.id)::int,
                   count(DISTINCT t.id) FILTER (WHERE x.tl IN ('NotStarted', 'InProgressWithinDeadline', 'Continuous'))::int,
                   count(DISTINCT t.id) FILTER (WHERE x.tl = 'InProgressOverdue')::int,
                   count(DISTINCT t.id) FILTER (WHERE x.tl IN ('DoneOnTime', 'DoneLate'))::int
            FROM plan_tasks pt
            JOIN task_links l ON l.parent_task_id = pt.id
            JOIN plan_tasks t ON t.id = l.task_id
            JOIN plans p ON p.id = t.plan_id AND p.province_id IS NOT NULL AND p.status = 'Published',
            LATERAL (SELECT task_timeliness(t.status, t.completed_on, t.deadline_kind, coalesce(t.extended_due_on, t.deadline_due_on), $2) AS tl) x
            WHERE pt.plan_id = $1
            GROUP BY pt.id, p.province_id
            """, connection);
        cmd.Parameters.AddWithValue(parent);
        cmd.Parameters.AddWithValue(today);
        var rows = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add($"{reader.GetInt64(0)}|{reader.GetInt64(1)}|{reader.GetInt32(2)}|{reader.GetInt32(3)}|{reader.GetInt32(4)}|{reader.GetInt32(5)}");
        return rows;
    }

    /// <summary>The national plan and its links, added once (one transaction) and found again by key on later runs.</summary>
    private static async Task<long> EnsureParentAsync(NpgsqlConnection connection, int parentTasks, TextWriter log)
    {
        await using (var find = new NpgsqlCommand("SELECT id FROM plans WHERE key = $1", connection))
        {
            find.Parameters.AddWithValue(ParentKey);
            if (await find.ExecuteScalarAsync() is long existing) return existing;
        }
        log.WriteLine($"Adding the national plan '{ParentKey}' and its provinces' links (once)…");
        await using var tx = await connection.BeginTransactionAsync();
        // Columns copied as the generator wrote them, so this follows the schema without naming every column.
        async Task<string> Columns(string table, params string[] set)
        {
            await using var cmd = new NpgsqlCommand("SELECT string_agg(column_name, ',' ORDER BY ordinal_position) FROM information_schema.columns " +
                "WHERE table_schema = current_schema() AND table_name = $1 AND column_name <> 'id' AND NOT (column_name = ANY($2))", connection, tx);
            cmd.Parameters.AddWithValue(table);
            cmd.Parameters.AddWithValue(set);
            return (string)(await cmd.ExecuteScalarAsync())!;
        }
        var planColumns = await Columns("plans", "key", "title", "province_id");
        var taskColumns = await Columns("plan_tasks", "plan_id", "parent_id", "sort_order");
        var targetColumns = await Columns("targets", "task_id");
        await BulkLoad.ExecuteAsync(connection, $"""
            CREATE TEMP TABLE bench_source ON COMMIT DROP AS
              SELECT id FROM plans WHERE status = 'Published' AND province_id IS NOT NULL
                AND (SELECT count(*) FROM plan_tasks t WHERE t.plan_id = plans.id AND NOT t.is_group) >= {parentTasks}
              ORDER BY id LIMIT 1;
            CREATE TEMP TABLE bench_parent ON COMMIT DROP AS WITH p AS (
              INSERT INTO plans (key, title, province_id, {planColumns})
              SELECT '{ParentKey}', 'Chương trình quốc gia (dữ liệu đo hiệu năng)', NULL, {planColumns} FROM plans WHERE id = (SELECT id FROM bench_source)
              RETURNING id) SELECT id FROM p;
            CREATE TEMP TABLE bench_tasks ON COMMIT DROP AS
              SELECT t.id AS source_id, row_number() OVER (ORDER BY t.sort_order)::int AS n FROM plan_tasks t
              WHERE t.plan_id = (SELECT id FROM bench_source) AND NOT t.is_group ORDER BY t.sort_order LIMIT {parentTasks};
            INSERT INTO plan_tasks (plan_id, parent_id, sort_order, {taskColumns})
              SELECT (SELECT id FROM bench_parent), NULL, b.n, {string.Join(",", taskColumns.Split(',').Select(c => "t." + c))}
              FROM bench_tasks b JOIN plan_tasks t ON t.id = b.source_id;
            INSERT INTO targets (task_id, {targetColumns})
              SELECT nt.id, {string.Join(",", targetColumns.Split(',').Select(c => "g." + c))}
              FROM bench_tasks b JOIN targets g ON g.task_id = b.source_id
              JOIN plan_tasks nt ON nt.plan_id = (SELECT id FROM bench_parent) AND nt.sort_order = b.n;
            INSERT INTO plan_parents (plan_id, parent_plan_id, linked_at)
              SELECT p.id, (SELECT id FROM bench_parent), now() FROM plans p WHERE p.status = 'Published' AND p.province_id IS NOT NULL;
            -- Parent tasks with targets first, each province's tasks with targets first: rank n links to rank n.
            WITH parents AS (
                   SELECT t.id, row_number() OVER (ORDER BY EXISTS (SELECT 1 FROM targets g WHERE g.task_id = t.id) DESC, t.sort_order) AS n
                   FROM plan_tasks t WHERE t.plan_id = (SELECT id FROM bench_parent)),
                 own AS (
                   SELECT t.id, p.province_id,
                          row_number() OVER (PARTITION BY p.province_id ORDER BY EXISTS (SELECT 1 FROM targets g WHERE g.task_id = t.id) DESC, t.id) AS n
                   FROM plan_tasks t JOIN plans p ON p.id = t.plan_id
                   WHERE p.status = 'Published' AND p.province_id IS NOT NULL AND NOT t.is_group)
            INSERT INTO task_links (task_id, parent_task_id, parent_target_id, target_id, linked_at)
            SELECT o.id, pa.id, pg.id, mt.id, now()
            FROM own o JOIN parents pa ON pa.n = o.n
            LEFT JOIN LATERAL (SELECT g.id, g.unit FROM targets g WHERE g.task_id = pa.id ORDER BY g.sort_order LIMIT 1) pg ON true
            LEFT JOIN LATERAL (SELECT g.id FROM targets g WHERE g.task_id = o.id AND g.unit = pg.unit ORDER BY g.sort_order LIMIT 1) mt ON true
            WHERE (o.n + o.province_id) % 10 <> 0;
            ANALYZE task_links; ANALYZE plan_parents;
            """);
        await tx.CommitAsync();
        await using var again = new NpgsqlCommand("SELECT id FROM plans WHERE key = $1", connection);
        again.Parameters.AddWithValue(ParentKey);
        return (long)(await again.ExecuteScalarAsync())!;
    }
}
