using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Api;

/// <summary>
/// The issue's "done when", as a new user would do it, through the API: the secretariat registers
/// a document, builds a plan (five tasks for two agencies, one a group), imports a ten-row
/// appendix, publishes; an officer records progress with a file and a target actual; another
/// agency is refused; an extension is requested and approved; the quarterly report is drafted,
/// submitted and accepted; the audit trail shows every step.
/// </summary>
public sealed class WorkLoopEndToEndTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Should_carry_a_new_plan_from_registration_to_an_accepted_quarterly_report()
    {
        var secretariat = await app.ClientForAsync("thuongtruc@plantracker.local");
        var officer = await app.ClientForAsync("canbo.noivu@plantracker.local");
        var head = await app.ClientForAsync("giamdoc.noivu@plantracker.local");
        var outsider = await app.ClientForNewUserAsync("canbo.khac@test.local", "AgencyOfficer", "vinh-phuc/so-tai-chinh");
        var agencies = await secretariat.GetFromJsonAsync<JsonElement>("/api/v1/agencies?province=vinh-phuc");
        long Agency(string key) => agencies.EnumerateArray().Single(a => a.GetProperty("key").GetString() == key).GetProperty("id").GetInt64();
        var (interior, ict, departments) = (Agency("vinh-phuc/so-noi-vu"), Agency("vinh-phuc/so-tttt"), Agency("vinh-phuc/cac-so-ban-nganh"));

        // The secretariat registers the document and builds the plan.
        var documentId = await Id(await secretariat.PostAsJsonAsync("/api/v1/documents", new
        {
            number = "45/KH-UBND", kind = "plan", issuer = "UBND tỉnh Vĩnh Phúc", issuedOn = "2026-10-15", signer = "Trần Văn B",
            title = "Kế hoạch thực hiện Nghị quyết 17/NQ-CP năm 2027",
        }));
        var planId = await Id(await secretariat.PostAsJsonAsync("/api/v1/plans", new { documentId, title = "Kế hoạch thực hiện Nghị quyết 17/NQ-CP năm 2027" }));
        object[] tasks =
        [
            new { code = "1", title = "Rà soát thủ tục hành chính", leadAgencyId = interior, deadlineText = "Quý I năm 2027",
                targets = new[] { new { indicator = "Tỷ lệ thủ tục được rà soát", unit = "percent", comparison = "atLeast", value = 100 } } },
            new { code = "2", title = "Số hoá hồ sơ cán bộ", leadAgencyId = interior, coordinatingAgencyIds = new[] { ict }, deadlineText = "trước 30/11/2026" },
            new { code = "3", title = "Nâng cấp hạ tầng mạng", leadAgencyId = ict, deadlineText = "Năm 2027" },
            new { code = "4", title = "Giám sát an toàn thông tin", leadAgencyId = ict, deadlineText = "thường xuyên" },
            new { code = "5", title = "Báo cáo ứng dụng CNTT", leadAgencyId = departments, deadlineText = "Định kỳ hàng quý" },
        ];
        foreach (var body in tasks)
            Assert.Equal(HttpStatusCode.Created, (await secretariat.PostAsJsonAsync($"/api/v1/plans/{planId}/tasks", body)).StatusCode);
        var appendix = "STT;Nhiệm vụ;Cơ quan chủ trì;Cơ quan phối hợp;Thời gian hoàn thành\n" + string.Join("\n",
            Enumerable.Range(1, 10).Select(i => $"{i};Nhiệm vụ phụ lục {i};{(i % 2 == 0 ? "Sở Nội vụ" : "Sở TT&TT")};;Quý {(i % 4) + 1} năm 2027"));
        var imported = await secretariat.PostAsync($"/api/v1/plans/{planId}/imports",
            new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(appendix)), "file", "phu-luc.csv" } });
        Assert.Equal(10, (await imported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("added").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await secretariat.PostAsync($"/api/v1/plans/{planId}/publish", null)).StatusCode);

        // The officer records progress with a file and a target actual.
        var mine = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/my/tasks?planId={planId}");
        var first = mine.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("code").GetString() == "1");
        var taskId = first.GetProperty("id").GetInt64();
        var pdf = new ByteArrayContent("%PDF-1.7 biên bản"u8.ToArray());
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsync($"/api/v1/tasks/{taskId}/evidence",
            new MultipartFormDataContent { { pdf, "file", "bien-ban.pdf" } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/v1/tasks/{taskId}/progress", new
        {
            version = first.GetProperty("version").GetInt32(), status = "inProgress", percentComplete = 60, note = "Đã rà soát 120/200 thủ tục",
            targetActuals = new[] { new { targetId = first.GetProperty("targets")[0].GetProperty("id").GetInt64(), value = 60m } },
        })).StatusCode);

        // Another agency can neither open the edit page nor post to the API.
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.PostAsJsonAsync($"/api/v1/tasks/{taskId}/progress",
            new { version = 1, status = "done", percentComplete = 100, note = "x" })).StatusCode);

        // An extension is requested and approved.
        var second = mine.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("code").GetString() == "2").GetProperty("id").GetInt64();
        var extensionId = await Id(await officer.PostAsJsonAsync($"/api/v1/tasks/{second}/extension-requests",
            new { requestedDueOn = "2027-03-31", reason = "Chờ phần mềm quản lý hồ sơ" }));
        Assert.Equal(HttpStatusCode.OK, (await secretariat.PostAsJsonAsync($"/api/v1/extension-requests/{extensionId}/decision",
            new { approve = true, comment = "Đồng ý gia hạn" })).StatusCode);

        // The quarterly report is drafted, submitted and accepted.
        var draft = await (await officer.PostAsJsonAsync("/api/v1/reports/draft", new { day = "2026-11-22" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Đã rà soát 120/200 thủ tục", draft.GetProperty("content").GetString());
        var reportId = draft.GetProperty("reportId").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await head.PostAsJsonAsync($"/api/v1/reports/{reportId}/submit", new { version = draft.GetProperty("version").GetInt32() })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await secretariat.PostAsJsonAsync($"/api/v1/reports/{reportId}/review", new { accept = true, comment = "Đạt yêu cầu" })).StatusCode);

        // The audit trail shows every step.
        var trail = (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{taskId}/history")).GetProperty("audit")
            .EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(["task.progress", "task.evidence", "task.added"], trail);
        var extended = (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{second}/history")).GetProperty("audit")
            .EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(["extension.approved", "extension.requested", "task.added"], extended);
        var task = (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{second}")).GetProperty("task");
        Assert.Equal("2026-11-30", task.GetProperty("deadline").GetProperty("dueOn").GetString());
        Assert.Equal("2027-03-31", task.GetProperty("deadline").GetProperty("extendedDueOn").GetString());
    }

    private static async Task<long> Id(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }
}
