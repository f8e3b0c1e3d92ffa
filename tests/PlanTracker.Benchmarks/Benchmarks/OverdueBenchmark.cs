using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PlanTracker.Benchmarks.Generator;
using PlanTracker.Benchmarks.Harness;
using PlanTracker.Benchmarks.Infrastructure;
using PlanTracker.Core.Features.Dashboard;

namespace PlanTracker.Benchmarks.Benchmarks;

/// <summary>
/// Issue 6: the overdue list beside the plain SQL that returns the same rows. Candidate:
/// <see cref="ListOverdueTasks"/> (the handler behind the dashboard's overdue list and its sorted
/// htmx refresh) sent through MediatR from the app's DI container, one scope per round, signed in
/// as a secretariat user, first page (15 rows, the page's default) sorted by due date, the longest
/// overdue first. Three views: the secretariat's whole province (its
/// read rules keep it to its own province's agencies), narrowed to one agency (the province's one with most tasks),
/// and a steering member's of that province (the one overseeing most agencies). Baseline: hand-written SQL on one pooled
/// connection: the count and the first rows with plan, document and lead agency names. Before
/// timing, both must return the same rows in the same order with the same total.
/// </summary>
public sealed class OverdueBenchmark : IBenchmark
{
    public const double Target = 1.5;

    public string Name => "overdue";
    public string Description => "overdue list (ListOverdueTasks via MediatR, first page by due date) vs the plain SQL returning the same rows (1,000,000 tasks by default)";

    public async Task<IReadOnlyList<Figure>> RunAsync(BenchContext context)
    {
        var (database, options, log) = context;
        var spec = options.Spec("L");
        var dataset = await DataGenerator.EnsureAsync(database, spec, log);
        var today = options.AsOf ?? spec.Today;
        var secretariat = await BenchPeople.SecretariatAsync(database);
        // The secretariat sees its own province (docs/decisions/0013-read-rules.md): the agency and the steering member it
        // narrows to are of that province, the biggest of each.
        var big = await BenchPeople.OfficerOfBiggestAgencyAsync(database, inProvinceOf: secretariat.AgencyId);
        long? member;
        long province;
        await using (var connection = await database.OpenConnectionAsync())
        {
            await using (var cmd = new NpgsqlCommand($"SELECT province_id FROM agencies WHERE id = {secretariat.AgencyId}", connection))
                province = (long)(await cmd.ExecuteScalarAsync())!;
            await using var members = new NpgsqlCommand($"""
                SELECT s.user_id FROM steering_assignments s JOIN users u ON u.id = s.user_id JOIN agencies a ON a.id = u.agency_id
                WHERE a.province_id = {province} GROUP BY s.user_id ORDER BY count(*) DESC, s.user_id LIMIT 1
                """, connection);
            member = await members.ExecuteScalarAsync() as long?;
        }
        log.WriteLine($"Overdue list as of {today:yyyy-MM-dd}, signed in as {secretariat.Email} (user {secretariat.UserId}, secretariat)");
        await using var services = SignedInServices.For(database, secretariat.UserId, secretariat.Role, today);
        // The plain SQL borrows connections from the app's own pool, so both sides talk to the same server processes.
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        var rows = new DashboardOptions().ListRows;

        var views = new List<(string Label, DashboardFilter Filter)>
        {
            ("the secretariat's province", DashboardFilter.None),
            ($"one agency: {big.Agency} ({big.AgencyId})", new DashboardFilter(AgencyId: big.AgencyId)),
        };
        if (member is { } m) views.Add(($"steering member {m}'s agencies", new DashboardFilter(SteeringMemberId: m)));

        var figures = new List<Figure>();
        foreach (var (label, filter) in views)
        {
            async Task<Core.Common.Paged<ListOverdueTasks.Row>> List()
            {
                await using var scope = services.CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ListOverdueTasks.Query(filter, TaskSort.Delay, false, 1, rows));
            }

            async Task<(int Total, List<string> Rows)> Plain()
            {
                await using var connection = await dataSource.OpenConnectionAsync();
                return await PlainSqlAsync(connection, filter, province, today, rows);
            }

            var list = await List();
            var plain = await Plain();
            var mine = list.Items.Select(r => Row(r.TaskId, r.Code, r.PlanTitle, r.DocumentNumber, r.LeadAgencyId, r.LeadAgency, r.DueOn, r.PercentComplete)).ToList();
            if (list.Total != plain.Total || !mine.SequenceEqual(plain.Rows))
                throw new InvalidOperationException($"ListOverdueTasks ({label}) and the plain SQL disagree: total {list.Total} vs {plain.Total}; " +
                    $"rows [{string.Join("; ", mine)}] vs [{string.Join("; ", plain.Rows)}]");
            log.WriteLine($"  {label}: same {mine.Count} rows of {list.Total:N0} overdue");

            var result = await Comparison.RunAsync($"overdue list, {label}",
                new Side("plain SQL", async () => (await Plain()).Rows.Count),
                new Side("ListOverdueTasks via MediatR", async () => (await List()).Items.Count),
                options.Warmup, options.Iterations, log);
            var met = result.Ratio <= Target;
            log.WriteLine($"Overdue list ({label}): handler median {Figure.Ms(result.CandidateMedianMs)}, plain SQL {Figure.Ms(result.BaselineMedianMs)}, " +
                $"ratio {result.Ratio:N2} (target ≤ {Target}): {(met ? "met" : "NOT met")}");
            figures.Add(new Figure($"overdue list, {dataset.Plans.Tasks:N0} tasks, {label}, first {rows} by due date",
                "ListOverdueTasks via MediatR", Figure.Ms(result.CandidateMedianMs), "plain SQL, same rows", Figure.Ms(result.BaselineMedianMs),
                $"{result.Ratio:N2}", $"≤ {Target}", met, $"{list.Total:N0} overdue in view; {options.Iterations} rounds after {options.Warmup} warm-up"));
        }
        return figures;
    }

    private static string Row(long id, string code, string plan, string? document, long? lead, string? leadName, DateOnly due, int percent) =>
        $"{id}|{code}|{plan}|{document}|{lead}|{leadName}|{due:yyyy-MM-dd}|{percent}";

    /// <summary>
    /// Open tasks of published plans past their due date, "overdue" stated with the database's own
    /// timeliness function (the shorter "NOT is_ongoing_deadline(kind)" is equivalent, but its
    /// lower cost estimate gets a parallel plan that is slower on a busy 2-core machine, which
    /// measured the planner, not the app; docs/PERFORMANCE.md). Narrowed, the tasks led
    /// by the kept agencies or by a group one of them belongs to (the app's rule for an agency's tasks).
    /// </summary>
    private static async Task<(int, List<string>)> PlainSqlAsync(NpgsqlConnection connection, DashboardFilter filter, long province, DateOnly today, int rows)
    {
        const string Due = "coalesce(t.extended_due_on, t.deadline_due_on)";
        var kept = "SELECT a.id FROM agencies a WHERE a.kind <> 'Group' AND a.province_id = @province" + filter switch
        {
            { AgencyId: not null } => " AND a.id = @agency",
            { SteeringMemberId: not null } => " AND a.id IN (SELECT s.agency_id FROM steering_assignments s WHERE s.user_id = @member)",
            _ => "",
        };
        var leads = $" AND t.lead_agency_id IN (SELECT id FROM ({kept}) k(id) UNION SELECT m.group_id FROM agency_group_members m WHERE m.member_id IN ({kept}))";
        var overdue = $"""
            FROM plan_tasks t JOIN plans p ON p.id = t.plan_id
            WHERE NOT t.is_group AND p.status = 'Published' AND t.status IN ('NotStarted', 'InProgress') AND {Due} < @today
              AND task_timeliness(t.status, t.completed_on, t.deadline_kind, {Due}, @today) = 'InProgressOverdue'{leads}
            """;
        // Two statements, as the list needs them: the count, then the first rows.
        var count = $"SELECT count(*)::int {overdue}";
        var page = $"""
            SELECT t.id, t.code, p.title, d.number, la.id, coalesce(la.short_name, la.name), {Due}, t.percent_complete
            FROM (SELECT t.id, t.code, t.plan_id, t.sort_order, t.lead_agency_id, t.extended_due_on, t.deadline_due_on, t.percent_complete
                  {overdue} ORDER BY {Due}, t.plan_id, t.sort_order, t.id LIMIT @rows) t
            JOIN plans p ON p.id = t.plan_id JOIN documents d ON d.id = p.document_id LEFT JOIN agencies la ON la.id = t.lead_agency_id
            ORDER BY {Due}, t.plan_id, t.sort_order, t.id
            """;
        NpgsqlCommand Command(string sql)
        {
            var cmd = new NpgsqlCommand(sql, connection);
            cmd.Parameters.AddWithValue("today", today);
            cmd.Parameters.AddWithValue("rows", rows);
            cmd.Parameters.AddWithValue("province", province);
            if (filter.AgencyId is { } agency) cmd.Parameters.AddWithValue("agency", agency);
            if (filter.SteeringMemberId is { } member) cmd.Parameters.AddWithValue("member", member);
            return cmd;
        }
        int total;
        await using (var cmd = Command(count)) total = (int)(await cmd.ExecuteScalarAsync())!;
        var list = new List<string>();
        await using (var cmd = Command(page))
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                list.Add(Row(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetInt64(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetFieldValue<DateOnly>(6), reader.GetInt32(7)));
        return (total, list);
    }
}
