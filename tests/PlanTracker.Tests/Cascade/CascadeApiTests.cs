using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanTracker.Core.Persistence;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Cascade;

/// <summary>
/// Cascading plans (issue 18, items 1-3; docs/decisions/0027-cascading-plans.md) through the API, on
/// the seeded 36a/NQ-CP partial parent that Vĩnh Phúc's plan and Nam Định's directive carry out.
/// </summary>
public sealed class CascadeApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Parent36a = "vn/nq-36a-cp-2015-partial";
    private const string VinhPhucPlan = "vinh-phuc/kh-36a";

    [Fact]
    public async Task Should_show_a_steering_member_the_36a_view_with_Vinh_Phuc_and_Nam_Dinh_coverage()
    {
        var steering = await app.ClientForAsync("bcd@plantracker.local");

        var view = await steering.GetFromJsonAsync<JsonElement>($"/api/v1/plans/{await PlanId(Parent36a)}/implementation");

        Assert.True(view.GetProperty("isPartial").GetBoolean());
        Assert.False(view.GetProperty("ownProvinceOnly").GetBoolean());
        // Item 7 (liên thông văn bản): Vĩnh Phúc's II.2.c-2+2 and Nam Định's 2.b carry it out.
        Assert.Equal(["Nam Định", "Vĩnh Phúc"], Covered(Row(view, "7")));
        // Item 10 (công khai tiến độ trên Cổng TTĐT Chính phủ): nobody has linked it.
        Assert.Empty(Covered(Row(view, "10")));
        Assert.Contains("Vĩnh Phúc", Row(view, "10").GetProperty("notCovered").EnumerateArray().Select(p => p.GetString()));
        // Vĩnh Phúc's II.2.c-2+2 (Hết năm 2016, not done) is overdue on the app's clock (2026-11-22).
        var vinhPhuc = Row(view, "7").GetProperty("covered").EnumerateArray().Single(c => c.GetProperty("province").GetString() == "Vĩnh Phúc");
        Assert.Equal(1, vinhPhuc.GetProperty("overdue").GetInt32());
        // The target of item 7 is linked by Vĩnh Phúc, which has reported no actual yet.
        var target = Row(view, "7").GetProperty("targets")[0];
        Assert.Equal(1, target.GetProperty("provincesLinked").GetInt32());
        Assert.Equal(JsonValueKind.Null, target.GetProperty("sharePercent").ValueKind);
    }

    [Fact]
    public async Task Should_show_a_secretariat_only_its_own_provinces_coverage_and_linked_tasks()
    {
        var secretariat = await app.ClientForAsync("thuongtruc@plantracker.local");
        var admin = await app.ClientForAsync("admin@plantracker.local");

        var view = await secretariat.GetFromJsonAsync<JsonElement>($"/api/v1/plans/{await PlanId(Parent36a)}/implementation");
        var parentTask = app.TaskId(Parent36a, "7");
        var mine = await secretariat.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{parentTask}/links");
        var all = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{parentTask}/links");

        Assert.True(view.GetProperty("ownProvinceOnly").GetBoolean());
        Assert.Equal(["Vĩnh Phúc"], view.GetProperty("provinces").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(["Vĩnh Phúc"], Covered(Row(view, "7")));
        Assert.Equal(["Vĩnh Phúc"], Provinces(mine));
        Assert.Equal(["Nam Định", "Vĩnh Phúc"], Provinces(all).Order());
    }

    [Fact]
    public async Task Should_refuse_the_view_from_above_to_agency_staff()
    {
        var officer = await app.ClientForAsync("canbo.noivu@plantracker.local");

        var response = await officer.GetAsync($"/api/v1/plans/{await PlanId(Parent36a)}/implementation");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Should_list_what_of_36a_Vinh_Phuc_does_not_cover_and_draft_a_task_for_it_in_one_step()
    {
        var secretariat = await app.ClientForAsync("thuongtruc@plantracker.local");
        var before = Parent(await secretariat.GetFromJsonAsync<JsonElement>("/api/v1/coverage"), await PlanId(Parent36a));
        Assert.Equal(["10", "13", "4"], Uncovered(before).Order(StringComparer.Ordinal));

        var lead = await AgencyId(secretariat, "vinh-phuc/so-tttt");
        var drafted = await secretariat.PostAsJsonAsync($"/api/v1/plans/{await PlanId(VinhPhucPlan)}/tasks/from-parent",
            new { parentTaskId = app.TaskId(Parent36a, "4"), code = "CASC.4", leadAgencyId = lead });

        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        var result = await drafted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, result.GetProperty("linkedTargets").GetInt32());
        var task = (await secretariat.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{result.GetProperty("taskId").GetInt64()}")).GetProperty("task");
        Assert.StartsWith("Năm 2016, kiểm tra, rà soát, bổ sung cán bộ chuyên trách CNTT", task.GetProperty("title").GetString());
        Assert.Equal(2, task.GetProperty("targets").GetArrayLength());
        var after = Parent(await secretariat.GetFromJsonAsync<JsonElement>("/api/v1/coverage"), await PlanId(Parent36a));
        Assert.Equal(["10", "13"], Uncovered(after).Order(StringComparer.Ordinal));
        Assert.Equal(2, await Audit("task.link.added", result.GetProperty("taskId").GetInt64()));
    }

    [Fact]
    public async Task Should_link_and_unlink_a_task_with_audit_and_refuse_a_second_identical_link_as_a_conflict()
    {
        var secretariat = await app.ClientForAsync("thuongtruc@plantracker.local");
        var task = app.TaskId(VinhPhucPlan, "II.2.c-11");
        var parent = app.TaskId(Parent36a, "13");

        var linked = await secretariat.PostAsJsonAsync($"/api/v1/tasks/{task}/links", new { parentTaskId = parent });
        var again = await secretariat.PostAsJsonAsync($"/api/v1/tasks/{task}/links", new { parentTaskId = parent });
        var links = await secretariat.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{task}/links");

        Assert.Equal(HttpStatusCode.Created, linked.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("parentTaskId", await again.Content.ReadAsStringAsync());
        Assert.Equal(["13"], links.GetProperty("carriesOut").EnumerateArray().Select(l => l.GetProperty("parentCode").GetString()));
        var linkId = (await linked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        var removed = await secretariat.DeleteAsync($"/api/v1/task-links/{linkId}");

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(0, (await secretariat.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{task}/links")).GetProperty("carriesOut").GetArrayLength());
        Assert.Equal(1, await Audit("task.link.added", task));
        Assert.Equal(1, await Audit("task.link.removed", task));
    }

    [Fact]
    public async Task Should_refuse_another_provinces_secretariat_and_a_parent_of_another_province_changing_nothing()
    {
        var other = await app.ClientForNewUserAsync("thuongtruc.dl.cascade@test.local", "Secretariat", "dak-lak/so-tttt");
        var secretariat = await app.ClientForAsync("thuongtruc@plantracker.local");
        var task = app.TaskId(VinhPhucPlan, "II.2.c-12");
        var before = await LinkCount(task);

        var foreign = await other.PostAsJsonAsync($"/api/v1/tasks/{task}/links", new { parentTaskId = app.TaskId(Parent36a, "10") });
        var otherProvinceParent = await secretariat.PostAsJsonAsync($"/api/v1/tasks/{task}/links",
            new { parentTaskId = app.TaskId("dak-lak/ict-index-2018", "IV.1.a-1") });
        var noParent = await secretariat.PostAsJsonAsync($"/api/v1/tasks/{task}/links", new { parentTaskId = 0 });

        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, otherProvinceParent.StatusCode);
        var problem = await otherProvinceParent.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("parentTaskId", out var messages));
        Assert.Contains("kế hoạch quốc gia hoặc của tỉnh mình", messages[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, noParent.StatusCode);
        Assert.Equal(before, await LinkCount(task));
    }

    [Fact]
    public async Task Should_record_a_parent_plan_list_its_tasks_as_gaps_and_remove_it_with_its_task_links()
    {
        var secretariat = await app.ClientForAsync("thuongtruc@plantracker.local");
        var plan = await PlanId("vinh-phuc/kh-36a");
        var nq03 = await PlanId("vn/ctr-03-nq-cp-2025");

        var linked = await secretariat.PostAsJsonAsync($"/api/v1/plans/{plan}/parents", new { parentPlanId = nq03 });
        var task = app.TaskId(VinhPhucPlan, "III.2.l");
        await secretariat.PostAsJsonAsync($"/api/v1/tasks/{task}/links", new { parentTaskId = app.TaskId("vn/ctr-03-nq-cp-2025", "I.1") });
        var coverage = Parent(await secretariat.GetFromJsonAsync<JsonElement>("/api/v1/coverage"), nq03);
        var loop = await secretariat.PostAsJsonAsync($"/api/v1/plans/{nq03}/parents", new { parentPlanId = plan });

        Assert.True((await linked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("linked").GetBoolean());
        Assert.Equal(140, coverage.GetProperty("tasks").GetInt32());
        Assert.Equal(1, coverage.GetProperty("covered").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, loop.StatusCode); // a national plan is nobody's province's to link

        var removed = await secretariat.DeleteAsync($"/api/v1/plans/{plan}/parents/{nq03}");

        Assert.Equal(1, (await removed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("removedTaskLinks").GetInt32());
        Assert.DoesNotContain((await secretariat.GetFromJsonAsync<JsonElement>("/api/v1/coverage")).GetProperty("parents").EnumerateArray(),
            p => p.GetProperty("planId").GetInt64() == nq03);
    }

    private static JsonElement Row(JsonElement view, string code) =>
        view.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("code").GetString() == code);

    private static string[] Covered(JsonElement row) =>
        row.GetProperty("covered").EnumerateArray().Select(c => c.GetProperty("province").GetString()!).ToArray();

    private static string[] Provinces(JsonElement links) =>
        links.GetProperty("carriedOutBy").EnumerateArray().Select(d => d.GetProperty("province").GetString()!).Distinct().ToArray();

    private static JsonElement Parent(JsonElement coverage, long planId) =>
        coverage.GetProperty("parents").EnumerateArray().Single(p => p.GetProperty("planId").GetInt64() == planId);

    private static IEnumerable<string> Uncovered(JsonElement parent) =>
        parent.GetProperty("gaps").EnumerateArray().Where(g => g.GetProperty("uncovered").GetBoolean()).Select(g => g.GetProperty("code").GetString()!);

    private async Task<long> PlanId(string key)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>().Plans.Where(p => p.Key == key).Select(p => p.Id).SingleAsync();
    }

    private async Task<int> LinkCount(long taskId)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>().TaskLinks.CountAsync(l => l.TaskId == taskId);
    }

    private async Task<int> Audit(string action, long taskId)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>().AuditEvents.CountAsync(e => e.Action == action && e.EntityId == taskId);
    }

    private static async Task<long> AgencyId(HttpClient client, string key) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/agencies?province=vinh-phuc"))
        .EnumerateArray().Single(a => a.GetProperty("key").GetString() == key).GetProperty("id").GetInt64();
}
