using Npgsql;
using PlanTracker.Core.Domain;

namespace PlanTracker.Benchmarks.Generator;

public sealed record ProgressCounts(long Updates, long Contributions, int TasksWithUpdates, int Targets, int TasksWithTargets, long Actuals);

/// <summary>
/// Each task's history as the app would have written it, consistent with the task's state: the
/// lead agency's updates (status and percent, never going back, the last one the task's current
/// status and percent; a done task's last on its completion day), coordinating agencies'
/// contributions in between, all between the plan's publication and today. Exactly
/// <see cref="DatasetSpec.ProgressUpdates"/> rows, shared among the tasks of published plans by
/// weight: open and finished work is reported more, work not started rarely, older tasks more.
/// A share of the tasks carry quantitative targets (chỉ tiêu) whose actuals were recorded with the
/// progress, as <c>RecordProgress</c> does: one per target and quarter, by the quarter's last
/// update, moving from the baseline towards the target as the work advances.
/// </summary>
public static class ProgressGenerator
{
    private sealed record TaskState(long Id, long Lead, PlanTaskStatus Status, int Percent, DateOnly? Completed, DateOnly? Due, DateOnly? Published);

    private readonly record struct TargetRow(long Id, long TaskId, int Template, decimal Value, decimal? Baseline, DateOnly? Due, int Sort);
    private readonly record struct ActualRow(long TargetId, long PeriodId, decimal Value, long? User, DateTimeOffset At);

    public static async Task<ProgressCounts> WriteAsync(NpgsqlConnection connection, DatasetSpec spec, StaffDirectory staff, QuarterDirectory quarters)
    {
        var tasks = await ReadTasksAsync(connection);
        var coordinating = await ReadCoordinatingAsync(connection);
        var lastDay = spec.Today.AddDays(-1);

        // Each task's share of the updates, then exact counts by rounding the running total.
        var r = new StableRandom(spec.Seed, "progress");
        var weights = new double[tasks.Count];
        double total = 0;
        for (var i = 0; i < tasks.Count; i++)
        {
            var t = tasks[i];
            var (start, end) = Window(t, lastDay);
            if (start is null) continue;
            var span = end!.Value.DayNumber - start.Value.DayNumber + 1;
            var basis = t.Status switch
            {
                PlanTaskStatus.NotStarted => 0.25, PlanTaskStatus.InProgress => 1.0, PlanTaskStatus.Done => 1.2,
                PlanTaskStatus.Paused => 0.8, _ => 0.5,
            };
            weights[i] = basis * Math.Clamp(Math.Sqrt(span / 90.0), 0.5, 3.0) * (0.5 + r.NextDouble());
            total += weights[i];
        }

        var tr = new StableRandom(spec.Seed, "targets");
        var targets = new List<TargetRow>();
        var actuals = new List<ActualRow>();
        var updates = new List<Update>();
        long nextUpdate = 1, contributions = 0;
        var withUpdates = 0;
        double running = 0;
        long allotted = 0;
        await using (var w = await CopyWriter.StartAsync(connection, "progress_updates",
            "id", "task_id", "agency_id", "agency_name", "user_id", "is_contribution", "status", "percent_complete", "note", "recorded_at"))
        {
            for (var i = 0; i < tasks.Count; i++)
            {
                var t = tasks[i];
                // Draft plans have targets too; only their actuals wait for progress.
                var taskTargets = tr.Chance(spec.TargetShare) ? Targets(tr, t, targets) : 0;
                if (weights[i] == 0) continue;
                running += weights[i];
                var upTo = running >= total ? spec.ProgressUpdates : (long)Math.Round(spec.ProgressUpdates * (running / total));
                var count = (int)(upTo - allotted);
                allotted = upTo;
                if (count == 0) continue;
                withUpdates++;
                updates.Clear();
                History(r, t, count, Window(t, lastDay), coordinating.GetValueOrDefault(t.Id), staff, updates);
                foreach (var u in updates)
                {
                    w.Row().Long(nextUpdate++).Long(t.Id).Long(u.Agency).Text(staff.Name(u.Agency)).Long(u.User).Bool(u.Contribution)
                        .Text(u.Contribution ? null : u.Status.ToString()).Int(u.Contribution ? null : u.Percent).Text(u.Note).Timestamp(u.At);
                    if (u.Contribution) contributions++;
                }
                if (taskTargets > 0) Actuals(tr, updates, targets, taskTargets, quarters, actuals);
            }
            await w.CompleteAsync();
        }

        await using (var w = await CopyWriter.StartAsync(connection, "targets",
            "id", "task_id", "indicator", "unit", "unit_text", "comparison", "value", "due_on", "baseline", "text", "sort_order"))
        {
            foreach (var t in targets)
            {
                var template = Templates[t.Template];
                w.Row().Long(t.Id).Long(t.TaskId).Text(template.Indicator).Enum(template.Unit).Text(template.UnitText).Enum(template.Comparison)
                    .Decimal(t.Value).Date(t.Due).Decimal(t.Baseline).Text(template.Text(t.Value)).Int(t.Sort);
            }
            await w.CompleteAsync();
        }
        await using (var w = await CopyWriter.StartAsync(connection, "target_actuals",
            "id", "target_id", "reporting_period_id", "value", "note", "recorded_by_user_id", "recorded_at"))
        {
            long id = 1;
            foreach (var a in actuals) w.Row().Long(id++).Long(a.TargetId).Long(a.PeriodId).Decimal(a.Value).Null().Long(a.User).Timestamp(a.At);
            await w.CompleteAsync();
        }
        return new ProgressCounts(nextUpdate - 1, contributions, withUpdates, targets.Count, targets.Select(t => t.TaskId).Distinct().Count(), actuals.Count);
    }

    /// <summary>The days progress could be recorded: from the day after publication to the completion day (done) or yesterday.</summary>
    private static (DateOnly? Start, DateOnly? End) Window(TaskState t, DateOnly lastDay)
    {
        if (t.Published is not { } published) return (null, null); // a draft: nobody reports on it
        var start = published.AddDays(1);
        if (start > lastDay) return (null, null);
        var end = t.Status == PlanTaskStatus.Done && t.Completed is { } done ? (done < start ? start : done > lastDay ? lastDay : done) : lastDay;
        return (start, end);
    }

    private sealed record Update(long Agency, long? User, bool Contribution, PlanTaskStatus Status, int Percent, string Note, DateTimeOffset At);

    private static void History(StableRandom r, TaskState t, int count, (DateOnly? Start, DateOnly? End) window, long[]? coordinating,
        StaffDirectory staff, List<Update> into)
    {
        var (start, end) = (window.Start!.Value, window.End!.Value);
        var span = end.DayNumber - start.DayNumber;
        var days = new int[count];
        for (var k = 0; k < count; k++) days[k] = start.DayNumber + r.Next(span + 1);
        Array.Sort(days);
        // A task finished is reported on its completion day.
        if (t.Status == PlanTaskStatus.Done) days[^1] = end.DayNumber;

        // Which updates are coordinating agencies' contributions: never the last (it sets the current state).
        var contributionShare = coordinating is null ? 0 : t.Status == PlanTaskStatus.NotStarted ? 0.6 : 0.2;
        var isContribution = new bool[count];
        var leadUpdates = 1;
        for (var k = 0; k < count - 1; k++)
            if (r.Chance(contributionShare)) isContribution[k] = true;
            else leadUpdates++;

        var lead = 0;
        var percent = 0;
        var previous = DateTimeOffset.MinValue;
        for (var k = 0; k < count; k++)
        {
            var day = DateOnly.FromDayNumber(days[k]);
            var at = ReportGenerator.At(day, r);
            // Several updates on one day follow each other in the order they were written.
            if (at <= previous) at = previous.AddMinutes(1 + r.Next(20));
            previous = at;
            if (isContribution[k])
            {
                var (agency, user) = Writer(r, r.Pick(coordinating!), staff);
                into.Add(new Update(agency, user, true, default, 0, r.Pick(ContributionNotes), at));
                continue;
            }
            lead++;
            PlanTaskStatus status;
            if (lead == leadUpdates)
            {
                (status, percent) = (t.Status, t.Percent);
            }
            else if (t.Status == PlanTaskStatus.NotStarted)
            {
                (status, percent) = (PlanTaskStatus.NotStarted, 0);
            }
            else
            {
                // Progress grows towards the final percent, in steps of five, never going back.
                var share = (double)lead / leadUpdates * (0.8 + 0.4 * r.NextDouble());
                var next = Math.Min(t.Percent == 100 ? 95 : t.Percent, (int)Math.Round(t.Percent * share / 5) * 5);
                percent = Math.Max(Math.Max(percent, next), 5);
                status = PlanTaskStatus.InProgress;
            }
            var (by, who) = Writer(r, t.Lead, staff);
            var note = status switch
            {
                PlanTaskStatus.Done => r.Pick(DoneNotes),
                PlanTaskStatus.Paused => r.Pick(PausedNotes),
                PlanTaskStatus.Cancelled => r.Pick(CancelledNotes),
                PlanTaskStatus.NotStarted => r.Pick(NotStartedNotes),
                _ => r.Pick(ProgressNotes),
            };
            into.Add(new Update(by, who, false, status, percent, note, at));
        }
    }

    /// <summary>The agency that writes for an assignee (a member, when a group is assigned) and one of its staff.</summary>
    private static (long Agency, long? User) Writer(StableRandom r, long assignee, StaffDirectory staff)
    {
        var members = staff.MembersOf(assignee);
        var agency = members.Length > 0 ? r.Pick(members) : assignee;
        var people = staff.StaffOf(agency);
        return (agency, people.Length > 0 ? r.Pick(people) : null);
    }

    private static int Targets(StableRandom r, TaskState t, List<TargetRow> into)
    {
        var count = r.Weighted<int>([(1, 60), (2, 30), (3, 10)]);
        for (var k = 0; k < count; k++)
        {
            var template = r.Next(Templates.Count);
            var (value, baseline) = Templates[template].Draw(r);
            into.Add(new TargetRow(into.Count + 1, t.Id, template, value, baseline, t.Due, k));
        }
        return count;
    }

    /// <summary>One actual per target and quarter, by the quarter's last lead update, as recording progress writes them.</summary>
    private static void Actuals(StableRandom r, List<Update> updates, List<TargetRow> targets, int taskTargets, QuarterDirectory quarters, List<ActualRow> into)
    {
        var mine = targets.GetRange(targets.Count - taskTargets, taskTargets);
        for (var k = 0; k < updates.Count; k++)
        {
            var u = updates[k];
            if (u.Contribution) continue;
            var day = DateOnly.FromDateTime(u.At.ToOffset(TimeSpan.FromHours(7)).DateTime);
            var nextInQuarter = updates.Skip(k + 1).Any(n => !n.Contribution &&
                quarters.IdOf(DateOnly.FromDateTime(n.At.ToOffset(TimeSpan.FromHours(7)).DateTime)) == quarters.IdOf(day));
            if (nextInQuarter) continue;
            foreach (var target in mine)
            {
                var from = target.Baseline ?? 0;
                // Done work lands near the target, either side of it; open work part of the way there.
                var reach = u.Status == PlanTaskStatus.Done ? 0.85 + 0.3 * r.NextDouble() : u.Percent / 100.0 * (0.7 + 0.6 * r.NextDouble());
                var value = Math.Round(from + (target.Value - from) * (decimal)reach, Templates[target.Template].Decimals);
                into.Add(new ActualRow(target.Id, quarters.IdOf(day), Math.Max(0, value), u.User, u.At));
            }
        }
    }

    private static async Task<List<TaskState>> ReadTasksAsync(NpgsqlConnection connection)
    {
        var tasks = new List<TaskState>();
        await using var cmd = new NpgsqlCommand("""
            SELECT t.id, t.lead_agency_id, t.status, t.percent_complete, t.completed_on, coalesce(t.extended_due_on, t.deadline_due_on),
                   province_date(p.published_at)
            FROM plan_tasks t JOIN plans p ON p.id = t.plan_id
            WHERE NOT t.is_group ORDER BY t.id
            """, connection);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            tasks.Add(new TaskState(reader.GetInt64(0), reader.GetInt64(1), Enum.Parse<PlanTaskStatus>(reader.GetString(2)), reader.GetInt32(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateOnly>(4), reader.IsDBNull(5) ? null : reader.GetFieldValue<DateOnly>(5),
                reader.IsDBNull(6) ? null : reader.GetFieldValue<DateOnly>(6)));
        return tasks;
    }

    private static async Task<Dictionary<long, long[]>> ReadCoordinatingAsync(NpgsqlConnection connection)
    {
        var map = new Dictionary<long, List<long>>();
        await using (var cmd = new NpgsqlCommand("SELECT task_id, agency_id FROM task_coordinating_agencies ORDER BY task_id, agency_id", connection))
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync())
            {
                if (!map.TryGetValue(reader.GetInt64(0), out var list)) map[reader.GetInt64(0)] = list = [];
                list.Add(reader.GetInt64(1));
            }
        return map.ToDictionary(p => p.Key, p => p.Value.ToArray());
    }

    /// <summary>A kind of target the digital-government plans set, with the range its values are drawn from.</summary>
    private sealed record TargetTemplate(string Indicator, TargetUnit Unit, string? UnitText, TargetComparison Comparison,
        decimal Low, decimal High, decimal? BaselineLow, decimal? BaselineHigh, int Decimals, Func<decimal, string> Text)
    {
        public (decimal Value, decimal? Baseline) Draw(StableRandom r)
        {
            var value = Math.Round(Low + (High - Low) * (decimal)r.NextDouble(), Decimals);
            if (Unit == TargetUnit.Percent) value = Math.Round(value / 5) * 5;
            decimal? baseline = BaselineLow is { } lo && BaselineHigh is { } hi ? Math.Round(lo + (hi - lo) * (decimal)r.NextDouble(), Decimals) : null;
            return (value, baseline);
        }
    }

    private static readonly IReadOnlyList<TargetTemplate> Templates =
    [
        new("Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình", TargetUnit.Percent, null, TargetComparison.AtLeast, 30, 80, 5, 25, 1,
            v => $"Tỷ lệ hồ sơ xử lý trực tuyến toàn trình đạt từ {v:0.#}% trở lên"),
        new("Tỷ lệ văn bản điện tử có ký số gửi, nhận trên môi trường mạng", TargetUnit.Percent, null, TargetComparison.AtLeast, 90, 100, 50, 85, 1,
            v => $"Tối thiểu {v:0.#}% văn bản được gửi, nhận dưới dạng điện tử"),
        new("Tỷ lệ cán bộ, công chức được tập huấn kỹ năng số", TargetUnit.Percent, null, TargetComparison.AtLeast, 50, 100, 0, 30, 1,
            v => $"{v:0.#}% cán bộ, công chức được tập huấn kỹ năng số"),
        new("Số cơ sở dữ liệu chuyên ngành được kết nối, chia sẻ", TargetUnit.Count, "cơ sở dữ liệu", TargetComparison.AtLeast, 3, 25, 0, 2, 0,
            v => $"Kết nối, chia sẻ ít nhất {v:0} cơ sở dữ liệu chuyên ngành"),
        new("Thời gian xử lý hồ sơ trung bình", TargetUnit.Other, "ngày", TargetComparison.AtMost, 3, 10, 12, 20, 0,
            v => $"Thời gian xử lý hồ sơ trung bình không quá {v:0} ngày"),
        new("Số thuê bao băng rộng cố định trên 100 dân", TargetUnit.PerHundredInhabitants, null, TargetComparison.AtLeast, 20, 45, 10, 20, 1,
            v => $"Đạt {v:0.#} thuê bao băng rộng cố định/100 dân"),
        new("Chỉ số chuyển đổi số (DTI) của tỉnh", TargetUnit.Rank, "hạng", TargetComparison.AtMost, 5, 30, 20, 50, 0,
            v => $"Chỉ số DTI xếp trong nhóm {v:0} tỉnh dẫn đầu"),
        new("Điểm hài lòng của người dân về dịch vụ công trực tuyến", TargetUnit.Score, "điểm", TargetComparison.AtLeast, 80, 95, 60, 75, 1,
            v => $"Mức độ hài lòng đạt từ {v:0.#} điểm trở lên"),
    ];

    private static readonly string[] ProgressNotes =
    [
        "Đang triển khai theo kế hoạch.", "Đã ban hành văn bản hướng dẫn, đang tổ chức thực hiện.", "Đã hoàn thành khảo sát, đang xây dựng dự thảo.",
        "Đang lấy ý kiến các cơ quan liên quan.", "Đã trình UBND tỉnh xem xét.", "Chậm do chưa bố trí được kinh phí.",
    ];
    private static readonly string[] DoneNotes = ["Đã hoàn thành.", "Hoàn thành, đã báo cáo UBND tỉnh.", "Đã đưa vào vận hành chính thức."];
    private static readonly string[] PausedNotes = ["Tạm dừng chờ ý kiến chỉ đạo.", "Tạm dừng do điều chỉnh kế hoạch."];
    private static readonly string[] CancelledNotes = ["Không thực hiện do thay đổi chủ trương.", "Nhiệm vụ được lồng ghép vào kế hoạch khác."];
    private static readonly string[] NotStartedNotes = ["Chưa triển khai, đang chuẩn bị nguồn lực.", "Chờ hướng dẫn của bộ, ngành Trung ương."];
    private static readonly string[] ContributionNotes =
    [
        "Đã cung cấp số liệu cho cơ quan chủ trì.", "Đã cử cán bộ phối hợp.", "Đã góp ý dự thảo.", "Đã chia sẻ dữ liệu theo đề nghị.",
    ];
}
