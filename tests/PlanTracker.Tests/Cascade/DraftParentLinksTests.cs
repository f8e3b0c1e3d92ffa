using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanTracker.Core.Persistence;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Cascade;

/// <summary>
/// The reader proposes an imported plan's links to the tasks of the plans it implements; the secretariat
/// removes or adds links in review, and confirming creates exactly the reviewed links (issue 18, item 1).
/// </summary>
public sealed class DraftParentLinksTests(AppFactory app) : IClassFixture<AppFactory>
{
    internal const string Parent36a = "vn/nq-36a-cp-2015-partial";

    // A Vĩnh Phúc-style plan implementing 36a/NQ-CP: two items cite its tasks, one restates task 11, one is the province's own.
    internal const string Draft = """
        ỦY BAN NHÂN DÂN TỈNH VĨNH PHÚC
        Số: 901/KH-UBND
        KẾ HOẠCH
        Thực hiện Nghị quyết số 36a/NQ-CP ngày 14/10/2015 của Chính phủ về Chính phủ điện tử năm 2027
        I. NHIỆM VỤ
        1. Thực hiện nhiệm vụ 7 tại Nghị quyết số 36a/NQ-CP: hoàn thiện liên thông phần mềm quản lý văn bản đến các xã. Sở Nội vụ chủ trì. Hoàn thành trong năm 2027.
        2. Thực hiện nhiệm vụ 8 tại Nghị quyết số 36a/NQ-CP: mở rộng chữ ký số cho các đơn vị sự nghiệp. Sở Nội vụ chủ trì. Hoàn thành trong năm 2027.
        3. Đến hết năm 2027, 100% dịch vụ công được thực hiện ở mức độ 3 - mức độ cho phép người sử dụng điền và gửi trực tuyến các mẫu văn bản đến cơ quan, tổ chức cung cấp dịch vụ. Sở Nội vụ chủ trì.
        4. Tổ chức hội nghị sơ kết việc thực hiện Kế hoạch. Sở Nội vụ chủ trì. Hoàn thành trong năm 2027.
        """;

    [Fact]
    public async Task Should_propose_links_from_the_text_and_confirm_only_the_reviewed_ones()
    {
        var secretariat = await app.ClientForAsync("thuongtruc@plantracker.local");
        var created = await secretariat.PostAsJsonAsync("/api/v1/imports/drafts", new { text = Draft });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var draftId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("draftId").GetInt64();
        var (draft, items) = await Read(secretariat, draftId);

        Assert.Equal([app.TaskId(Parent36a, "7")], ParentTasks(items[0]));
        Assert.Equal([app.TaskId(Parent36a, "8")], ParentTasks(items[1]));
        Assert.Contains(app.TaskId(Parent36a, "11"), ParentTasks(items[2]));
        Assert.Empty(ParentTasks(items[3]));

        // Review: item 2's link is removed, item 4 gets task 10 by hand.
        var version = draft.GetProperty("version").GetInt32();
        var removed = await secretariat.PutAsJsonAsync($"/api/v1/imports/drafts/{draftId}/items/{Id(items[1])}/links", new { version, links = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        version = (await removed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
        var added = await secretariat.PutAsJsonAsync($"/api/v1/imports/drafts/{draftId}/items/{Id(items[3])}/links",
            new { version, links = new[] { new { parentTaskId = app.TaskId(Parent36a, "10") } } });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        version = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
        var expected = ParentTasks(items[0]).Concat(ParentTasks(items[2])).Append(app.TaskId(Parent36a, "10")).Order().ToList();

        var confirmed = await secretariat.PostAsJsonAsync($"/api/v1/imports/drafts/{draftId}/confirm", new { version });

        Assert.Equal(HttpStatusCode.Created, confirmed.StatusCode);
        var planId = (await confirmed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("planId").GetInt64();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
        var links = await db.TaskLinks.Where(l => db.Tasks.Any(t => t.Id == l.TaskId && t.PlanId == planId)).Select(l => l.ParentTaskId).ToListAsync();
        Assert.Equal(expected, links.Order().ToList());
        Assert.DoesNotContain(app.TaskId(Parent36a, "8"), links);
        var parentPlan = await db.Plans.Where(p => p.Key == Parent36a).Select(p => p.Id).SingleAsync();
        Assert.True(await db.PlanParents.AnyAsync(p => p.PlanId == planId && p.ParentPlanId == parentPlan));
        var tasks = await db.Tasks.Where(t => t.PlanId == planId).Select(t => t.Id).ToListAsync();
        Assert.Equal(links.Count, await db.AuditEvents.CountAsync(e => e.Action == "task.link.added" && tasks.Contains(e.EntityId!.Value)));
    }

    [Fact]
    public async Task Should_refuse_a_parent_task_of_a_plan_the_draft_does_not_implement_and_change_nothing()
    {
        var secretariat = await app.ClientForAsync("thuongtruc@plantracker.local");
        var other = await app.ClientForNewUserAsync("thuongtruc.dl.draftlinks@test.local", "Secretariat", "dak-lak/so-tttt");
        var draftId = (await (await secretariat.PostAsJsonAsync("/api/v1/imports/drafts", new { text = Draft })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("draftId").GetInt64();
        var (before, items) = await Read(secretariat, draftId);
        var version = before.GetProperty("version").GetInt32();
        var url = $"/api/v1/imports/drafts/{draftId}/items/{Id(items[0])}/links";

        var notParent = await secretariat.PutAsJsonAsync(url, new { version, links = new[] { new { parentTaskId = app.TaskId("dak-lak/ict-index-2018", "IV.1.a-1") } } });
        var foreign = await other.PutAsJsonAsync(url, new { version, links = Array.Empty<object>() });

        Assert.Equal(HttpStatusCode.BadRequest, notParent.StatusCode);
        var problem = await notParent.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("parentTaskId", out var messages), problem.ToString());
        Assert.Contains("không thuộc kế hoạch nào mà văn bản này thực hiện", messages[0].GetString());
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        var (after, itemsAfter) = await Read(secretariat, draftId);
        Assert.Equal(version, after.GetProperty("version").GetInt32());
        Assert.Equal(ParentTasks(items[0]), ParentTasks(itemsAfter[0]));
    }

    private static async Task<(JsonElement Draft, List<JsonElement> Tasks)> Read(HttpClient client, long draftId)
    {
        var draft = await client.GetFromJsonAsync<JsonElement>($"/api/v1/imports/drafts/{draftId}");
        var tasks = draft.GetProperty("proposal").GetProperty("items").EnumerateArray().Where(i => !i.GetProperty("isGroup").GetBoolean()).ToList();
        Assert.Equal(4, tasks.Count);
        return (draft, tasks);
    }

    private static string Id(JsonElement item) => item.GetProperty("id").GetString()!;

    private static List<long> ParentTasks(JsonElement item) =>
        item.GetProperty("links").EnumerateArray().Select(l => l.GetProperty("parentTaskId").GetInt64()).Distinct().ToList();
}
