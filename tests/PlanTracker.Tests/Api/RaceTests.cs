using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Api;

/// <summary>
/// Two people at once (issue 13 item 4, decision 0014): N requests released together through the real
/// HTTP pipeline; exactly one wins, the others answer 409 (or 400) naming what they collided with,
/// none answers 5xx, and what is stored agrees with the one winner.
/// </summary>
public sealed class RaceTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const int N = 10;
    private const string VinhPhuc = "vinh-phuc/kh-36a";
    private const string DakLak = "dak-lak/ict-index-2018";
    private const string DakLakSecretariat = "thuongtruc.dl.race@test.local";
    private const string Officer = "canbo.noivu@plantracker.local";
    private const string Secretariat = "thuongtruc@plantracker.local";

    [Fact]
    public async Task Should_decide_an_extension_request_exactly_once_and_move_the_deadline_only_if_that_decision_approved()
    {
        var officer = await app.ClientForAsync(Officer);
        var secretariat = await app.ClientForAsync(Secretariat);
        var id = app.TaskId(VinhPhuc, "II.2.c-8");
        var requested = await officer.PostAsJsonAsync($"/api/v1/tasks/{id}/extension-requests", new { requestedDueOn = "2027-06-30", reason = "Chờ hướng dẫn" });
        Assert.Equal(HttpStatusCode.OK, requested.StatusCode);
        var requestId = (await requested.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        // Half approve, half reject: before, this stored "Rejected" beside an extended deadline.
        var responses = await AllAtOnce(12, i => secretariat.PostAsJsonAsync($"/api/v1/extension-requests/{requestId}/decision",
            new { approve = i % 2 == 0, comment = "Quyết định " + i, version = 0 }));

        var winner = OneWinner(responses);
        var state = winner.Json.GetProperty("state").GetString();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
        var stored = await db.ExtensionRequests.AsNoTracking().SingleAsync(e => e.Id == requestId);
        var task = await db.Tasks.AsNoTracking().SingleAsync(t => t.Id == id);
        Assert.Equal(state, stored.State.ToString(), ignoreCase: true);
        Assert.Equal(stored.State == ExtensionState.Approved ? new DateOnly(2027, 6, 30) : null, task.ExtendedDueOn);
        Assert.Equal(1, stored.Version);
        Assert.Equal(1, await db.AuditEvents.CountAsync(a => a.EntityId == id && a.Action.StartsWith("extension.") && a.Action != "extension.requested"));
        foreach (var loser in responses.Where(r => r != winner))
            Assert.Contains("Nguyễn Văn Thường Trực", Detail(loser)); // who decided first

        var late = await secretariat.PostAsJsonAsync($"/api/v1/extension-requests/{requestId}/decision", new { approve = true });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    [Fact]
    public async Task Should_keep_one_pending_extension_request_per_task()
    {
        var officer = await app.ClientForAsync(Officer);
        var id = app.TaskId(VinhPhuc, "III.5.b");

        var responses = await AllAtOnce(8, i => officer.PostAsJsonAsync($"/api/v1/tasks/{id}/extension-requests",
            new { requestedDueOn = $"2027-0{i + 1}-15", reason = "Lý do " + i }));

        OneWinner(responses);
        foreach (var loser in responses.Where(r => !r.IsSuccessStatusCode))
            Assert.Contains("taskId", loser.Body);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
        Assert.Equal(1, await db.ExtensionRequests.CountAsync(e => e.TaskId == id && e.State == ExtensionState.Pending));
    }

    [Fact]
    public async Task Should_save_one_of_many_same_version_edits_and_name_who_saved_first()
    {
        var client = await app.ClientForNewUserAsync(DakLakSecretariat, "Secretariat", "dak-lak/so-tttt");
        var id = app.TaskId(DakLak, "IV.3.a-1");
        var task = await Task(client, id);
        var version = task.GetProperty("version").GetInt32();
        var lead = task.GetProperty("leadAgency").GetProperty("id").GetInt64();

        var responses = await AllAtOnce(N, i => client.PutAsJsonAsync($"/api/v1/tasks/{id}",
            new { version, code = "IV.3.a-1", title = "Tiêu đề " + i, leadAgencyId = lead, deadlineText = "Quý IV năm 2018" }));

        var winner = OneWinner(responses, all409: true);
        var winnerIndex = Array.IndexOf(responses, winner);
        var after = await Task(client, id);
        Assert.Equal("Tiêu đề " + winnerIndex, after.GetProperty("title").GetString());
        Assert.Equal(version + 1, after.GetProperty("version").GetInt32());
        foreach (var loser in responses.Where(r => r != winner))
        {
            var detail = Detail(loser);
            Assert.Contains("IV.3.a-1", detail);
            Assert.Contains(DakLakSecretariat, detail); // the display name of who saved first
            Assert.Contains("lúc", detail);
        }
    }

    [Fact]
    public async Task Should_move_a_task_once_when_many_move_the_same_version()
    {
        var client = await app.ClientForNewUserAsync(DakLakSecretariat, "Secretariat", "dak-lak/so-tttt");
        var id = app.TaskId(DakLak, "IV.2.b");
        var heading = app.TaskId(DakLak, "IV.3.a");
        var version = (await Task(client, id)).GetProperty("version").GetInt32();

        var responses = await AllAtOnce(N, _ => client.PostAsJsonAsync($"/api/v1/tasks/{id}/move", new { version, newParentId = heading }));

        OneWinner(responses, all409: true);
        var after = await Task(client, id);
        Assert.Equal(version + 1, after.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Should_add_one_task_when_many_add_the_same_code()
    {
        var client = await app.ClientForNewUserAsync(DakLakSecretariat, "Secretariat", "dak-lak/so-tttt");
        var planId = PlanId(DakLak);
        var lead = (await Task(client, app.TaskId(DakLak, "IV.3.a-1"))).GetProperty("leadAgency").GetProperty("id").GetInt64();

        var responses = await AllAtOnce(N, i => client.PostAsJsonAsync($"/api/v1/plans/{planId}/tasks",
            new { code = "R.1", title = "Cùng số hiệu " + i, leadAgencyId = lead, deadlineText = "Năm 2027" }));

        OneWinner(responses);
        foreach (var loser in responses.Where(r => !r.IsSuccessStatusCode))
            Assert.Contains("\"code\"", loser.Body);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
        Assert.Equal(1, await db.Tasks.CountAsync(t => t.PlanId == planId && t.Code == "R.1"));
    }

    [Fact]
    public async Task Should_split_once_and_refuse_a_split_onto_an_existing_code()
    {
        var client = await app.ClientForNewUserAsync(DakLakSecretariat, "Secretariat", "dak-lak/so-tttt");
        var id = app.TaskId(DakLak, "V.2");
        var version = (await Task(client, id)).GetProperty("version").GetInt32();

        var responses = await AllAtOnce(N, i => client.PostAsJsonAsync($"/api/v1/tasks/{id}/split",
            new { version, partTitles = new[] { "Phần một " + i, "Phần hai " + i } }));

        OneWinner(responses, all409: true);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
            Assert.Equal(2, await db.Tasks.CountAsync(t => t.ParentId == id));
        }

        // A sibling already numbered like the first part: named, refused, nothing changed.
        var planId = PlanId(DakLak);
        var lead = (await Task(client, app.TaskId(DakLak, "IV.3.a-1"))).GetProperty("leadAgency").GetProperty("id").GetInt64();
        var added = await client.PostAsJsonAsync($"/api/v1/plans/{planId}/tasks", new { code = "S.1", title = "Nhiệm vụ S", leadAgencyId = lead, deadlineText = "Năm 2027" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var squatter = await client.PostAsJsonAsync($"/api/v1/plans/{planId}/tasks", new { code = "S.1.1", title = "Chiếm số", leadAgencyId = lead, deadlineText = "Năm 2027" });
        Assert.Equal(HttpStatusCode.Created, squatter.StatusCode);
        var s1 = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("taskId").GetInt64();
        var s1Version = (await Task(client, s1)).GetProperty("version").GetInt32();

        var split = await client.PostAsJsonAsync($"/api/v1/tasks/{s1}/split", new { version = s1Version, partTitles = new[] { "a", "b" } });

        Assert.Equal(HttpStatusCode.BadRequest, split.StatusCode);
        Assert.Contains("S.1.1", await split.Content.ReadAsStringAsync());
        Assert.Equal(s1Version, (await Task(client, s1)).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Should_create_one_account_when_many_create_the_same_email()
    {
        var admin = await app.ClientForAsync("admin@plantracker.local");
        var agencyId = await AgencyId(admin, "vinh-phuc/so-noi-vu");

        var responses = await AllAtOnce(N, i => admin.PostAsJsonAsync("/api/v1/users", new
        {
            email = i % 2 == 0 ? "trung.lap@test.local" : "Trung.Lap@Test.Local", displayName = "Trùng " + i, role = "AgencyOfficer",
            agencyId, password = "Demo@2026",
        }));

        OneWinner(responses);
        foreach (var loser in responses.Where(r => !r.IsSuccessStatusCode))
            Assert.Contains("email", loser.Body);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
        Assert.Equal(1, await db.Users.CountAsync(u => u.NormalizedEmail == "TRUNG.LAP@TEST.LOCAL"));
    }

    [Fact]
    public async Task Should_open_one_report_when_an_agency_opens_its_first_draft_many_times_at_once()
    {
        var officer = await app.ClientForAsync(Officer);
        var head = await app.ClientForAsync("giamdoc.noivu@plantracker.local");

        var responses = await AllAtOnce(N, i => (i % 2 == 0 ? officer : head).PostAsJsonAsync("/api/v1/reports/draft", new { day = "2026-08-15" }));

        Assert.DoesNotContain(responses, r => (int)r.StatusCode >= 500);
        Assert.Contains(responses, r => r.IsSuccessStatusCode);
        foreach (var loser in responses.Where(r => !r.IsSuccessStatusCode))
            Assert.Equal(HttpStatusCode.Conflict, loser.StatusCode);
        var ids = new HashSet<long>();
        foreach (var ok in responses.Where(r => r.IsSuccessStatusCode))
            ids.Add(ok.Json.GetProperty("reportId").GetInt64());
        Assert.Single(ids);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
        Assert.Equal(1, await db.PeriodReports.CountAsync(r => r.Id == ids.Single()));
    }

    [Fact]
    public async Task Should_edit_a_report_once_when_many_save_the_same_version()
    {
        var officer = await app.ClientForAsync(Officer);
        var draft = await (await officer.PostAsJsonAsync("/api/v1/reports/draft", new { day = "2026-05-15" })).Content.ReadFromJsonAsync<JsonElement>();
        var version = draft.GetProperty("version").GetInt32();

        var responses = await AllAtOnce(N, i => officer.PostAsJsonAsync("/api/v1/reports/draft", new { day = "2026-05-15", content = "Nội dung " + i, version }));

        var winner = OneWinner(responses, all409: true);
        var stored = await (await officer.PostAsJsonAsync("/api/v1/reports/draft", new { day = "2026-05-15" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Nội dung " + Array.IndexOf(responses, winner), stored.GetProperty("content").GetString());
        Assert.Equal(version + 1, stored.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Should_rename_an_agency_once_when_many_rename_the_same_version()
    {
        var secretariat = await app.ClientForAsync(Secretariat);
        var agencies = await secretariat.GetFromJsonAsync<JsonElement>("/api/v1/agencies?province=vinh-phuc");
        var agency = agencies.EnumerateArray().Single(a => a.GetProperty("key").GetString() == "vinh-phuc/so-tu-phap");
        var (id, version) = (agency.GetProperty("id").GetInt64(), agency.GetProperty("version").GetInt32());

        var responses = await AllAtOnce(N, i => secretariat.PostAsJsonAsync($"/api/v1/agencies/{id}/rename",
            new { name = "Sở Tư pháp " + i, effectiveOn = "2026-11-01", version }));

        var winner = OneWinner(responses, all409: true);
        var after = (await secretariat.GetFromJsonAsync<JsonElement>("/api/v1/agencies?province=vinh-phuc")).EnumerateArray().Single(a => a.GetProperty("id").GetInt64() == id);
        Assert.Equal("Sở Tư pháp " + Array.IndexOf(responses, winner), after.GetProperty("name").GetString());
        Assert.Equal(version + 1, after.GetProperty("version").GetInt32());
        var stale = await secretariat.PostAsJsonAsync($"/api/v1/agencies/{id}/rename", new { name = "Cũ", effectiveOn = "2026-11-01", version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }

    [Fact]
    public async Task Should_change_an_account_once_when_many_change_the_same_version()
    {
        var admin = await app.ClientForAsync("admin@plantracker.local");
        await app.ClientForNewUserAsync("doi.tai.khoan@test.local", "AgencyOfficer", "vinh-phuc/so-noi-vu");
        var user = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/users")).EnumerateArray().Single(u => u.GetProperty("email").GetString() == "doi.tai.khoan@test.local");
        var (id, version) = (user.GetProperty("id").GetInt64(), user.GetProperty("version").GetInt32());

        var responses = await AllAtOnce(N, i => admin.PostAsJsonAsync($"/api/v1/users/{id}", new { active = i % 2 == 0, version }));

        OneWinner(responses, all409: true);
        var after = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/users")).EnumerateArray().Single(u => u.GetProperty("id").GetInt64() == id);
        Assert.Equal(version + 1, after.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Should_publish_a_plan_once_and_queue_its_mail_once()
    {
        var client = await app.ClientForAsync(Secretariat);
        var interior = await AgencyId(client, "vinh-phuc/so-noi-vu");
        var documentId = (await (await client.PostAsJsonAsync("/api/v1/documents", new
        {
            number = "777/KH-UBND", kind = "plan", issuer = "UBND tỉnh Vĩnh Phúc", issuedOn = "2026-11-02", title = "Kế hoạch thử đua",
        })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var planId = (await (await client.PostAsJsonAsync("/api/v1/plans", new { documentId, title = "Kế hoạch thử đua" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/v1/plans/{planId}/tasks",
            new { code = "1", title = "Một việc", leadAgencyId = interior, deadlineText = "Năm 2027" })).StatusCode);
        var version = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/plans/{planId}")).GetProperty("version").GetInt32();
        int Queued()
        {
            using var scope = app.Services.CreateScope();
            return scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>().OutboxMessages.Count(m => m.Subject.Contains("Kế hoạch thử đua"));
        }

        var responses = await AllAtOnce(N, _ => client.PostAsync($"/api/v1/plans/{planId}/publish?version={version}", null));

        var winner = OneWinner(responses);
        Assert.Equal(winner.Json.GetProperty("notified").GetInt32(), Queued());
        Assert.Equal(version + 1, (await client.GetFromJsonAsync<JsonElement>($"/api/v1/plans/{planId}")).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Should_change_a_document_draft_once_when_many_change_the_same_version()
    {
        var client = await app.ClientForAsync(Secretariat);
        var created = await (await client.PostAsJsonAsync("/api/v1/imports", new { text = PlanTracker.Tests.Drafting.DraftReviewApiTests.Plan })).Content.ReadFromJsonAsync<JsonElement>();
        var (id, version) = (created.GetProperty("draftId").GetInt64(), created.GetProperty("version").GetInt32());
        var items = created.GetProperty("proposal").GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();

        var responses = await AllAtOnce(Math.Min(N, items.Count), i => client.DeleteAsync($"/api/v1/imports/drafts/{id}/items/{items[i]}?version={version}"));

        var winner = OneWinner(responses, all409: true);
        var after = await client.GetFromJsonAsync<JsonElement>($"/api/v1/imports/drafts/{id}");
        Assert.Equal(version + 1, after.GetProperty("version").GetInt32());
        var left = after.GetProperty("proposal").GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToList();
        Assert.DoesNotContain(items[Array.IndexOf(responses, winner)], left); // the winner's drop was saved; version + 1 says it was the only one
    }

    /// <summary>Starts every request only when all are ready, so they reach the server together.</summary>
    private static async Task<Answer[]> AllAtOnce(int n, Func<int, Task<HttpResponseMessage>> send)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var requests = Enumerable.Range(0, n).Select(async i =>
        {
            await start.Task;
            using var response = await send(i);
            return new Answer(response.StatusCode, await response.Content.ReadAsStringAsync());
        }).ToList();
        start.SetResult();
        return await System.Threading.Tasks.Task.WhenAll(requests);
    }

    /// <summary>One answer, read once (the in-process response stream cannot be read twice).</summary>
    private sealed record Answer(HttpStatusCode StatusCode, string Body)
    {
        public bool IsSuccessStatusCode => (int)StatusCode is >= 200 and < 300;
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;
    }

    /// <summary>Exactly one success; every other answer a 409 (or 400) ProblemDetails that says why; no 5xx.</summary>
    private static Answer OneWinner(Answer[] responses, bool all409 = false)
    {
        var codes = string.Join(", ", responses.Select(r => (int)r.StatusCode));
        Assert.True(responses.Count(r => r.IsSuccessStatusCode) == 1, $"one winner expected: {codes}");
        foreach (var loser in responses.Where(r => !r.IsSuccessStatusCode))
        {
            Assert.True(loser.StatusCode == HttpStatusCode.Conflict || (!all409 && loser.StatusCode == HttpStatusCode.BadRequest),
                $"409{(all409 ? "" : " or 400")} expected: {codes}: {loser.Body}");
            var problem = loser.Json;
            Assert.True(problem.TryGetProperty("detail", out _) || problem.TryGetProperty("errors", out _), loser.Body);
        }
        return responses.Single(r => r.IsSuccessStatusCode);
    }

    private static string Detail(Answer answer) => answer.Json.GetProperty("detail").GetString()!;

    private static async Task<JsonElement> Task(HttpClient client, long id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{id}")).GetProperty("task");

    private static async Task<long> AgencyId(HttpClient client, string key) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/agencies")).EnumerateArray()
            .Single(a => a.GetProperty("key").GetString() == key).GetProperty("id").GetInt64();

    private long PlanId(string key)
    {
        using var scope = app.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>().Plans.Single(p => p.Key == key).Id;
    }
}
