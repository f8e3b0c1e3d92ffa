using System.Globalization;
using System.Text.Json;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PlanTracker.Benchmarks.Generator;
using PlanTracker.Benchmarks.Harness;
using PlanTracker.Benchmarks.Infrastructure;
using PlanTracker.Core.Features.Tasks;

namespace PlanTracker.Benchmarks.Benchmarks;

/// <summary>
/// Issue 6: the "my agency's tasks" page query beside the plain SQL that returns the same rows.
/// Candidate: <see cref="ListMyAgencyTasks"/> sent through MediatR from the app's DI container,
/// one scope (one request) per round, signed in as an ordinary officer of the agency with the most
/// tasks, with what the page (Pages/My) sends: no filters, first page of 200, once for the tasks
/// the agency leads and once for those it coordinates. Baseline: hand-written SQL on one pooled
/// Npgsql connection: the user's agency and its groups, the count, and the first 200 rows with
/// every column the page shows (lead and coordinating agencies' names, the deadline, timeliness,
/// targets with their latest actual). Before timing, both must return the same rows in the same
/// order with the same total.
/// </summary>
public sealed class MyTasksBenchmark : IBenchmark
{
    public const double Target = 1.5;
    public const int PageSize = 200;

    public string Name => "mytasks";
    public string Description => "\"my agency's tasks\" (ListMyAgencyTasks via MediatR) vs the plain SQL returning the same rows (1,000,000 tasks by default)";

    public async Task<IReadOnlyList<Figure>> RunAsync(BenchContext context)
    {
        var (database, options, log) = context;
        var spec = options.Spec("L");
        var dataset = await DataGenerator.EnsureAsync(database, spec, log);
        var today = options.AsOf ?? spec.Today;
        var officer = await BenchPeople.OfficerOfBiggestAgencyAsync(database);
        log.WriteLine($"My agency's tasks as of {today:yyyy-MM-dd}, signed in as {officer.Email} (user {officer.UserId}), " +
            $"officer of {officer.Agency} (agency {officer.AgencyId}, {officer.AgencyTasks:N0} tasks led directly or through its groups)");
        await using var services = SignedInServices.For(database, officer.UserId, officer.Role, today);
        // The plain SQL borrows connections from the app's own pool, so both sides talk to the same server processes.
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();

        var figures = new List<Figure>();
        foreach (var involvement in new[] { Involvement.Lead, Involvement.Coordinating })
        {
            async Task<Core.Common.Paged<TaskView>> Page()
            {
                await using var scope = services.CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ListMyAgencyTasks.Query(involvement, PageSize: PageSize));
            }

            async Task<(int Total, List<string> Rows)> Plain()
            {
                await using var connection = await dataSource.OpenConnectionAsync();
                return await PlainSqlAsync(connection, officer.UserId, involvement, today);
            }

            // Same rows first: a fast wrong answer is no benchmark.
            var page = await Page();
            var plain = await Plain();
            var mine = page.Items.Select(Fingerprint).ToList();
            if (page.Total != plain.Total || !mine.SequenceEqual(plain.Rows))
            {
                var at = mine.Zip(plain.Rows).Select((p, i) => (p, i)).FirstOrDefault(x => x.p.First != x.p.Second);
                throw new InvalidOperationException($"ListMyAgencyTasks ({involvement}) and the plain SQL disagree: total {page.Total} vs {plain.Total}, " +
                    $"rows {mine.Count} vs {plain.Rows.Count}; first difference at {at.i}: {at.p.First} vs {at.p.Second}");
            }
            log.WriteLine($"  {involvement}: same {mine.Count} rows of {page.Total:N0}, {page.Items.Sum(t => t.CoordinatingAgencies.Count):N0} coordinating agencies and " +
                $"{page.Items.Sum(t => t.Targets.Count):N0} targets on the page");

            // The handler's two round trips (who the user is, with what they oversee and their agency's groups;
            // then the page with its total) done in plain SQL: shows how much of the gap is round trips, not EF.
            var trips = new Side("plain SQL in the handler's 2 round trips", async () =>
            {
                await using var connection = await dataSource.OpenConnectionAsync();
                return (await PlainSqlAsync(connection, officer.UserId, involvement, today, separateRoundTrips: true)).Rows.Count;
            });
            var result = await Comparison.RunAsync($"my agency's tasks, {involvement}",
                new Side("plain SQL", async () => (await Plain()).Rows.Count),
                new Side("ListMyAgencyTasks via MediatR", async () => (await Page()).Items.Count),
                options.Warmup, options.Iterations, log, trips);
            var met = result.Ratio <= Target;
            var tripsMs = result.MedianMs(trips);
            log.WriteLine($"My agency's tasks ({involvement}): handler median {Figure.Ms(result.CandidateMedianMs)}, plain SQL {Figure.Ms(result.BaselineMedianMs)}, " +
                $"ratio {result.Ratio:N2} (target ≤ {Target}): {(met ? "met" : "NOT met")}; plain SQL in the handler's round trips {Figure.Ms(tripsMs)} " +
                $"(handler ÷ that {result.CandidateMedianMs / tripsMs:N2})");
            figures.Add(new Figure($"my agency's tasks ({involvement.ToString().ToLowerInvariant()}), {dataset.Plans.Tasks:N0} tasks, first page of {PageSize}",
                "ListMyAgencyTasks via MediatR", Figure.Ms(result.CandidateMedianMs), "plain SQL, same rows", Figure.Ms(result.BaselineMedianMs),
                $"{result.Ratio:N2}", $"≤ {Target}", met,
                $"officer of {officer.Agency} ({page.Total:N0} tasks {(involvement == Involvement.Lead ? "led" : "coordinated")}); {options.Iterations} rounds after {options.Warmup} warm-up"));
            figures.Add(new Figure($"my agency's tasks ({involvement.ToString().ToLowerInvariant()}): the handler beside the same round trips",
                "ListMyAgencyTasks via MediatR", Figure.Ms(result.CandidateMedianMs), "plain SQL in the handler's 2 round trips", Figure.Ms(tripsMs),
                $"{result.CandidateMedianMs / tripsMs:N2}", "-", null, "the account (agency, province, oversight, groups) looked up first, then count and page in one batch"));
        }
        return figures;
    }

    /// <summary>What must agree between the two sides: the row, its agencies, its state and its targets' latest actuals.</summary>
    private static string Fingerprint(TaskView t) => Row(t.Id, t.LeadAgency?.Id, t.LeadAgency is null ? null : $"{t.LeadAgency.Name}/{t.LeadAgency.Province}",
        t.CoordinatingAgencies.Select(c => $"{c.Id}:{c.Name}/{c.Province}"), t.Deadline.DueOn, t.Deadline.ExtendedDueOn, t.Deadline.Text,
        t.Timeliness.ToString(), t.Status.ToString(), t.PercentComplete, t.Version, t.Targets.Select(x => $"{x.Id}:{Number(x.LatestActual)}"));

    private static string Row(long id, long? lead, string? leadName, IEnumerable<string> coordinating, DateOnly? due, DateOnly? extended, string text,
        string timeliness, string status, int percent, int version, IEnumerable<string> targets) =>
        $"{id}|{lead}|{leadName}|{string.Join(",", coordinating.Order(StringComparer.Ordinal))}|{due}|{extended}|{text}|{timeliness}|{status}|{percent}|{version}|{string.Join(",", targets)}";

    private static string Number(decimal? value) => value?.ToString("0.############", CultureInfo.InvariantCulture) ?? "-";

    /// <summary>
    /// The page's rows the plainest way: the user's agency and the groups it belongs to, then the
    /// count and the first page with the columns the page shows, agencies (with their province, which
    /// the page names when a list spans provinces) and targets as JSON.
    /// </summary>
    private static async Task<(int Total, List<string> Rows)> PlainSqlAsync(NpgsqlConnection connection, long user, Involvement involvement, DateOnly today,
        bool separateRoundTrips = false)
    {
        if (separateRoundTrips)
        {
            // What AccessContext reads before the list itself (the session check's read on a page): one statement.
            const string Account = """
                SELECT u.security_stamp, u.lockout_end, u.agency_id, coalesce(a.short_name, a.name), a.province_id,
                       ARRAY(SELECT s.agency_id FROM steering_assignments s WHERE s.user_id = u.id),
                       ARRAY(SELECT m.group_id FROM agency_group_members m WHERE m.member_id = u.agency_id)
                FROM users u LEFT JOIN agencies a ON a.id = u.agency_id WHERE u.id = @user
                """;
            await using var step = new NpgsqlCommand(Account, connection);
            step.Parameters.AddWithValue("user", user);
            await using (var found = await step.ExecuteReaderAsync())
                while (await found.ReadAsync()) { }
        }
        const string Due = "coalesce(t.extended_due_on, t.deadline_due_on)";
        var mine = involvement == Involvement.Lead
            ? "t.lead_agency_id IN (SELECT id FROM mine)"
            : "EXISTS (SELECT 1 FROM task_coordinating_agencies c WHERE c.task_id = t.id AND c.agency_id IN (SELECT id FROM mine))";
        // A draft plan's tasks are nobody's yet (decision 0021): the handler leaves them out, so must the baseline.
        mine += " AND EXISTS (SELECT 1 FROM plans p WHERE p.id = t.plan_id AND p.status = 'Published')";
        const string Mine = """
            WITH me AS (SELECT agency_id AS id FROM users WHERE id = @user),
                 mine AS (SELECT id FROM me UNION SELECT group_id FROM agency_group_members WHERE member_id = (SELECT id FROM me))
            """;
        var sql = $"""
            {Mine}
            SELECT count(*)::int FROM plan_tasks t WHERE NOT t.is_group AND {mine};
            {Mine}
            SELECT t.id, t.plan_id, t.parent_id, t.code, t.title, la.id, coalesce(la.short_name, la.name),
                   (SELECT json_agg(json_build_object('id', a.id, 'name', coalesce(a.short_name, a.name), 'province', ap.name))
                    FROM task_coordinating_agencies c JOIN agencies a ON a.id = c.agency_id LEFT JOIN provinces ap ON ap.id = a.province_id
                    WHERE c.task_id = t.id),
                   t.deadline_kind, t.deadline_text, t.deadline_start_on, t.deadline_due_on, t.extended_due_on, t.deadline_inherited,
                   task_timeliness(t.status, t.completed_on, t.deadline_kind, {Due}, @today), t.status, t.percent_complete,
                   (SELECT json_agg(json_build_object('id', x.id, 'indicator', x.indicator, 'unit', x.unit, 'unit_text', x.unit_text,
                                                      'comparison', x.comparison, 'value', x.value, 'due_on', x.due_on, 'baseline', x.baseline, 'text', x.text,
                                                      'latest', (SELECT a.value FROM target_actuals a WHERE a.target_id = x.id ORDER BY a.recorded_at DESC LIMIT 1))
                                    ORDER BY x.sort_order)
                    FROM targets x WHERE x.task_id = t.id),
                   t.version, lp.name
            FROM (SELECT t.* FROM plan_tasks t WHERE NOT t.is_group AND {mine} ORDER BY {Due}, t.id LIMIT @rows) t
            LEFT JOIN agencies la ON la.id = t.lead_agency_id LEFT JOIN provinces lp ON lp.id = la.province_id
            ORDER BY {Due}, t.id;
            """;
        await using var cmd = new NpgsqlCommand(sql, connection);
        cmd.Parameters.AddWithValue("user", user);
        cmd.Parameters.AddWithValue("today", today);
        cmd.Parameters.AddWithValue("rows", PageSize);
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        var total = reader.GetInt32(0);
        await reader.NextResultAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            var coordinating = reader.IsDBNull(7) ? [] : JsonDocument.Parse(reader.GetString(7)).RootElement.EnumerateArray()
                .Select(c => $"{c.GetProperty("id").GetInt64()}:{c.GetProperty("name").GetString()}/{c.GetProperty("province").GetString()}").ToList();
            var targets = reader.IsDBNull(17) ? [] : JsonDocument.Parse(reader.GetString(17)).RootElement.EnumerateArray()
                .Select(x => $"{x.GetProperty("id").GetInt64()}:{(x.GetProperty("latest").ValueKind == JsonValueKind.Null ? "-" : Number(x.GetProperty("latest").GetDecimal()))}").ToList();
            var leadName = reader.IsDBNull(5) ? null : $"{reader.GetString(6)}/{(reader.IsDBNull(19) ? null : reader.GetString(19))}";
            rows.Add(Row(reader.GetInt64(0), reader.IsDBNull(5) ? null : reader.GetInt64(5), leadName, coordinating,
                reader.IsDBNull(11) ? null : reader.GetFieldValue<DateOnly>(11), reader.IsDBNull(12) ? null : reader.GetFieldValue<DateOnly>(12),
                reader.GetString(9), reader.GetString(14), reader.GetString(15), reader.GetInt32(16), reader.GetInt32(18), targets));
        }
        return (total, rows);
    }
}
