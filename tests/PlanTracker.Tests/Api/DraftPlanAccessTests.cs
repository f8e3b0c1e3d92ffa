using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Api;

/// <summary>
/// A plan in "Dự thảo" is the secretariat's alone (decisions 0008 and 0021): its tasks are hidden from
/// agencies and steering members everywhere they read tasks, and every agency command on them is
/// refused until the plan is published; then the same requests succeed.
/// </summary>
public sealed class DraftPlanAccessTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Secretariat = "thuongtruc@plantracker.local";
    private const string Officer = "canbo.noivu@plantracker.local"; // Sở Nội vụ Vĩnh Phúc
    private const string Head = "giamdoc.noivu@plantracker.local";
    private const string Steering = "bcd@plantracker.local";

    [Fact]
    public async Task Should_hide_a_draft_plans_tasks_from_agencies_and_refuse_their_commands_until_it_is_published()
    {
        var secretariat = await app.ClientForAsync(Secretariat);
        var (planId, leadTask, coordinatedTask) = await DraftPlanAsync(secretariat, "Kế hoạch dự thảo kiểm thử quyền");
        var officer = await app.ClientForAsync(Officer);
        var head = await app.ClientForAsync(Head);
        var steering = await app.ClientForAsync(Steering);

        // Reads: the task, the plan, my tasks, the plans list and search.
        foreach (var client in new[] { officer, head, steering })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/tasks/{leadTask}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/tasks/{leadTask}/history")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/plans/{planId}")).StatusCode);
            Assert.DoesNotContain(planId, (await client.GetFromJsonAsync<JsonElement>("/api/v1/plans")).EnumerateArray().Select(p => p.GetProperty("id").GetInt64()));
            var found = await client.GetStringAsync("/api/v1/search?q=" + Uri.EscapeDataString("quyền dự thảo"));
            Assert.DoesNotContain("Việc dự thảo chủ trì", found);
        }
        var mine = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/my/tasks?planId={planId}&involvement=lead");
        Assert.Equal(0, mine.GetProperty("total").GetInt32());
        var coordinating = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/my/tasks?planId={planId}&involvement=coordinating");
        Assert.Equal(0, coordinating.GetProperty("total").GetInt32());
        var page = await (await PageClient.SignInAsync(app, Officer)).GetAsync($"/Tasks/{leadTask}");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);

        // Commands: progress, contribution, extension, evidence — refused, nothing recorded.
        var version = (await secretariat.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{leadTask}")).GetProperty("task").GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync($"/api/v1/tasks/{leadTask}/progress",
            new { version, status = "inProgress", percentComplete = 40, note = "Chưa được giao" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync($"/api/v1/tasks/{coordinatedTask}/contributions",
            new { note = "Chưa được giao" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync($"/api/v1/tasks/{leadTask}/extension-requests",
            new { requestedDueOn = "2027-12-31", reason = "Chưa được giao" })).StatusCode);
        using (var evidence = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4 test"u8.ToArray()), "file", "bienban.pdf" } })
            Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsync($"/api/v1/tasks/{leadTask}/evidence", evidence)).StatusCode);
        var history = await secretariat.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{leadTask}/history");
        Assert.Equal(0, history.GetProperty("progress").GetArrayLength());
        Assert.Equal(version, (await secretariat.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{leadTask}")).GetProperty("task").GetProperty("version").GetInt32());

        // Published: the same agency reads and records.
        Assert.Equal(HttpStatusCode.OK, (await secretariat.PostAsync($"/api/v1/plans/{planId}/publish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/api/v1/tasks/{leadTask}")).StatusCode);
        Assert.Equal(1, (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/my/tasks?planId={planId}&involvement=lead")).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/v1/tasks/{leadTask}/progress",
            new { version, status = "inProgress", percentComplete = 40, note = "Đã triển khai" })).StatusCode);
        var contributed = await officer.PostAsJsonAsync($"/api/v1/tasks/{coordinatedTask}/contributions", new { note = "Đã phối hợp" });
        Assert.True(contributed.IsSuccessStatusCode, $"{contributed.StatusCode}: {await contributed.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task Should_let_the_secretariat_read_and_work_on_its_own_draft()
    {
        var secretariat = await app.ClientForAsync(Secretariat);
        var (planId, leadTask, _) = await DraftPlanAsync(secretariat, "Kế hoạch dự thảo của thường trực");
        Assert.Equal(HttpStatusCode.OK, (await secretariat.GetAsync($"/api/v1/plans/{planId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await secretariat.GetAsync($"/api/v1/tasks/{leadTask}")).StatusCode);
        Assert.Contains(planId, (await secretariat.GetFromJsonAsync<JsonElement>("/api/v1/plans")).EnumerateArray().Select(p => p.GetProperty("id").GetInt64()));
    }

    /// <summary>A draft plan of Vĩnh Phúc: one task led by Sở Nội vụ, one it coordinates.</summary>
    internal static async Task<(long PlanId, long LeadTask, long CoordinatedTask)> DraftPlanAsync(HttpClient secretariat, string title)
    {
        var agencies = await secretariat.GetFromJsonAsync<JsonElement>("/api/v1/agencies?province=vinh-phuc");
        long Agency(string key) => agencies.EnumerateArray().Single(a => a.GetProperty("key").GetString() == key).GetProperty("id").GetInt64();
        var number = $"{Random.Shared.Next(100, 9999)}/KH-UBND";
        var documentId = await Created(await secretariat.PostAsJsonAsync("/api/v1/documents", new
        {
            number, kind = "plan", issuer = "UBND tỉnh Vĩnh Phúc", issuedOn = "2026-11-02", signer = "Nguyễn Văn A", title,
        }));
        var planId = await Created(await secretariat.PostAsJsonAsync("/api/v1/plans", new { documentId, title }));
        async Task<long> Add(object task)
        {
            var response = await secretariat.PostAsJsonAsync($"/api/v1/plans/{planId}/tasks", task);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("taskId").GetInt64();
        }
        var lead = await Add(new { code = "1", title = "Việc dự thảo chủ trì quyền", leadAgencyId = Agency("vinh-phuc/so-noi-vu"), deadlineText = "Năm 2027" });
        var coordinated = await Add(new { code = "2", title = "Việc dự thảo phối hợp quyền", leadAgencyId = Agency("vinh-phuc/so-tttt"),
            coordinatingAgencyIds = new[] { Agency("vinh-phuc/so-noi-vu") }, deadlineText = "Năm 2027" });
        return (planId, lead, coordinated);
    }

    private static async Task<long> Created(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }
}
