using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Api;

/// <summary>
/// Every command and guarded query × every role × own and other agency or province: allowed
/// (anything but 401/403) or denied (403). Bodies are valid, so a 400 can only mean a rule of
/// the domain, after authorization.
/// </summary>
public sealed class AuthorizationMatrixTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly string[] Roles = ["admin", "secretariat", "secretariat-other-province", "officer", "officer-other-agency",
        "head", "head-other-agency", "steering"];

    [Fact]
    public async Task Should_allow_and_deny_every_command_by_role_and_agency()
    {
        var clients = new Dictionary<string, HttpClient>
        {
            ["admin"] = await app.ClientForAsync("admin@plantracker.local"),
            ["secretariat"] = await app.ClientForAsync("thuongtruc@plantracker.local"),
            ["secretariat-other-province"] = await app.ClientForNewUserAsync("thuongtruc.dl@test.local", "Secretariat", "dak-lak/so-tttt"),
            ["officer"] = await app.ClientForAsync("canbo.noivu@plantracker.local"),
            ["officer-other-agency"] = await app.ClientForNewUserAsync("canbo.ttht.matrix@test.local", "AgencyOfficer", "vinh-phuc/tt-ha-tang-thong-tin"),
            ["head"] = await app.ClientForAsync("giamdoc.noivu@plantracker.local"),
            ["head-other-agency"] = await app.ClientForNewUserAsync("giamdoc.ttht.matrix@test.local", "AgencyHead", "vinh-phuc/tt-ha-tang-thong-tin"),
            ["steering"] = await app.ClientForAsync("bcd@plantracker.local"),
        };
        const string plan = "vinh-phuc/kh-36a";
        var led = app.TaskId(plan, "III.5.a");          // Sở Nội vụ leads
        // Sở Nội vụ coordinates (with a group the other agency, an unaffiliated centre, is not in)
        var coordinated = app.TaskId(plan, "II.2.c-9");
        var extendable = app.TaskId(plan, "III.5.b");
        var planId = (await clients["secretariat"].GetFromJsonAsync<JsonElement>("/api/v1/plans"))
            .EnumerateArray().Single(p => p.GetProperty("key").GetString() == plan).GetProperty("id").GetInt64();
        var leadAgency = (await clients["secretariat"].GetFromJsonAsync<JsonElement>("/api/v1/agencies?province=vinh-phuc"))
            .EnumerateArray().Single(a => a.GetProperty("key").GetString() == "vinh-phuc/so-noi-vu").GetProperty("id").GetInt64();
        var extensionId = await Id(await clients["officer"].PostAsJsonAsync($"/api/v1/tasks/{extendable}/extension-requests",
            new { requestedDueOn = "2027-12-31", reason = "Chờ hướng dẫn" }));
        var draft = await (await clients["officer"].PostAsJsonAsync("/api/v1/reports/draft", new { day = "2026-11-22" })).Content.ReadFromJsonAsync<JsonElement>();
        var reportId = draft.GetProperty("reportId").GetInt64();
        var reportVersion = draft.GetProperty("version").GetInt32();
        var csv = "STT;Nhiệm vụ;Cơ quan chủ trì;Cơ quan phối hợp;Thời gian hoàn thành\n1;Việc A;Sở Nội vụ;;Năm 2027";

        var operations = new (string Name, Func<HttpClient, Task<HttpResponseMessage>> Call, string[] Allowed)[]
        {
            ("record progress", c => c.PostAsJsonAsync($"/api/v1/tasks/{led}/progress", new { version = 0, status = "inProgress", percentComplete = 10, note = "x" }),
                ["secretariat", "officer", "head"]),
            ("add contribution", c => c.PostAsJsonAsync($"/api/v1/tasks/{coordinated}/contributions", new { note = "x" }), ["officer", "head"]),
            ("request extension", c => c.PostAsJsonAsync($"/api/v1/tasks/{led}/extension-requests", new { requestedDueOn = "2030-01-01", reason = "x" }),
                ["officer", "head"]),
            ("decide extension", c => c.PostAsJsonAsync($"/api/v1/extension-requests/{extensionId}/decision", new { approve = true }), ["secretariat"]),
            ("attach evidence", c => c.PostAsync($"/api/v1/tasks/{led}/evidence", new MultipartFormDataContent { { new StringContent("1/QĐ"), "documentNumber" } }),
                ["secretariat", "officer", "head"]),
            ("register document", c => c.PostAsJsonAsync("/api/v1/documents", new { number = $"{Guid.NewGuid():N}"[..6], kind = "plan", issuer = "UBND", title = "x" }),
                ["secretariat", "secretariat-other-province"]),
            ("add task", c => c.PostAsJsonAsync($"/api/v1/plans/{planId}/tasks", new { code = Guid.NewGuid().ToString("N")[..8], title = "x", leadAgencyId = leadAgency }),
                ["secretariat"]),
            ("publish plan", c => c.PostAsync($"/api/v1/plans/{planId}/publish", null), ["secretariat"]),
            ("preview import", c => c.PostAsync($"/api/v1/plans/{planId}/imports/preview",
                new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "a.csv" } }), ["secretariat"]),
            ("draft report", c => c.PostAsJsonAsync("/api/v1/reports/draft", new { day = "2026-11-22" }),
                ["officer", "officer-other-agency", "head", "head-other-agency"]),
            ("submit report", c => c.PostAsJsonAsync($"/api/v1/reports/{reportId}/submit", new { version = reportVersion }), ["head"]),
            ("review report", c => c.PostAsJsonAsync($"/api/v1/reports/{reportId}/review", new { accept = true }), ["secretariat"]),
            ("reporting compliance", c => c.GetAsync("/api/v1/reports/compliance?year=2026&quarter=4"), ["secretariat", "secretariat-other-province"]),
            ("compile quarterly report", c => c.PostAsJsonAsync("/api/v1/reports/quarterly", new { year = 2016, quarter = 3 }),
                ["admin", "secretariat", "secretariat-other-province"]),
            ("list quarterly reports", c => c.GetAsync("/api/v1/reports/quarterly"), Roles),
            ("list users", c => c.GetAsync("/api/v1/users"), ["admin"]),
            ("create user", c => c.PostAsJsonAsync("/api/v1/users", new { email = $"u{Guid.NewGuid():N}@test.local", displayName = "x", role = "SteeringMember", password = "Matkhau@123" }),
                ["admin"]),
            ("my agency's tasks", c => c.GetAsync("/api/v1/my/tasks"), Roles.Except(["admin"]).ToArray()),
            ("read plans", c => c.GetAsync("/api/v1/plans"), Roles),
            ("list jobs", c => c.GetAsync("/api/v1/jobs"), ["admin", "secretariat", "secretariat-other-province"]),
            ("job history", c => c.GetAsync("/api/v1/jobs/deadline-reminders/runs"), ["admin", "secretariat", "secretariat-other-province"]),
        };

        var wrong = new List<string>();
        foreach (var (name, call, allowed) in operations)
            foreach (var role in Roles)
            {
                var status = (await call(clients[role])).StatusCode;
                var wasAllowed = status is not (HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized);
                if (wasAllowed != allowed.Contains(role))
                    wrong.Add($"{name} as {role}: {(int)status}, expected {(allowed.Contains(role) ? "allowed" : "403")}");
            }

        Assert.Empty(wrong);
    }

    private static async Task<long> Id(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }
}
