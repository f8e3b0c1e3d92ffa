using Npgsql;
using PlanTracker.Core.Domain;

namespace PlanTracker.Benchmarks.Generator;

public sealed record PlanCounts(int Documents, int Plans, int PublishedPlans, int Tasks, int Headings, int Coordinating, int OpenOverdue);

/// <summary>
/// Documents, their plans and the plans' task trees in the documents' numbering: sections
/// (I, II, …) as headings, items under them (II.3), some items split into lettered sub-items
/// (II.3.a). Each actionable task has one lead agency (mostly the province's departments, a few
/// departments leading most), zero to five coordinating agencies, sometimes a whole group
/// ("các sở, ban, ngành"), a deadline of any kind, and a state drawn against the spec's today:
/// before it most tasks are done and some are overdue, after it most are open.
/// </summary>
public static class PlanGenerator
{
    private static readonly int[][] ReminderOffsetChoices = [[30, 14, 7, 3, 1, 0], [10, 5, 1], [7, 0], [21, 7, 2]];

    private sealed record PlanDraft(long Id, int Number, ProvinceAgencies? Province, DateOnly Issued, int Size,
        DocumentKind Kind, string Signer, DateTimeOffset? PublishedAt, int[]? ReminderDays)
    {
        public string Key => $"bench/{Province?.Key ?? "central"}/{Number}";
        public string Suffix => Kind switch { DocumentKind.Plan => "KH-UBND", DocumentKind.Decision => "QĐ-UBND", DocumentKind.Directive => "CT-UBND", _ => "CTr-UBND" };
        public string Title => $"Triển khai chuyển đổi số và Chính phủ điện tử năm {Issued.Year} ({Number})";
    }

    public static async Task<PlanCounts> WriteAsync(NpgsqlConnection connection, DatasetSpec spec, AgencyDirectory agencies, WorkingDayCalendar calendar)
    {
        var r = new StableRandom(spec.Seed, "plans");
        var plans = new List<PlanDraft>();
        var issuedSpan = spec.LastIssued.DayNumber - spec.FirstIssued.DayNumber;
        for (var total = 0; total < spec.Tasks;)
        {
            var size = Math.Min(spec.Tasks - total, r.Between(spec.MeanTasksPerPlan * 3 / 10, spec.MeanTasksPerPlan * 17 / 10));
            var province = agencies.Central.Count > 0 && (agencies.Provinces.Count == 0 || r.Chance(0.05)) ? null : r.Pick(agencies.Provinces);
            var issued = spec.FirstIssued.AddDays(r.Next(issuedSpan + 1));
            var kind = r.Weighted<DocumentKind>([(DocumentKind.Plan, 60), (DocumentKind.Decision, 20), (DocumentKind.Directive, 10), (DocumentKind.ActionProgramme, 10)]);
            var signer = $"{r.Pick(VietnameseNames.FamilyNames)} {r.Pick(VietnameseNames.GivenNames)}";
            DateTimeOffset? publishedAt = r.Chance(spec.PublishedShare ?? 0.92) ? new DateTimeOffset(issued.AddDays(r.Between(2, 20)).ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero) : null;
            var reminderDays = r.Chance(0.06) ? r.Pick(ReminderOffsetChoices) : null;
            plans.Add(new PlanDraft(plans.Count + 1, plans.Count + 1, province, issued, size, kind, signer, publishedAt, reminderDays));
            total += size;
        }

        // One COPY at a time on a connection: documents, then the plans that name them.
        await using (var d = await CopyWriter.StartAsync(connection, "documents",
            "id", "key", "number", "kind", "issuer", "province_id", "issued_on", "signer", "title"))
        {
            foreach (var plan in plans)
                d.Row().Long(plan.Id).Text(plan.Key).Text($"{plan.Number}/{plan.Suffix}").Enum(plan.Kind)
                    .Text(plan.Province is { } pr ? $"UBND tỉnh {pr.Name}" : "Chính phủ")
                    .Long(plan.Province?.ProvinceId).Date(plan.Issued).Text(plan.Signer).Text(plan.Title);
            await d.CompleteAsync();
        }
        await using (var p = await CopyWriter.StartAsync(connection, "plans",
            "id", "key", "title", "document_id", "province_id", "status", "published_at", "reminder_days"))
        {
            foreach (var plan in plans)
                p.Row().Long(plan.Id).Text(plan.Key).Text($"Kế hoạch {plan.Number}/{plan.Suffix}: {plan.Title}").Long(plan.Id)
                    .Long(plan.Province?.ProvinceId).Enum(plan.PublishedAt is null ? PlanStatus.Draft : PlanStatus.Published)
                    .Timestamp(plan.PublishedAt).Ints(plan.ReminderDays);
            await p.CompleteAsync();
        }
        var published = plans.Count(p => p.PublishedAt is not null);

        var coordinating = new List<(long Task, long Agency)>();
        var deadlines = new DeadlineMaker(calendar);
        var tr = new StableRandom(spec.Seed, "tasks");
        var (tasks, headings, overdue) = (0, 0, 0);
        long nextId = 1;
        await using (var t = await CopyWriter.StartAsync(connection, "plan_tasks",
            "id", "plan_id", "parent_id", "code", "sort_order", "title", "is_group", "lead_agency_id", "expected_output",
            "extended_due_on", "status", "percent_complete", "completed_on", "deadline_due_on", "deadline_inherited",
            "deadline_kind", "deadline_start_on", "deadline_text", "deadline_working_days", "version"))
        {
            foreach (var plan in plans)
            {
                var sort = 0;
                var left = plan.Size;
                var sections = Math.Clamp(plan.Size / 25, 1, 10);
                for (var s = 1; s <= sections && left > 0; s++)
                {
                    var section = nextId++;
                    Heading(t, section, plan.Id, null, VietnameseNames.Roman(s), sort++, VietnameseNames.SectionTitles[(s - 1) % VietnameseNames.SectionTitles.Count]);
                    left--;
                    headings++;
                    // The last section takes what is left; the others share evenly.
                    var items = s == sections ? left : Math.Min(left, (plan.Size - sections) / sections);
                    for (var k = 1; items > 0; k++)
                    {
                        var code = $"{VietnameseNames.Roman(s)}.{k}";
                        if (items >= 4 && tr.Chance(0.12))
                        {
                            var sub = nextId++;
                            Heading(t, sub, plan.Id, section, code, sort++, VietnameseNames.TaskTitle(tr));
                            headings++;
                            var children = Math.Min(items - 1, tr.Between(2, 6));
                            for (var c = 0; c < children; c++)
                                overdue += Leaf(t, tr, nextId++, plan, sub, $"{code}.{(char)('a' + c)}", sort++, spec, agencies, deadlines, coordinating);
                            items -= children + 1;
                            left -= children + 1;
                        }
                        else
                        {
                            overdue += Leaf(t, tr, nextId++, plan, section, code, sort++, spec, agencies, deadlines, coordinating);
                            items--;
                            left--;
                        }
                    }
                }
                tasks += plan.Size;
            }
            await t.CompleteAsync();
        }

        await using (var c = await CopyWriter.StartAsync(connection, "task_coordinating_agencies", "task_id", "agency_id"))
        {
            foreach (var (task, agency) in coordinating) c.Row().Long(task).Long(agency);
            await c.CompleteAsync();
        }
        return new PlanCounts(plans.Count, plans.Count, published, (int)(nextId - 1), headings, coordinating.Count, overdue);
    }

    private static void Heading(CopyWriter t, long id, long planId, long? parentId, string code, int sort, string title) =>
        t.Row().Long(id).Long(planId).Long(parentId).Text(code).Int(sort).Text(title).Bool(true).Null().Null()
            .Null().Enum(PlanTaskStatus.NotStarted).Int(0).Null().Null().Bool(false)
            .Enum(DeadlineKind.Unspecified).Null().Text("").Null().Int(0);

    /// <summary>Writes one actionable task; returns 1 when it is open and past its due date.</summary>
    private static int Leaf(CopyWriter t, StableRandom r, long id, PlanDraft plan, long parentId, string code, int sort,
        DatasetSpec spec, AgencyDirectory agencies, DeadlineMaker deadlines, List<(long, long)> coordinating)
    {
        var deadline = deadlines.Make(r, plan.Issued);
        var extended = deadline is { HasDueDate: true, DueOn: { } due } && r.Chance(0.03) ? due.AddDays(r.Between(15, 120)) : (DateOnly?)null;
        var effective = deadline.HasDueDate ? extended ?? deadline.DueOn : null;
        var (status, completed) = State(r, spec, deadline.IsOngoing, effective);
        var percent = status switch
        {
            PlanTaskStatus.Done => 100,
            PlanTaskStatus.NotStarted => 0,
            _ => r.Between(1, 19) * 5,
        };
        var lead = Lead(r, plan, agencies);
        foreach (var agency in Coordinating(r, plan, agencies, lead)) coordinating.Add((id, agency));

        t.Row().Long(id).Long(plan.Id).Long(parentId).Text(code).Int(sort).Text(VietnameseNames.TaskTitle(r)).Bool(false).Long(lead)
            .Text(r.Chance(0.3) ? r.Pick(ExpectedOutputs) : null)
            .Date(extended).Enum(status).Int(percent).Date(completed).Date(deadline.DueOn).Bool(deadline.Inherited)
            .Enum(deadline.Kind).Date(deadline.StartOn).Text(deadline.Text).Int(deadline.WorkingDays).Int(r.Between(0, 3));
        return status is PlanTaskStatus.NotStarted or PlanTaskStatus.InProgress && effective < spec.Today ? 1 : 0;
    }

    private static readonly string[] ExpectedOutputs =
        ["Báo cáo kết quả thực hiện", "Hệ thống được đưa vào vận hành", "Quyết định ban hành", "Kế hoạch triển khai", "Văn bản hướng dẫn"];

    /// <summary>
    /// A state that fits the due date: before today most tasks are done (some late), a share is
    /// still open (overdue); after it most are open. Recurring and continuous tasks stay in progress.
    /// </summary>
    private static (PlanTaskStatus, DateOnly?) State(StableRandom r, DatasetSpec spec, bool ongoing, DateOnly? due)
    {
        var today = spec.Today;
        if (ongoing || due is null)
            return r.Weighted<PlanTaskStatus>([(PlanTaskStatus.InProgress, 75), (PlanTaskStatus.NotStarted, 15), (PlanTaskStatus.Paused, 4), (PlanTaskStatus.Cancelled, 2), (PlanTaskStatus.Done, 4)]) switch
            {
                PlanTaskStatus.Done => (PlanTaskStatus.Done, today.AddDays(-r.Between(1, 400))),
                var s => (s, null),
            };
        if (due < today)
        {
            var x = r.NextDouble();
            if (x < spec.OverdueShare) return (r.Chance(0.7) ? PlanTaskStatus.InProgress : PlanTaskStatus.NotStarted, null);
            if (x < spec.OverdueShare + 0.06) return (r.Chance(0.5) ? PlanTaskStatus.Paused : PlanTaskStatus.Cancelled, null);
            // Done: four in five on time, the rest late (but not after today).
            var completed = r.Chance(0.8) ? due.Value.AddDays(-r.Between(0, 60)) : Min(due.Value.AddDays(r.Between(1, 90)), today);
            return (PlanTaskStatus.Done, completed);
        }
        return r.Weighted<PlanTaskStatus>([(PlanTaskStatus.InProgress, 55), (PlanTaskStatus.NotStarted, 30), (PlanTaskStatus.Done, 12), (PlanTaskStatus.Paused, 2), (PlanTaskStatus.Cancelled, 1)]) switch
        {
            PlanTaskStatus.Done => (PlanTaskStatus.Done, today.AddDays(-r.Between(0, 30))),
            var s => (s, null),
        };
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static long Lead(StableRandom r, PlanDraft plan, AgencyDirectory agencies)
    {
        if (plan.Province is not { } p) return agencies.Central[r.Skewed(agencies.Central.Count)];
        var x = r.NextDouble();
        return x switch
        {
            < 0.01 => p.DistrictsGroupId, // "UBND các huyện" lead, each for its own area
            < 0.76 => p.ProvinceBodies[r.Skewed(p.ProvinceBodies.Count)],
            < 0.93 when p.Districts.Count > 0 => r.Pick(p.Districts),
            _ when p.Communes.Count > 0 => r.Pick(p.Communes),
            _ => p.ProvinceBodies[r.Skewed(p.ProvinceBodies.Count)],
        };
    }

    private static IEnumerable<long> Coordinating(StableRandom r, PlanDraft plan, AgencyDirectory agencies, long lead)
    {
        var count = r.Weighted<int>([(0, 35), (1, 30), (2, 20), (3, 10), (5, 5)]);
        var chosen = new HashSet<long> { lead };
        for (var i = 0; i < count * 3 && chosen.Count <= count; i++)
        {
            var agency = plan.Province is not { } p
                ? r.Chance(0.6) ? agencies.Central[r.Skewed(agencies.Central.Count)] : r.Pick(agencies.Provinces).PeopleCommitteeId
                : r.Chance(0.85) || p.Districts.Count == 0 ? p.ProvinceBodies[r.Skewed(p.ProvinceBodies.Count)] : r.Pick(p.Districts);
            if (chosen.Add(agency)) yield return agency;
        }
        if (plan.Province is { } province && r.Chance(0.06))
        {
            var group = r.Weighted<long>([(province.DepartmentsGroupId, 60), (province.DistrictsGroupId, 30), (province.CommunesGroupId, 10)]);
            if (chosen.Add(group)) yield return group;
        }
    }
}
