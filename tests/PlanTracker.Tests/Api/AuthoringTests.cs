using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanTracker.Core.Persistence;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Api;

/// <summary>The secretariat registers a document, builds a plan and publishes it.</summary>
public sealed class AuthoringTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Secretariat = "thuongtruc@plantracker.local";

    [Fact]
    public async Task Should_build_and_publish_a_plan_with_a_group_assignee_fanned_out()
    {
        var client = await app.ClientForAsync(Secretariat);
        var agencies = await client.GetFromJsonAsync<JsonElement>("/api/v1/agencies?province=vinh-phuc");
        long Agency(string key) => agencies.EnumerateArray().Single(a => a.GetProperty("key").GetString() == key).GetProperty("id").GetInt64();
        var group = agencies.EnumerateArray().Single(a => a.GetProperty("key").GetString() == "vinh-phuc/cac-so-ban-nganh");

        var documentId = await Created(await client.PostAsJsonAsync("/api/v1/documents", new
        {
            number = "123/KH-UBND", kind = "plan", issuer = "UBND tỉnh Vĩnh Phúc", issuedOn = "2026-11-02",
            signer = "Nguyễn Văn A", title = "Kế hoạch chuyển đổi số năm 2027",
        }));
        var planId = await Created(await client.PostAsJsonAsync("/api/v1/plans", new { documentId, title = "Kế hoạch chuyển đổi số năm 2027" }));
        var headingId = (await (await client.PostAsJsonAsync($"/api/v1/plans/{planId}/tasks",
            new { code = "I", title = "NHIỆM VỤ", isGroup = true })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("taskId").GetInt64();
        async Task<JsonElement> Add(object task) =>
            await (await client.PostAsJsonAsync($"/api/v1/plans/{planId}/tasks", task)).Content.ReadFromJsonAsync<JsonElement>();

        await Add(new { parentId = headingId, code = "I.1", title = "Số hoá hồ sơ", leadAgencyId = Agency("vinh-phuc/so-noi-vu"), deadlineText = "Quý II năm 2027",
            targets = new[] { new { indicator = "Tỷ lệ hồ sơ được số hoá", unit = "percent", comparison = "atLeast", value = 80 } } });
        await Add(new { parentId = headingId, code = "I.2", title = "Đào tạo kỹ năng số", leadAgencyId = Agency("vinh-phuc/so-noi-vu"),
            coordinatingAgencyIds = new[] { Agency("vinh-phuc/so-tttt") }, deadlineText = "trước 31/12/2027" });
        await Add(new { parentId = headingId, code = "I.3", title = "Nâng cấp trung tâm dữ liệu", leadAgencyId = Agency("vinh-phuc/so-tttt"), deadlineText = "Năm 2027" });
        await Add(new { parentId = headingId, code = "I.4", title = "Giám sát an toàn thông tin", leadAgencyId = Agency("vinh-phuc/so-tttt"), deadlineText = "thường xuyên" });
        var fanned = await Add(new { parentId = headingId, code = "I.5", title = "Cập nhật dịch vụ công trực tuyến", leadAgencyId = group.GetProperty("id").GetInt64(), deadlineText = "hằng quý" });
        Assert.Equal(group.GetProperty("memberIds").GetArrayLength(), fanned.GetProperty("fannedOutTaskIds").GetArrayLength());

        var published = await client.PostAsync($"/api/v1/plans/{planId}/publish", null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.True((await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("notified").GetInt32() >= 2);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync($"/api/v1/plans/{planId}/publish", null)).StatusCode);

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
            var mail = await db.OutboxMessages.SingleAsync(m => m.ToAddress == "canbo.noivu@plantracker.local");
            Assert.Contains("Nhiệm vụ | Vai trò | Thời hạn\r\n", mail.TextBody);
            Assert.Matches(@"- I\.1 Số hoá hồ sơ \| chủ trì \| [^\r\n]+\r\n  http://127\.0\.0\.1:5080/Tasks/\d+\r\n", mail.TextBody);
            Assert.Matches(@"<td><a href=""http://127\.0\.0\.1:5080/Tasks/\d+"">I\.1 Số hoá hồ sơ</a></td>", mail.HtmlBody);
            Assert.Contains($"http://127.0.0.1:5080/Plans/{planId}", mail.HtmlBody);
            Assert.Contains("I.5#", mail.TextBody); // Sở Nội vụ is one of the group's members
        }
        var plan = await client.GetFromJsonAsync<JsonElement>($"/api/v1/plans/{planId}");
        Assert.Equal("published", plan.GetProperty("status").GetString());

        var officer = await app.ClientForAsync("canbo.noivu@plantracker.local");
        var mine = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/my/tasks?planId={planId}&involvement=lead");
        Assert.Equal(["I.1", "I.2"], mine.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("code").GetString()!)
            .Where(c => !c.StartsWith("I.5#")).Order());
        var all = await client.GetFromJsonAsync<JsonElement>($"/api/v1/tasks?planId={planId}&pageSize=200");
        Assert.Equal(4 + group.GetProperty("memberIds").GetArrayLength(), all.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("{\"code\":\"X\",\"title\":\"t\",\"leadAgencyId\":LEAD,\"deadlineText\":\"sớm nhất có thể\"}", "deadlineText")]
    [InlineData("{\"code\":\"X\",\"title\":\"t\",\"leadAgencyId\":999999}", "leadAgencyId")]
    [InlineData("{\"code\":\"X\",\"title\":\"\",\"leadAgencyId\":LEAD}", "title")]
    [InlineData("{\"code\":\"X\",\"title\":\"t\"}", "leadAgencyId")]
    [InlineData("{\"code\":\"II.2.a-1\",\"title\":\"t\",\"leadAgencyId\":LEAD}", "code")]
    public async Task Should_reject_a_bad_task_naming_the_field_and_add_nothing(string json, string field)
    {
        var client = await app.ClientForAsync(Secretariat);
        var plans = await client.GetFromJsonAsync<JsonElement>("/api/v1/plans");
        var planId = plans.EnumerateArray().Single(p => p.GetProperty("key").GetString() == "vinh-phuc/kh-36a").GetProperty("id").GetInt64();
        var lead = await LeadOf(client);
        var before = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/tasks?planId={planId}")).GetProperty("total").GetInt32();

        var response = await client.PostAsync($"/api/v1/plans/{planId}/tasks",
            new StringContent(json.Replace("LEAD", lead.ToString()), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), await response.Content.ReadAsStringAsync());
        Assert.Equal(before, (await client.GetFromJsonAsync<JsonElement>($"/api/v1/tasks?planId={planId}")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Should_refuse_authoring_to_anyone_but_the_secretariat()
    {
        var officer = await app.ClientForAsync("canbo.noivu@plantracker.local");
        var steering = await app.ClientForAsync("bcd@plantracker.local");
        var body = new { number = "1/KH", kind = "plan", issuer = "UBND", title = "x" };

        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync("/api/v1/documents", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await steering.PostAsJsonAsync("/api/v1/documents", body)).StatusCode);
    }

    [Fact]
    public async Task Should_add_a_task_after_the_plans_existing_tasks_and_refuse_a_parent_of_another_plan()
    {
        var client = await app.ClientForAsync(Secretariat);
        var plans = await client.GetFromJsonAsync<JsonElement>("/api/v1/plans");
        var planId = plans.EnumerateArray().Single(p => p.GetProperty("key").GetString() == "vinh-phuc/kh-36a").GetProperty("id").GetInt64();
        var documentId = await Created(await client.PostAsJsonAsync("/api/v1/documents", new
        {
            number = "77/KH-UBND", kind = "plan", issuer = "UBND tỉnh Vĩnh Phúc", issuedOn = "2026-11-03", signer = "Nguyễn Văn A", title = "Kế hoạch khác",
        }));
        var otherPlanId = await Created(await client.PostAsJsonAsync("/api/v1/plans", new { documentId, title = "Kế hoạch khác" }));
        var otherParent = (await (await client.PostAsJsonAsync($"/api/v1/plans/{otherPlanId}/tasks", new { code = "I", title = "NHIỆM VỤ", isGroup = true }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("taskId").GetInt64();
        var lead = await LeadOf(client);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
        var lastBefore = await db.Tasks.Where(t => t.PlanId == planId).MaxAsync(t => t.SortOrder);

        var first = await client.PostAsJsonAsync($"/api/v1/plans/{planId}/tasks", new { code = "Z.1", title = "Thêm cuối", leadAgencyId = lead, deadlineText = "Năm 2027" });
        var second = await client.PostAsJsonAsync($"/api/v1/plans/{planId}/tasks", new { code = "Z.2", title = "Thêm cuối nữa", leadAgencyId = lead, deadlineText = "Năm 2027" });
        var foreignParent = await client.PostAsJsonAsync($"/api/v1/plans/{planId}/tasks",
            new { code = "Z.3", title = "Sai mục cha", leadAgencyId = lead, parentId = otherParent, deadlineText = "Năm 2027" });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, foreignParent.StatusCode);
        Assert.Contains("parentId", await foreignParent.Content.ReadAsStringAsync());
        var added = await db.Tasks.AsNoTracking().Where(t => t.PlanId == planId && t.Code.StartsWith("Z.")).OrderBy(t => t.SortOrder)
            .Select(t => new { t.Code, t.SortOrder }).ToListAsync();
        Assert.Equal(["Z.1", "Z.2"], added.Select(t => t.Code));
        Assert.Equal([lastBefore + 1, lastBefore + 2], added.Select(t => t.SortOrder));
    }

    private static async Task<long> LeadOf(HttpClient client)
    {
        var agencies = await client.GetFromJsonAsync<JsonElement>("/api/v1/agencies?province=vinh-phuc");
        return agencies.EnumerateArray().Single(a => a.GetProperty("key").GetString() == "vinh-phuc/so-noi-vu").GetProperty("id").GetInt64();
    }

    private static async Task<long> Created(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }
}
