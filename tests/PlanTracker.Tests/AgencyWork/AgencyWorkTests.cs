using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PlanTracker.Core.Seeding;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.AgencyWork;

/// <summary>Inside the agency (issue 18 item 4, decision 0028): assignment, "assigned to me", the approval step, the thread, the bell.</summary>
public sealed class AgencyWorkTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Officer = "canbo.noivu@plantracker.local";
    private const string Head = "giamdoc.noivu@plantracker.local";
    private const string Plan = "vinh-phuc/kh-36a";

    [Fact]
    public async Task Should_assign_a_task_with_directions_and_show_it_to_the_officer_with_a_notification_and_an_audit_entry()
    {
        var head = await app.ClientForAsync(Head);
        var officer = await app.ClientForAsync(Officer);
        var task = await FutureTaskAsync("2027");
        var officerId = await UserId(Officer);

        var response = await head.PostAsJsonAsync($"/api/v1/tasks/{task}/assignments",
            new { assigneeUserIds = new[] { officerId }, dueOn = "2027-06-30", directions = "Chủ trì, báo cáo trước 30/6." });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var mine = await officer.GetFromJsonAsync<JsonElement>("/api/v1/my/assignments");
        var row = mine.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("taskId").GetInt64() == task);
        Assert.Equal("2027-06-30", row.GetProperty("dueOn").GetString());
        Assert.Equal("Chủ trì, báo cáo trước 30/6.", row.GetProperty("directions").GetString());
        Assert.Equal("Lê Văn Giám Đốc", row.GetProperty("assignedBy").GetString());
        var bell = await officer.GetFromJsonAsync<JsonElement>("/api/v1/me/notifications?unreadOnly=true");
        Assert.Contains(bell.GetProperty("items").GetProperty("items").EnumerateArray(),
            n => n.GetProperty("taskId").GetInt64() == task && n.GetProperty("text").GetString()!.Contains("giao cho bạn"));
        Assert.Equal(1, await Scalar($"SELECT count(*) FROM audit_events WHERE action = 'task.assigned' AND entity_id = {task}"));
    }

    [Fact]
    public async Task Should_refuse_a_due_date_after_the_deadline_and_an_officer_of_another_agency_naming_the_field_and_saving_nothing()
    {
        var head = await app.ClientForAsync(Head);
        var task = await FutureTaskAsync("2027");
        await app.ClientForNewUserAsync("canbo.khac.assign@test.local", "AgencyOfficer", "vinh-phuc/tt-ha-tang-thong-tin");
        var stranger = await UserId("canbo.khac.assign@test.local");
        var officerId = await UserId(Officer);

        var late = await head.PostAsJsonAsync($"/api/v1/tasks/{task}/assignments",
            new { assigneeUserIds = new[] { officerId }, dueOn = "2028-01-15", directions = "x" });
        var foreign = await head.PostAsJsonAsync($"/api/v1/tasks/{task}/assignments",
            new { assigneeUserIds = new[] { officerId, stranger }, dueOn = "2027-03-01", directions = "x" });
        var noDirections = await head.PostAsJsonAsync($"/api/v1/tasks/{task}/assignments",
            new { assigneeUserIds = new[] { officerId }, dueOn = "2027-03-01", directions = "" });

        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        var lateBody = await late.Content.ReadAsStringAsync();
        Assert.Contains("\"dueOn\"", lateBody);
        Assert.Contains("Hạn xử lý (15/01/2028) phải trong thời hạn của nhiệm vụ (31/12/2027)", lateBody);
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        var foreignBody = await foreign.Content.ReadAsStringAsync();
        Assert.Contains("assigneeUserIds[1]", foreignBody);
        Assert.Contains("không phải cán bộ của Sở Nội vụ", foreignBody);
        Assert.Equal(HttpStatusCode.BadRequest, noDirections.StatusCode);
        Assert.Contains("Ý kiến chỉ đạo", await noDirections.Content.ReadAsStringAsync());
        Assert.Equal(0, await Scalar($"SELECT count(*) FROM task_assignments WHERE task_id = {task}"));
        Assert.Equal(0, await Scalar($"SELECT count(*) FROM notifications WHERE task_id = {task}"));
    }

    [Fact]
    public async Task Should_let_only_the_head_or_a_named_deputy_assign()
    {
        var officer = await app.ClientForAsync(Officer);
        var head = await app.ClientForAsync(Head);
        var otherHead = await app.ClientForNewUserAsync("giamdoc.khac.assign@test.local", "AgencyHead", "vinh-phuc/tt-ha-tang-thong-tin");
        var task = await FutureTaskAsync("2027");
        var officerId = await UserId(Officer);
        object Body() => new { assigneeUserIds = new[] { officerId }, dueOn = "2027-03-01", directions = "Làm ngay." };

        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync($"/api/v1/tasks/{task}/assignments", Body())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherHead.PostAsJsonAsync($"/api/v1/tasks/{task}/assignments", Body())).StatusCode);

        var settings = await head.GetFromJsonAsync<JsonElement>("/api/v1/my/agency/settings");
        var named = await head.PutAsJsonAsync("/api/v1/my/agency/settings",
            new { progressNeedsApproval = false, deputyUserIds = new[] { officerId }, version = settings.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, named.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/v1/tasks/{task}/assignments", Body())).StatusCode);

        // The head takes the deputy back, so the other tests see the officer as an officer.
        settings = await head.GetFromJsonAsync<JsonElement>("/api/v1/my/agency/settings");
        await head.PutAsJsonAsync("/api/v1/my/agency/settings", new { progressNeedsApproval = false, deputyUserIds = Array.Empty<long>(), version = settings.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PutAsJsonAsync("/api/v1/my/agency/settings", new { progressNeedsApproval = true, version = 0 })).StatusCode);
    }

    [Fact]
    public async Task Should_hold_an_officers_progress_for_approval_and_publish_it_when_the_head_approves()
    {
        var head = await app.ClientForAsync(Head);
        var officer = await app.ClientForAsync(Officer);
        var task = await FutureTaskAsync("2027");
        await SetApprovalAsync(head, true);
        try
        {
            var before = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{task}");
            var version = before.GetProperty("task").GetProperty("version").GetInt32();

            var held = await officer.PostAsJsonAsync($"/api/v1/tasks/{task}/progress", new { version, status = "inProgress", percentComplete = 60, note = "Đã xong dự thảo." });

            Assert.Equal(HttpStatusCode.OK, held.StatusCode);
            var submissionId = (await held.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("submissionId").GetInt64();
            Assert.Equal(0, (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{task}")).GetProperty("task").GetProperty("percentComplete").GetInt32());
            var second = await officer.PostAsJsonAsync($"/api/v1/tasks/{task}/progress", new { version, status = "inProgress", percentComplete = 70, note = "Thêm." });
            Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
            Assert.Contains("chờ lãnh đạo duyệt", await second.Content.ReadAsStringAsync());

            var pending = await head.GetFromJsonAsync<JsonElement>("/api/v1/my/progress-submissions");
            Assert.True(pending.GetProperty("deciding").GetBoolean());
            Assert.Contains(pending.GetProperty("items").GetProperty("items").EnumerateArray(), s => s.GetProperty("id").GetInt64() == submissionId);
            Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync($"/api/v1/progress-submissions/{submissionId}/decision", new { approve = true })).StatusCode);

            var approved = await head.PostAsJsonAsync($"/api/v1/progress-submissions/{submissionId}/decision", new { approve = true });

            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
            var after = (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{task}")).GetProperty("task");
            Assert.Equal(60, after.GetProperty("percentComplete").GetInt32());
            Assert.Equal(1, await Scalar($"SELECT count(*) FROM audit_events WHERE action = 'progress.approved' AND entity_id = {task}"));
            var bell = await officer.GetFromJsonAsync<JsonElement>("/api/v1/me/notifications");
            Assert.Contains(bell.GetProperty("items").GetProperty("items").EnumerateArray(), n => n.GetProperty("kind").GetString() == "progressApproved");
        }
        finally
        {
            await SetApprovalAsync(head, false);
        }
    }

    [Fact]
    public async Task Should_return_progress_only_with_a_comment_and_leave_the_task_unchanged()
    {
        var head = await app.ClientForAsync(Head);
        var officer = await app.ClientForAsync(Officer);
        var task = await FutureTaskAsync("2027");
        await SetApprovalAsync(head, true);
        try
        {
            var version = (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{task}")).GetProperty("task").GetProperty("version").GetInt32();
            var held = await officer.PostAsJsonAsync($"/api/v1/tasks/{task}/progress", new { version, status = "inProgress", percentComplete = 30, note = "Mới bắt đầu." });
            var id = (await held.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("submissionId").GetInt64();

            var bare = await head.PostAsJsonAsync($"/api/v1/progress-submissions/{id}/decision", new { approve = false });
            var returned = await head.PostAsJsonAsync($"/api/v1/progress-submissions/{id}/decision", new { approve = false, comment = "Bổ sung số liệu." });

            Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
            Assert.Contains("\"comment\"", await bare.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
            Assert.Equal(0, (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{task}")).GetProperty("task").GetProperty("percentComplete").GetInt32());
            var mine = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/my/progress-submissions?taskId={task}");
            var row = mine.GetProperty("items").GetProperty("items")[0];
            Assert.Equal("returned", row.GetProperty("state").GetString());
            Assert.Equal("Bổ sung số liệu.", row.GetProperty("decisionComment").GetString());
        }
        finally
        {
            await SetApprovalAsync(head, false);
        }
    }

    [Fact]
    public async Task Should_publish_directly_by_default()
    {
        var officer = await app.ClientForAsync(Officer);
        var task = await FutureTaskAsync("2027");
        var version = (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{task}")).GetProperty("task").GetProperty("version").GetInt32();

        var response = await officer.PostAsJsonAsync($"/api/v1/tasks/{task}/progress", new { version, status = "inProgress", percentComplete = 25, note = "Thẳng." });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("submissionId").ValueKind);
        Assert.Equal(25, (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{task}")).GetProperty("task").GetProperty("percentComplete").GetInt32());
    }

    [Fact]
    public async Task Should_keep_a_thread_with_mentions_of_participants_only_and_a_bell_that_marks_read()
    {
        var officer = await app.ClientForAsync(Officer);
        var secretariat = await app.ClientForAsync("thuongtruc@plantracker.local");
        var steering = await app.ClientForAsync("bcd@plantracker.local");
        var task = await FutureTaskAsync("2027");
        var secretariatId = await UserId("thuongtruc@plantracker.local");
        await app.ClientForNewUserAsync("thuongtruc.dl.thread@test.local", "Secretariat", "dak-lak/so-tttt");
        var outsider = await UserId("thuongtruc.dl.thread@test.local");

        var posted = await officer.PostAsJsonAsync($"/api/v1/tasks/{task}/comments", new { message = "Đề nghị Sở TT&TT cho ý kiến.", mentionUserIds = new[] { secretariatId } });
        var foreign = await officer.PostAsJsonAsync($"/api/v1/tasks/{task}/comments", new { message = "x", mentionUserIds = new[] { outsider } });
        var bySteering = await steering.PostAsJsonAsync($"/api/v1/tasks/{task}/comments", new { message = "x" });

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Contains("Nhắc tên", await foreign.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, bySteering.StatusCode);
        var thread = await steering.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{task}/comments");
        Assert.Equal("Đề nghị Sở TT&TT cho ý kiến.", thread.GetProperty("items").EnumerateArray().Single().GetProperty("body").GetString());

        var bell = await secretariat.GetFromJsonAsync<JsonElement>("/api/v1/me/notifications?unreadOnly=true");
        var mention = bell.GetProperty("items").GetProperty("items").EnumerateArray().Single(n => n.GetProperty("taskId").GetInt64() == task);
        Assert.Equal("mentioned", mention.GetProperty("kind").GetString());
        var unread = bell.GetProperty("unread").GetInt32();
        await secretariat.PostAsJsonAsync("/api/v1/me/notifications/read", new { ids = new[] { mention.GetProperty("id").GetInt64() } });
        Assert.Equal(unread - 1, (await secretariat.GetFromJsonAsync<JsonElement>("/api/v1/me/notifications")).GetProperty("unread").GetInt32());
        // Another user's notification is refused by this user's "read", as a missing one is, and stays as it was.
        var notMine = await officer.PostAsJsonAsync("/api/v1/me/notifications/read", new { ids = new[] { mention.GetProperty("id").GetInt64() }, unread = true });
        Assert.Equal(HttpStatusCode.BadRequest, notMine.StatusCode);
        Assert.Contains("không có trong danh sách thông báo của bạn", await notMine.Content.ReadAsStringAsync());
        Assert.Equal(unread - 1, (await secretariat.GetFromJsonAsync<JsonElement>("/api/v1/me/notifications")).GetProperty("unread").GetInt32());
    }

    [Fact]
    public async Task Should_remind_the_assigned_officer_of_their_own_due_date_once_a_day()
    {
        var head = await app.ClientForAsync(Head);
        var officer = await app.ClientForAsync(Officer);
        var admin = await app.ClientForAsync("admin@plantracker.local");
        var task = await FutureTaskAsync("2027");
        await head.PostAsJsonAsync($"/api/v1/tasks/{task}/assignments",
            new { assigneeUserIds = new[] { await UserId(Officer) }, dueOn = "2026-11-25", directions = "Gấp." });

        for (var run = 0; run < 2; run++)
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/v1/jobs/deadline-reminders/runs", new { asOf = "2026-11-24" })).StatusCode);

        var bell = await officer.GetFromJsonAsync<JsonElement>("/api/v1/me/notifications?pageSize=200");
        var due = bell.GetProperty("items").GetProperty("items").EnumerateArray()
            .Where(n => n.GetProperty("taskId").GetInt64() == task && n.GetProperty("kind").GetString() == "assignmentDue").ToList();
        Assert.Single(due);
        Assert.Contains("đến hạn xử lý 25/11/2026", due[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Should_put_the_officers_own_assignments_first_in_their_digest_and_not_in_the_heads()
    {
        var head = await app.ClientForAsync(Head);
        var admin = await app.ClientForAsync("admin@plantracker.local");
        var task = await FutureTaskAsync("2027");
        var code = await Text($"SELECT code FROM plan_tasks WHERE id = {task}");
        await head.PostAsJsonAsync($"/api/v1/tasks/{task}/assignments",
            new { assigneeUserIds = new[] { await UserId(Officer) }, dueOn = "2026-12-02", directions = "Gửi dự thảo cho phòng." });

        // 30/11/2026 is a Monday: the seed users' default weekly digest; no other test of this class runs it.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/v1/jobs/digests/runs", new { asOf = "2026-11-30" })).StatusCode);

        var officerMail = await Text($"SELECT text_body FROM outbox_messages WHERE kind = 'digests' AND to_address = '{Officer}' AND subject LIKE '%30/11/2026'");
        // The count depends on what other tests of this class handed the officer (overdue by then counts too).
        Assert.Contains("Việc được giao cho bạn: quá hạn hoặc đến hạn xử lý trong 14 ngày tới (", officerMail);
        Assert.Contains($"- {code} Việc thử giao trong cơ quan | 02/12/2026 (còn 2 ngày) | Gửi dự thảo cho phòng. | Lê Văn Giám Đốc", officerMail);
        Assert.True(officerMail.IndexOf("Việc được giao cho bạn", StringComparison.Ordinal) < officerMail.IndexOf("Sở Nội vụ:", StringComparison.Ordinal));
        var headMail = await Text($"SELECT text_body FROM outbox_messages WHERE kind = 'digests' AND to_address = '{Head}' AND subject LIKE '%30/11/2026'");
        Assert.DoesNotContain("Việc được giao cho bạn", headMail);
    }

    [Fact]
    public async Task Should_seed_the_demo_officer_an_assigned_task_and_the_head_a_report_to_approve()
    {
        using (var scope = app.Services.CreateScope())
        {
            var demo = scope.ServiceProvider.GetRequiredService<DemoAgencyWork>();
            // Another test of this class may have assigned first; the demo only loads into a database without assignments.
            await Scalar("DELETE FROM notifications; DELETE FROM progress_submissions; DELETE FROM task_assignments; SELECT 0");
            Assert.True(await demo.LoadAsync());
            Assert.False(await demo.LoadAsync());
        }
        var officer = await app.ClientForAsync(Officer);
        var head = await app.ClientForAsync(Head);
        try
        {
            var mine = await officer.GetFromJsonAsync<JsonElement>("/api/v1/my/assignments");
            var row = mine.GetProperty("items").EnumerateArray().Single();
            Assert.Equal("III.5.d", row.GetProperty("code").GetString());
            Assert.Contains("Dữ liệu minh họa", row.GetProperty("directions").GetString());
            var pending = await head.GetFromJsonAsync<JsonElement>("/api/v1/my/progress-submissions");
            var id = pending.GetProperty("items").GetProperty("items").EnumerateArray().Single().GetProperty("id").GetInt64();
            Assert.Equal(HttpStatusCode.OK, (await head.PostAsJsonAsync($"/api/v1/progress-submissions/{id}/decision", new { approve = true })).StatusCode);
            Assert.Equal(40, (await head.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{row.GetProperty("taskId").GetInt64()}")).GetProperty("task").GetProperty("percentComplete").GetInt32());
        }
        finally
        {
            await SetApprovalAsync(head, false);
        }
    }

    private static async Task SetApprovalAsync(HttpClient head, bool on)
    {
        var settings = await head.GetFromJsonAsync<JsonElement>("/api/v1/my/agency/settings");
        var response = await head.PutAsJsonAsync("/api/v1/my/agency/settings", new { progressNeedsApproval = on, version = settings.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A fresh task of the published Vĩnh Phúc plan, led by Sở Nội vụ, due at the end of the given year.</summary>
    private async Task<long> FutureTaskAsync(string year)
    {
        var secretariat = await app.ClientForAsync("thuongtruc@plantracker.local");
        var plans = await secretariat.GetFromJsonAsync<JsonElement>("/api/v1/plans");
        var planId = plans.EnumerateArray().Single(p => p.GetProperty("key").GetString() == Plan).GetProperty("id").GetInt64();
        var agency = await Scalar("SELECT id FROM agencies WHERE key = 'vinh-phuc/so-noi-vu'");
        var response = await secretariat.PostAsJsonAsync($"/api/v1/plans/{planId}/tasks",
            new { code = "AW." + Guid.NewGuid().ToString("N")[..6], title = "Việc thử giao trong cơ quan", leadAgencyId = agency, deadlineText = $"Năm {year}" });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("taskId").GetInt64();
    }

    private Task<long> UserId(string email) => Scalar($"SELECT id FROM users WHERE email = '{email}'");

    private async Task<string> Text(string sql)
    {
        using var scope = app.Services.CreateScope();
        await using var cmd = scope.ServiceProvider.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        return (string)(await cmd.ExecuteScalarAsync())!;
    }

    private async Task<long> Scalar(string sql)
    {
        using var scope = app.Services.CreateScope();
        await using var cmd = scope.ServiceProvider.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }
}
