using System.Diagnostics;
using Npgsql;
using PlanTracker.Benchmarks.Harness;
using PlanTracker.Benchmarks.Http;
using PlanTracker.Benchmarks.Infrastructure;
using PlanTracker.Core.Features.Escalations;
using PlanTracker.Core.Features.Reminders;

namespace PlanTracker.Benchmarks.Benchmarks.W1;

/// <summary>
/// W1's daily mail jobs over Redmine's two reminder scopes. Redmine's reminder run covers every open
/// task due within 7 days, overdue ones included, in one mail per user. PlanTracker splits that work:
/// the reminder job tells each agency's officers about open tasks due in the next 7 days (it records
/// them in agency_notices, one row per agency and task), and the escalation job tells the lead
/// agency's head about overdue ones (notification_log, one row per person and task). The product
/// escalates on days 1, 7 and 30 past due by default; W1 configures every day (1..690) so that one
/// run covers every open overdue task, as Redmine's does. Each run is checked to cover exactly the
/// tasks it should, then timed end to end until aiosmtpd has received every mail.
/// </summary>
public static class W1Jobs
{
    /// <summary>The app's settings for W1: mail to the local SMTP server, and escalation on every day a W1 task can be overdue.</summary>
    public static Dictionary<string, string> Settings(LocalSmtpServer smtp, DateOnly today)
    {
        var settings = new Dictionary<string, string>
        {
            ["Mail__Smtp__Host"] = smtp.Host, ["Mail__Smtp__Port"] = smtp.Port.ToString(), ["Mail__PublicUrl"] = "http://127.0.0.1",
        };
        for (var day = 1; day <= W1Workload.DueDaysBefore; day++) settings[$"Escalations__DaysOverdue__{day - 1}"] = day.ToString();
        return settings;
    }

    public static async Task<IReadOnlyList<Figure>> RunAsync(BenchDatabase database, ApiClient admin, LocalSmtpServer smtp, DateOnly today, TextWriter log)
    {
        var reminders = await RunAndDeliverAsync(admin, smtp, SendDeadlineReminders.Job, today);
        var remindersCovered = await CountAsync(database, "SELECT count(DISTINCT item)::int FROM agency_notices WHERE job = $1 AND as_of = $2",
            SendDeadlineReminders.Job, today);
        var dueSoon = await CountAsync(database, OpenTasks + " AND deadline_due_on BETWEEN $1 AND $1 + 7", today);
        // 0 = 0 would prove nothing: a workload with nothing to remind of cannot catch a job that stopped recording.
        if (dueSoon == 0) throw new InvalidOperationException("No open task is due within 7 days: W1's reminder check would prove nothing");
        if (remindersCovered != dueSoon) throw new InvalidOperationException($"Reminders covered {remindersCovered} tasks; {dueSoon} are open and due within 7 days");
        log.WriteLine($"  reminders: {reminders.Outcome}, {remindersCovered:N0} tasks covered; job {Figure.Ms(reminders.JobMs)}, " +
            $"{reminders.Mails:N0} mails at the SMTP server after {reminders.Seconds:N1} s");

        var escalations = await RunAndDeliverAsync(admin, smtp, EscalateOverdueTasks.Job, today);
        var escalated = await CountAsync(database, "SELECT count(DISTINCT item)::int FROM notification_log WHERE job = $1 AND as_of = $2 AND item LIKE 'task:%'",
            EscalateOverdueTasks.Job, today);
        var overdue = await CountAsync(database, OpenTasks + " AND deadline_due_on < $1", today);
        if (overdue == 0) throw new InvalidOperationException("No open task is overdue: W1's escalation check would prove nothing");
        if (escalated != overdue) throw new InvalidOperationException($"Escalations covered {escalated} tasks; {overdue} are open and overdue");
        log.WriteLine($"  escalations: {escalations.Outcome}, {escalated:N0} tasks covered; job {Figure.Ms(escalations.JobMs)}, " +
            $"{escalations.Mails:N0} mails at the SMTP server after {escalations.Seconds:N1} s");

        const string Notes = "dispatcher run back to back through the API (scheduled: 200 every 10 s)";
        return
        [
            new Figure("W1: reminders, open tasks due within 7 days (plans' offsets 0..7), end to end to aiosmtpd", "run + dispatch until the last mail arrived",
                $"{reminders.Seconds:N1} s: {reminders.Mails:N0} mails, {remindersCovered:N0} tasks covered (job alone {Figure.Ms(reminders.JobMs)})",
                "—", "—", "—", "reported (peer comparison)", null, $"one mail per agency with items, to its officer; {Notes}"),
            new Figure("W1: reminders + escalations, every open task due within 7 days or overdue (Redmine's reminder scope), end to end",
                "both runs + dispatch until the last mail arrived",
                $"{reminders.Seconds + escalations.Seconds:N1} s: {reminders.Mails + escalations.Mails:N0} mails, {remindersCovered + escalated:N0} tasks covered " +
                $"(escalation job alone {Figure.Ms(escalations.JobMs)}, {escalations.Mails:N0} mails)",
                "—", "—", "—", "reported (peer comparison)", null,
                $"escalation: one mail per lead agency's head listing its overdue tasks, and one to the secretariat when tasks fell due yesterday; every overdue day configured; {Notes}"),
        ];
    }

    private const string OpenTasks = "SELECT count(*)::int FROM plan_tasks WHERE NOT is_group AND status IN ('NotStarted', 'InProgress')";

    private sealed record Delivery(string Outcome, int Mails, double JobMs, double Seconds);

    /// <summary>Runs the job for today through the API, then the outbox dispatcher until the SMTP server holds every mail the run queued.</summary>
    private static async Task<Delivery> RunAndDeliverAsync(ApiClient admin, LocalSmtpServer smtp, string job, DateOnly today)
    {
        smtp.Clear();
        var clock = Stopwatch.StartNew();
        var outcome = (await admin.PostAsync($"/api/v1/jobs/{job}/runs", new { asOf = today })).Expect($"{job} run").Node["outcome"]!.GetValue<string>();
        var jobMs = clock.Elapsed.TotalMilliseconds;
        var mails = int.Parse(outcome.Split(' ')[0]);
        // The dispatcher sends 200 per run; the schedule fires it every 10 s, here it is run at once until all are out.
        while (smtp.Received < mails)
        {
            (await admin.PostAsync("/api/v1/jobs/outbox-dispatch/runs", new { asOf = today })).Expect("dispatch run");
            if (clock.Elapsed > TimeSpan.FromMinutes(10)) throw new TimeoutException($"{smtp.Received} of {mails} {job} mails delivered after 10 minutes");
        }
        return new Delivery(outcome, mails, jobMs, clock.Elapsed.TotalSeconds);
    }

    private static async Task<int> CountAsync(BenchDatabase database, string sql, params object[] parameters)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters) cmd.Parameters.AddWithValue(p);
        return (int)(await cmd.ExecuteScalarAsync())!;
    }
}
