using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Api;

/// <summary>
/// Every endpoint and every page × every role × own and other agency or province: allowed (anything
/// but 401/403/404) or refused (403, or 404 where a record of another province is not revealed).
/// Bodies are valid, so a 400 or 409 can only mean a rule of the domain, after authorization; a
/// write that would consume its target (delete, discard, merge) gets a fresh one per call. The rules
/// are docs/decisions/0013-read-rules.md; <see cref="Should_cover_every_endpoint_and_page_of_the_app"/>
/// fails when an endpoint is added without a row here.
/// </summary>
public sealed class AuthorizationMatrixTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly string[] Roles = ["admin", "secretariat", "secretariat-other-province", "officer", "officer-other-agency",
        "head", "head-other-agency", "steering"];

    private static readonly string[] Everyone = Roles;
    private static readonly string[] VinhPhuc = Roles.Except(["secretariat-other-province"]).ToArray();
    private static readonly string[] Oversight = ["admin", "secretariat", "secretariat-other-province", "steering"];
    private static readonly string[] Operators = ["admin", "secretariat", "secretariat-other-province"];
    private static readonly string[] Staff = ["officer", "officer-other-agency", "head", "head-other-agency"];
    private static readonly string[] Secretariat = ["secretariat"];
    private static readonly string[] Admin = ["admin"];

    /// <summary>Endpoints outside the role matrix, and why.</summary>
    private static readonly Dictionary<string, string> Unscoped = new()
    {
        ["POST /api/v1/auth/token"] = "anonymous sign-in (issue 13 item 2 covers it)",
        ["GET /health/live"] = "anonymous probe",
        ["GET /health/ready"] = "anonymous probe",
        ["GET /openapi/{documentName}.json"] = "the API's description, anonymous",
        ["GET /culture"] = "the language switch, anonymous",
        ["PAGE /Account/Login"] = "anonymous",
        ["PAGE /Account/Logout"] = "the user's own session",
        ["POST /api/v1/auth/password-reset"] = "anonymous: asks for a reset link by mail (SignInLimitTests, PasswordTests)",
        ["POST /api/v1/auth/password-reset/confirm"] = "anonymous: holds the mailed single-use token (PasswordTests)",
        ["PAGE /Account/ForgotPassword"] = "anonymous",
        ["PAGE /Account/ResetPassword"] = "anonymous, with the mailed token",
        ["PAGE /Status/{code:int}"] = "error pages",
        ["PAGE /Unsubscribe"] = "a signed token, no session",
    };

    private sealed record Ids(long Led, long Coordinated, long OtherTask, long PlanId, long OtherPlanId, long LeadAgency, long OtherProvince,
        long ExtensionId, long ReportId, int ReportVersion, long EvidenceId, long OtherEvidenceId, long QuarterlyFileId, long DraftId,
        long OutboxId, long OtherOutboxId, long UserId, long OfficerId = 0, long SubmissionId = 0);

    private sealed record Operation(string Route, string Name, Func<Clients, Task<HttpResponseMessage>> Call, string[] Allowed);

    /// <summary>The role's API client (bearer token) and page client (cookie).</summary>
    private sealed record Clients(HttpClient Api, HttpClient Pages);

    [Fact]
    public void Should_cover_every_endpoint_and_page_of_the_app()
    {
        var endpoints = Endpoints();
        var covered = Operations(new Ids(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)).Select(o => o.Route).ToHashSet();

        var missing = endpoints.Where(e => !covered.Contains(e) && !Unscoped.ContainsKey(e)).ToList();
        var stale = covered.Concat(Unscoped.Keys).Where(r => !endpoints.Contains(r)).Distinct().ToList();

        Assert.True(missing.Count == 0, "Not in the authorization matrix: " + string.Join(", ", missing));
        Assert.True(stale.Count == 0, "In the matrix but not an endpoint of the app: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task Should_allow_and_deny_every_endpoint_and_page_by_role_agency_and_province()
    {
        var clients = new Dictionary<string, Clients>
        {
            ["admin"] = await Both("admin@plantracker.local"),
            ["secretariat"] = await Both("thuongtruc@plantracker.local"),
            ["secretariat-other-province"] = await Both("thuongtruc.dl@test.local", "Secretariat", "dak-lak/so-tttt"),
            ["officer"] = await Both("canbo.noivu@plantracker.local"),
            ["officer-other-agency"] = await Both("canbo.ttht.matrix@test.local", "AgencyOfficer", "vinh-phuc/tt-ha-tang-thong-tin"),
            ["head"] = await Both("giamdoc.noivu@plantracker.local"),
            ["head-other-agency"] = await Both("giamdoc.ttht.matrix@test.local", "AgencyHead", "vinh-phuc/tt-ha-tang-thong-tin"),
            ["steering"] = await Both("bcd@plantracker.local"),
        };
        var ids = await Arrange(clients);

        var wrong = new List<string>();
        foreach (var op in Operations(ids))
            foreach (var role in Roles)
            {
                var status = (await op.Call(clients[role])).StatusCode;
                var wasAllowed = status is not (HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized or HttpStatusCode.NotFound);
                if (wasAllowed != op.Allowed.Contains(role))
                    wrong.Add($"{op.Name} ({op.Route}) as {role}: {(int)status}, expected {(op.Allowed.Contains(role) ? "allowed" : "refused")}");
            }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private IReadOnlyList<Operation> Operations(Ids ids)
    {
        var csv = "STT;Nhiệm vụ;Cơ quan chủ trì;Cơ quan phối hợp;Thời gian hoàn thành\n1;Việc A;Sở Nội vụ;;Năm 2027";
        MultipartFormDataContent Csv() => new() { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "a.csv" } };
        const string draftText = "KẾ HOẠCH\nThực hiện chuyển đổi số\nI. NHIỆM VỤ\n1. Xây dựng cơ sở dữ liệu. Sở Nội vụ chủ trì. Hoàn thành trong năm 2027.";
        var d = $"/api/v1/imports/drafts/{ids.DraftId}";
        return
        [
            // Plans, tasks and the work loop
            new("GET /api/v1/plans", "list plans", c => c.Api.GetAsync("/api/v1/plans"), Everyone),
            new("GET /api/v1/plans/{id:long}", "read own province's plan", c => c.Api.GetAsync($"/api/v1/plans/{ids.PlanId}"), VinhPhuc),
            new("GET /api/v1/plans/{id:long}", "read another province's plan", c => c.Api.GetAsync($"/api/v1/plans/{ids.OtherPlanId}"),
                ["admin", "secretariat-other-province"]),
            new("GET /api/v1/tasks", "list tasks (scoped)", c => c.Api.GetAsync("/api/v1/tasks"), Everyone),
            new("GET /api/v1/tasks/{id:long}", "read own province's task", c => c.Api.GetAsync($"/api/v1/tasks/{ids.Led}"), VinhPhuc),
            new("GET /api/v1/tasks/{id:long}", "read another province's task", c => c.Api.GetAsync($"/api/v1/tasks/{ids.OtherTask}"),
                ["admin", "secretariat-other-province"]),
            new("GET /api/v1/tasks/{id:long}/history", "task history", c => c.Api.GetAsync($"/api/v1/tasks/{ids.Led}/history"), VinhPhuc),
            new("GET /api/v1/tasks/{id:long}/history", "another province's task history", c => c.Api.GetAsync($"/api/v1/tasks/{ids.OtherTask}/history"),
                ["admin", "secretariat-other-province"]),
            new("GET /api/v1/my/tasks", "my agency's tasks", c => c.Api.GetAsync("/api/v1/my/tasks"), Roles.Except(["admin"]).ToArray()),
            new("GET /api/v1/search", "search", c => c.Api.GetAsync("/api/v1/search?q=chu%20ky%20so"), Everyone),
            new("POST /api/v1/tasks/{id:long}/progress", "record progress",
                c => c.Api.PostAsJsonAsync($"/api/v1/tasks/{ids.Led}/progress", new { version = 0, status = "inProgress", percentComplete = 10, note = "x" }),
                ["secretariat", "officer", "head"]),
            new("POST /api/v1/tasks/{id:long}/contributions", "add contribution",
                c => c.Api.PostAsJsonAsync($"/api/v1/tasks/{ids.Coordinated}/contributions", new { note = "x" }), ["officer", "head"]),
            new("POST /api/v1/tasks/{id:long}/extension-requests", "request extension",
                c => c.Api.PostAsJsonAsync($"/api/v1/tasks/{ids.Led}/extension-requests", new { requestedDueOn = "2030-01-01", reason = "x" }), ["officer", "head"]),
            new("POST /api/v1/extension-requests/{id:long}/decision", "decide extension",
                c => c.Api.PostAsJsonAsync($"/api/v1/extension-requests/{ids.ExtensionId}/decision", new { approve = true }), Secretariat),
            new("POST /api/v1/tasks/{id:long}/evidence", "attach evidence",
                c => c.Api.PostAsync($"/api/v1/tasks/{ids.Led}/evidence", new MultipartFormDataContent { { new StringContent("1/QĐ"), "documentNumber" } }),
                ["secretariat", "officer", "head"]),
            // Evidence: the task's agencies, their overseer, the province's secretariat, administrators.
            new("GET /api/v1/tasks/{id:long}/evidence", "list evidence", c => c.Api.GetAsync($"/api/v1/tasks/{ids.Led}/evidence"),
                ["admin", "secretariat", "officer", "head", "steering"]),
            new("GET /api/v1/evidence/{id:long}", "download evidence", c => c.Api.GetAsync($"/api/v1/evidence/{ids.EvidenceId}"),
                ["admin", "secretariat", "officer", "head", "steering"]),
            new("GET /api/v1/evidence/{id:long}", "download another province's evidence", c => c.Api.GetAsync($"/api/v1/evidence/{ids.OtherEvidenceId}"),
                ["admin", "secretariat-other-province"]),
            new("GET /evidence/{id:long}", "download evidence (page route)", c => c.Pages.GetAsync($"/evidence/{ids.EvidenceId}"),
                ["admin", "secretariat", "officer", "head", "steering"]),

            // Authoring (the secretariat of the plan's province)
            new("POST /api/v1/documents", "register document",
                c => c.Api.PostAsJsonAsync("/api/v1/documents", new { number = $"{Guid.NewGuid():N}"[..6], kind = "plan", issuer = "UBND", title = "x" }),
                ["secretariat", "secretariat-other-province"]),
            new("POST /api/v1/plans", "create plan", async c =>
            {
                // A document of Vĩnh Phúc: only its own secretariat starts a plan for it.
                var document = await Id(await _secretariat!.PostAsJsonAsync("/api/v1/documents", new { number = $"{Guid.NewGuid():N}"[..6], kind = "plan", issuer = "UBND", title = "x" }));
                return await c.Api.PostAsJsonAsync("/api/v1/plans", new { documentId = document, title = "Kế hoạch thử" });
            }, Secretariat),
            new("POST /api/v1/plans/{id:long}/tasks", "add task",
                c => c.Api.PostAsJsonAsync($"/api/v1/plans/{ids.PlanId}/tasks", new { code = Guid.NewGuid().ToString("N")[..8], title = "x", leadAgencyId = ids.LeadAgency }),
                Secretariat),
            // Stale versions: the secretariat gets 409 (authorized, then refused as stale), the others 403.
            new("PUT /api/v1/tasks/{id:long}", "edit task",
                c => c.Api.PutAsJsonAsync($"/api/v1/tasks/{ids.Led}", new { version = 999, code = "III.5.a", title = "x", leadAgencyId = ids.LeadAgency }), Secretariat),
            new("POST /api/v1/tasks/{id:long}/move", "move task",
                c => c.Api.PostAsJsonAsync($"/api/v1/tasks/{ids.Led}/move", new { version = 999, newParentId = (long?)null }), Secretariat),
            new("POST /api/v1/tasks/{id:long}/split", "split task",
                c => c.Api.PostAsJsonAsync($"/api/v1/tasks/{ids.Led}/split", new { version = 999, partTitles = new[] { "a", "b" } }), Secretariat),
            new("DELETE /api/v1/tasks/{id:long}", "delete task",
                c => c.Api.DeleteAsync($"/api/v1/tasks/{ids.Led}?version=999"), Secretariat),
            new("POST /api/v1/plans/{id:long}/publish", "publish plan", c => c.Api.PostAsync($"/api/v1/plans/{ids.PlanId}/publish", null), Secretariat),
            new("POST /api/v1/plans/{id:long}/imports/preview", "preview import", c => c.Api.PostAsync($"/api/v1/plans/{ids.PlanId}/imports/preview", Csv()), Secretariat),
            new("POST /api/v1/plans/{id:long}/imports", "import table", c => c.Api.PostAsync($"/api/v1/plans/{ids.OtherPlanId}/imports", Csv()),
                ["secretariat-other-province"]),

            // Drafting (the secretariat whose province the draft is)
            new("POST /api/v1/imports", "read a document", c => c.Api.PostAsJsonAsync("/api/v1/imports", new { text = draftText }), Operators.Except(["admin"]).ToArray()),
            new("POST /api/v1/imports/drafts", "read a document (drafts)", c => c.Api.PostAsJsonAsync("/api/v1/imports/drafts", new { text = draftText }),
                Operators.Except(["admin"]).ToArray()),
            new("GET /api/v1/imports/drafts", "list drafts", c => c.Api.GetAsync("/api/v1/imports/drafts"), Operators.Except(["admin"]).ToArray()),
            new("GET /api/v1/imports/drafts/{id:long}", "read draft", c => c.Api.GetAsync(d), Secretariat),
            new("PUT /api/v1/imports/drafts/{id:long}/document", "edit draft document",
                c => c.Api.PutAsJsonAsync($"{d}/document", new { version = 999, kind = "plan", issuer = "UBND", title = "x", planTitle = "y" }), Secretariat),
            new("PUT /api/v1/imports/drafts/{id:long}/items/{itemId}", "edit draft item",
                c => c.Api.PutAsJsonAsync($"{d}/items/i1", new { version = 999, title = "x" }), Secretariat),
            new("PUT /api/v1/imports/drafts/{id:long}/items/{itemId}/links", "edit draft item's parent links",
                c => c.Api.PutAsJsonAsync($"{d}/items/i1/links", new { version = 999, links = Array.Empty<object>() }), Secretariat),
            new("GET /api/v1/imports/drafts/{id:long}/link-choices", "list draft link choices", c => c.Api.GetAsync($"{d}/link-choices"), Secretariat),
            new("DELETE /api/v1/imports/drafts/{id:long}/items/{itemId}", "drop draft item", c => c.Api.DeleteAsync($"{d}/items/i1?version=999"), Secretariat),
            new("POST /api/v1/imports/drafts/{id:long}/merges", "merge draft items",
                c => c.Api.PostAsJsonAsync($"{d}/merges", new { version = 999, itemIds = new[] { "i1", "i2" } }), Secretariat),
            new("POST /api/v1/imports/drafts/{id:long}/items/{itemId}/split", "split draft item",
                c => c.Api.PostAsJsonAsync($"{d}/items/i1/split", new { version = 999, parts = new[] { "a", "b" } }), Secretariat),
            new("PUT /api/v1/imports/drafts/{id:long}/agencies/{unknownId}", "map draft agency",
                c => c.Api.PutAsJsonAsync($"{d}/agencies/u1", new { version = 999, agencyId = ids.LeadAgency }), Secretariat),
            new("POST /api/v1/imports/drafts/{id:long}/confirm", "confirm draft", c => c.Api.PostAsJsonAsync($"{d}/confirm", new { version = 999 }), Secretariat),
            new("DELETE /api/v1/imports/drafts/{id:long}", "discard draft", async c =>
            {
                var fresh = (await (await _secretariat!.PostAsJsonAsync("/api/v1/imports", new { text = draftText })).Content.ReadFromJsonAsync<JsonElement>())
                    .GetProperty("draftId").GetInt64();
                return await c.Api.DeleteAsync($"/api/v1/imports/drafts/{fresh}");
            }, Secretariat),

            // Reports
            new("POST /api/v1/reports/draft", "draft report", c => c.Api.PostAsJsonAsync("/api/v1/reports/draft", new { day = "2026-11-22" }), Staff),
            new("POST /api/v1/reports/{id:long}/submit", "submit report",
                c => c.Api.PostAsJsonAsync($"/api/v1/reports/{ids.ReportId}/submit", new { version = ids.ReportVersion }), ["head"]),
            new("POST /api/v1/reports/{id:long}/review", "review report",
                c => c.Api.PostAsJsonAsync($"/api/v1/reports/{ids.ReportId}/review", new { accept = true }), Secretariat),
            new("GET /api/v1/reports/compliance", "reporting compliance", c => c.Api.GetAsync("/api/v1/reports/compliance?year=2026&quarter=4"),
                ["secretariat", "secretariat-other-province"]),
            new("POST /api/v1/reports/periods", "create ad hoc period", c => c.Api.PostAsJsonAsync("/api/v1/reports/periods",
                new { startOn = "2026-11-01", endOn = "2026-11-30", dataCutOffOn = "2026-11-30", submissionDueOn = "2026-12-04" }),
                ["secretariat", "secretariat-other-province"]),
            new("POST /api/v1/reports/quarterly", "compile quarterly report",
                c => c.Api.PostAsJsonAsync("/api/v1/reports/quarterly", new { year = 2016, quarter = 3 }), Operators),
            new("GET /api/v1/reports/quarterly", "list quarterly reports", c => c.Api.GetAsync("/api/v1/reports/quarterly"), Everyone),
            new("GET /api/v1/reports/quarterly/{id:long}/file", "download own province's quarterly report",
                c => c.Api.GetAsync($"/api/v1/reports/quarterly/{ids.QuarterlyFileId}/file"), VinhPhuc),
            new("GET /reports/quarterly/{id:long}/file", "download quarterly report (page route)",
                c => c.Pages.GetAsync($"/reports/quarterly/{ids.QuarterlyFileId}/file"), VinhPhuc),

            // Oversight: the dashboard and what it links to
            new("GET /api/v1/dashboard", "dashboard", c => c.Api.GetAsync("/api/v1/dashboard"), Oversight),
            new("GET /api/v1/dashboard", "another province's dashboard", c => c.Api.GetAsync($"/api/v1/dashboard?provinceId={ids.OtherProvince}"),
                ["admin", "secretariat-other-province"]),
            new("GET /api/v1/tasks/drilldown", "drill-down", c => c.Api.GetAsync("/api/v1/tasks/drilldown?timeliness=inProgressOverdue"), Oversight),
            new("GET /api/v1/tasks/drilldown", "another province's drill-down",
                c => c.Api.GetAsync($"/api/v1/tasks/drilldown?provinceId={ids.OtherProvince}"), ["admin", "secretariat-other-province"]),
            new("GET /api/v1/tasks/drilldown", "drill into another province's plan",
                c => c.Api.GetAsync($"/api/v1/tasks/drilldown?planId={ids.OtherPlanId}"), ["admin", "secretariat-other-province"]),

            // Accounts, agencies, jobs, mail
            new("GET /api/v1/users", "list users", c => c.Api.GetAsync("/api/v1/users"), Admin),
            new("POST /api/v1/users", "create user", c => c.Api.PostAsJsonAsync("/api/v1/users",
                new { email = $"u{Guid.NewGuid():N}@test.local", displayName = "x", role = "SteeringMember", password = "Matkhau@123" }), Admin),
            new("POST /api/v1/users/{id:long}", "change user", c => c.Api.PostAsJsonAsync($"/api/v1/users/{ids.UserId}", new { active = true }), Admin),
            new("GET /api/v1/agencies", "list agencies", c => c.Api.GetAsync("/api/v1/agencies?province=vinh-phuc"), Everyone),
            new("POST /api/v1/agencies/{id:long}/rename", "rename agency", async c =>
                await c.Api.PostAsJsonAsync($"/api/v1/agencies/{await NewAgency()}/rename", new { name = $"Sở Thử {Guid.NewGuid():N}"[..20], effectiveOn = "2026-11-22" }),
                Secretariat),
            new("POST /api/v1/agencies/merge", "merge agencies", async c => await c.Api.PostAsJsonAsync("/api/v1/agencies/merge",
                new { sourceAgencyIds = new[] { await NewAgency(), await NewAgency() }, newName = $"Sở Hợp {Guid.NewGuid():N}"[..20], effectiveOn = "2026-11-22" }),
                Secretariat),
            new("POST /api/v1/agencies/{id:long}/split", "split agency", async c => await c.Api.PostAsJsonAsync($"/api/v1/agencies/{await NewAgency()}/split",
                new { into = new[] { new { name = $"Sở A {Guid.NewGuid():N}"[..20] }, new { name = $"Sở B {Guid.NewGuid():N}"[..20] } }, effectiveOn = "2026-11-22" }),
                Secretariat),
            new("GET /api/v1/jobs", "list jobs", c => c.Api.GetAsync("/api/v1/jobs"), Operators),
            new("GET /api/v1/jobs/{name}/runs", "job history", c => c.Api.GetAsync("/api/v1/jobs/deadline-reminders/runs"), Operators),
            new("POST /api/v1/jobs/{name}/runs", "run a job by hand", c => c.Api.PostAsJsonAsync("/api/v1/jobs/dashboard-counts/runs", new { asOf = "2026-11-22" }), Admin),
            new("GET /api/v1/me/digest", "my digest preference", c => c.Api.GetAsync("/api/v1/me/digest"), Everyone),
            new("PUT /api/v1/me/digest", "set my digest preference", c => c.Api.PutAsJsonAsync("/api/v1/me/digest", new { frequency = "weekly", weekday = "monday", hour = 7 }),
                Everyone),

            // Pages (GET); their forms send the commands above, whose rows hold for them too.
            new("PAGE ", "home page", c => c.Pages.GetAsync("/"), Everyone),
            new("PAGE /Index", "home page (named)", c => c.Pages.GetAsync("/Index"), Everyone),
            new("PAGE /Plans/{id:long}", "own province's plan page", c => c.Pages.GetAsync($"/Plans/{ids.PlanId}"), VinhPhuc),
            new("PAGE /Plans/{id:long}", "another province's plan page", c => c.Pages.GetAsync($"/Plans/{ids.OtherPlanId}"), ["admin", "secretariat-other-province"]),
            new("PAGE /Plans/New", "new plan page", c => c.Pages.GetAsync("/Plans/New"), Everyone),
            new("PAGE /Tasks", "task list (the dashboard's)", c => c.Pages.GetAsync("/Tasks?timeliness=InProgressOverdue"), Oversight),
            new("PAGE /Tasks/{id:long}", "own province's task page", c => c.Pages.GetAsync($"/Tasks/{ids.Led}"), VinhPhuc),
            new("PAGE /Tasks/{id:long}", "another province's task page", c => c.Pages.GetAsync($"/Tasks/{ids.OtherTask}"), ["admin", "secretariat-other-province"]),
            new("PAGE /Tasks/{id:long}/Edit", "task edit page", c => c.Pages.GetAsync($"/Tasks/{ids.Led}/Edit"), Secretariat),
            new("PAGE /Tasks/{id:long}/Progress", "task progress page", c => c.Pages.GetAsync($"/Tasks/{ids.Led}/Progress"), ["secretariat", "officer", "head"]),
            new("PAGE /My", "my agency's tasks page", c => c.Pages.GetAsync("/My"), Roles.Except(["admin"]).ToArray()),
            new("PAGE /Search", "search page", c => c.Pages.GetAsync("/Search?q=chu%20ky%20so"), Everyone),
            new("PAGE /Dashboard", "dashboard page", c => c.Pages.GetAsync("/Dashboard"), Oversight),
            new("PAGE /Dashboard", "another province's dashboard page", c => c.Pages.GetAsync($"/Dashboard?provinceId={ids.OtherProvince}"),
                ["admin", "secretariat-other-province"]),
            new("PAGE /Dashboard", "dashboard export", c => c.Pages.GetAsync("/Dashboard?handler=Export&table=ranking"), Oversight),
            new("PAGE /Reports", "reports page", c => c.Pages.GetAsync("/Reports"), Everyone),
            new("PAGE /Agencies", "agencies page", c => c.Pages.GetAsync("/Agencies"), Everyone),
            new("PAGE /Imports/Drafts", "drafts page", c => c.Pages.GetAsync("/Imports/Drafts"), Operators.Except(["admin"]).ToArray()),
            new("PAGE /Imports/Drafts/{id:long}", "draft review page", c => c.Pages.GetAsync($"/Imports/Drafts/{ids.DraftId}"), Secretariat),
            new("PAGE /Account/Preferences", "preferences page", c => c.Pages.GetAsync("/Account/Preferences"), Everyone),
            new("PAGE /Account/ChangePassword", "change my password page", c => c.Pages.GetAsync("/Account/ChangePassword"), Everyone),
            // A wrong current password: every signed-in user may try (a 400), and nobody's sessions end.
            new("POST /api/v1/me/password", "change my password", c => c.Api.PostAsJsonAsync("/api/v1/me/password",
                new { currentPassword = "Sai@2026khong", newPassword = "Moi@2026Matrix" }), Everyone),
            new("PAGE /Admin/Users", "users page", c => c.Pages.GetAsync("/Admin/Users"), Admin),
            new("PAGE /Admin/Jobs", "jobs page", c => c.Pages.GetAsync("/Admin/Jobs"), Operators),
            new("PAGE /Admin/Jobs", "run a job from the page", async c =>
                await c.Pages.PostAsync("/Admin/Jobs?handler=Run", PageClient.Form(await c.Pages.GetStringAsync("/Account/Login"),
                    new() { ["job"] = "dashboard-counts", ["asOf"] = "22/11/2026" })), Admin),
            // Hangfire's dashboard: admins in full, the secretariat read-only (a trigger is refused), everyone else 403.
            new("GET /hangfire/{**path}", "Hangfire dashboard", c => c.Pages.GetAsync("/hangfire"), Operators),
            new("GET /hangfire/{**path}", "Hangfire dashboard's recurring jobs", c => c.Pages.GetAsync("/hangfire/recurring"), Operators),
            new("GET /hangfire/{**path}", "trigger a recurring job from the Hangfire dashboard",
                c => HangfireDashboard.PostAsync(c.Pages, "/hangfire/recurring/trigger", new() { ["jobs[]"] = "dashboard-counts" }), Admin),
            new("PAGE /Admin/Outbox", "outbox page", c => c.Pages.GetAsync("/Admin/Outbox"), Operators),
            new("PAGE /Admin/Outbox/{id:long}", "own province's outbox message", c => c.Pages.GetAsync($"/Admin/Outbox/{ids.OutboxId}"), ["admin", "secretariat"]),
            new("PAGE /Admin/Outbox/{id:long}", "another province's outbox message", c => c.Pages.GetAsync($"/Admin/Outbox/{ids.OtherOutboxId}"),
                ["admin", "secretariat-other-province"]),

            // Inside the agency (decision 0028): the head (or a named deputy) assigns and approves; the thread is the task's agencies' and the secretariat's.
            new("POST /api/v1/tasks/{id:long}/assignments", "assign a task inside the agency", c => c.Api.PostAsJsonAsync($"/api/v1/tasks/{ids.Led}/assignments",
                new { assigneeUserIds = new[] { ids.OfficerId }, dueOn = "2027-01-31", directions = "Chủ trì thực hiện." }), ["head"]),
            new("GET /api/v1/tasks/{id:long}/assignments", "a task's assignments", c => c.Api.GetAsync($"/api/v1/tasks/{ids.Led}/assignments"),
                ["admin", "secretariat", "officer", "head", "steering"]),
            new("GET /api/v1/tasks/{id:long}/assignments", "another province's task's assignments", c => c.Api.GetAsync($"/api/v1/tasks/{ids.OtherTask}/assignments"),
                ["admin", "secretariat-other-province"]),
            new("GET /api/v1/my/assignments", "assigned to me", c => c.Api.GetAsync("/api/v1/my/assignments"), Everyone),
            new("GET /api/v1/my/agency/settings", "my agency's settings", c => c.Api.GetAsync("/api/v1/my/agency/settings"), Staff),
            new("PUT /api/v1/my/agency/settings", "change my agency's settings (stale: 409 once authorized)",
                c => c.Api.PutAsJsonAsync("/api/v1/my/agency/settings", new { progressNeedsApproval = true, version = 999 }), ["head", "head-other-agency"]),
            new("GET /api/v1/my/progress-submissions", "progress reports to approve, or my own", c => c.Api.GetAsync("/api/v1/my/progress-submissions"), Staff),
            new("POST /api/v1/progress-submissions/{id:long}/decision", "return a progress report",
                c => c.Api.PostAsJsonAsync($"/api/v1/progress-submissions/{ids.SubmissionId}/decision", new { approve = false, comment = "Bổ sung." }), ["head"]),
            new("GET /api/v1/tasks/{id:long}/comments", "a task's thread", c => c.Api.GetAsync($"/api/v1/tasks/{ids.Led}/comments"),
                ["admin", "secretariat", "officer", "head", "steering"]),
            new("GET /api/v1/tasks/{id:long}/comments", "another province's task's thread", c => c.Api.GetAsync($"/api/v1/tasks/{ids.OtherTask}/comments"),
                ["admin", "secretariat-other-province"]),
            new("POST /api/v1/tasks/{id:long}/comments", "comment on a task", c => c.Api.PostAsJsonAsync($"/api/v1/tasks/{ids.Led}/comments", new { message = "Ý kiến." }),
                ["secretariat", "officer", "head"]),
            new("GET /api/v1/me/notifications", "my notifications", c => c.Api.GetAsync("/api/v1/me/notifications"), Everyone),
            new("POST /api/v1/me/notifications/read", "mark my notifications read", c => c.Api.PostAsJsonAsync("/api/v1/me/notifications/read", new { }), Everyone),
            new("PAGE /Tasks/{id:long}/Work", "a task's assignments and thread page", c => c.Pages.GetAsync($"/Tasks/{ids.Led}/Work"),
                ["admin", "secretariat", "officer", "head", "steering"]),
            new("PAGE /Tasks/{id:long}/Work", "another province's task's assignments page", c => c.Pages.GetAsync($"/Tasks/{ids.OtherTask}/Work"),
                ["admin", "secretariat-other-province"]),
            new("PAGE /My/Assigned", "assigned to me page", c => c.Pages.GetAsync("/My/Assigned"), Everyone),
            new("PAGE /My/Agency", "agency settings page", c => c.Pages.GetAsync("/My/Agency"), Staff),
            new("PAGE /Notifications", "notifications page", c => c.Pages.GetAsync("/Notifications"), Everyone),
            .. CascadeOperations(ids),
        ];
    }


    // Cascading plans (issue 18; docs/decisions/0027-cascading-plans.md). The seeded 36a/NQ-CP partial
    // parent is national: everyone reads it; the view from above is for oversight; links are the plan's secretariat's.
    private IReadOnlyList<Operation> CascadeOperations(Ids ids)
    {
        long Parent(string code) => app.TaskId("vn/nq-36a-cp-2015-partial", code);
        long Own(string code) => app.TaskId("vinh-phuc/kh-36a", code);
        Task<long> ParentPlan() => Scalar("SELECT id FROM plans WHERE key = 'vn/nq-36a-cp-2015-partial'");
        Task<long> Nq03() => Scalar("SELECT id FROM plans WHERE key = 'vn/ctr-03-nq-cp-2025'");
        // A fresh link for each call that removes one, made by the secretariat.
        var fresh = 0;
        async Task<long> FreshLink() => await Id(await _secretariat!.PostAsJsonAsync($"/api/v1/tasks/{Own("III.2.k")}/links", new
        {
            parentTaskId = await Scalar($"SELECT t.id FROM plan_tasks t JOIN plans p ON p.id = t.plan_id WHERE p.key = 'vn/ctr-03-nq-cp-2025' AND NOT t.is_group ORDER BY t.sort_order OFFSET {fresh++} LIMIT 1"),
        }));
        return
        [
            new("GET /api/v1/plans/{id:long}/cascade", "a plan's parents and implementers", c => c.Api.GetAsync($"/api/v1/plans/{ids.PlanId}/cascade"), VinhPhuc),
            new("GET /api/v1/plans/{id:long}/implementation", "the view from above", async c => await c.Api.GetAsync($"/api/v1/plans/{await ParentPlan()}/implementation"),
                Oversight),
            new("GET /api/v1/tasks/{id:long}/links", "a task's links", c => c.Api.GetAsync($"/api/v1/tasks/{Parent("7")}/links"), Everyone),
            new("GET /api/v1/tasks/{id:long}/links", "another province's task's links", c => c.Api.GetAsync($"/api/v1/tasks/{ids.OtherTask}/links"),
                ["admin", "secretariat-other-province"]),
            new("GET /api/v1/coverage", "the province's coverage", c => c.Api.GetAsync("/api/v1/coverage"), ["secretariat", "secretariat-other-province"]),
            new("POST /api/v1/plans/{id:long}/parents", "record a parent plan", async c =>
                await c.Api.PostAsJsonAsync($"/api/v1/plans/{ids.PlanId}/parents", new { parentPlanId = await Nq03() }), Secretariat),
            new("DELETE /api/v1/plans/{id:long}/parents/{parentPlanId:long}", "remove a parent plan", async c =>
            {
                await _secretariat!.PostAsJsonAsync($"/api/v1/plans/{ids.PlanId}/parents", new { parentPlanId = await Nq03() });
                return await c.Api.DeleteAsync($"/api/v1/plans/{ids.PlanId}/parents/{await Nq03()}");
            }, Secretariat),
            new("POST /api/v1/tasks/{id:long}/links", "link a task", c => c.Api.PostAsJsonAsync($"/api/v1/tasks/{Own("III.2.k")}/links",
                new { parentTaskId = Parent("13") }), Secretariat),
            new("DELETE /api/v1/task-links/{id:long}", "unlink a task", async c => await c.Api.DeleteAsync($"/api/v1/task-links/{await FreshLink()}"), Secretariat),
            new("POST /api/v1/plans/{id:long}/tasks/from-parent", "draft a task from a parent task", c => c.Api.PostAsJsonAsync(
                $"/api/v1/plans/{ids.PlanId}/tasks/from-parent", new { parentTaskId = Parent("10"), code = Guid.NewGuid().ToString("N")[..8], leadAgencyId = ids.LeadAgency }),
                Secretariat),
            new("PAGE /Plans/{id:long}/Implementation", "the view from above page", async c => await c.Pages.GetAsync($"/Plans/{await ParentPlan()}/Implementation"), Oversight),
            new("PAGE /Plans/{id:long}/Parents", "parent plans page", c => c.Pages.GetAsync($"/Plans/{ids.PlanId}/Parents"), Secretariat),
            new("PAGE /Tasks/{id:long}/Links", "task links page", c => c.Pages.GetAsync($"/Tasks/{Own("III.2.k")}/Links"), Secretariat),
            new("PAGE /Cascade/Coverage", "coverage page", c => c.Pages.GetAsync("/Cascade/Coverage"), ["secretariat", "secretariat-other-province"]),
        ];
    }

    private HttpClient? _secretariat;

    private async Task<Ids> Arrange(Dictionary<string, Clients> clients)
    {
        var secretariat = _secretariat = clients["secretariat"].Api;
        const string plan = "vinh-phuc/kh-36a";
        var led = app.TaskId(plan, "III.5.a");          // Sở Nội vụ leads; the steering member oversees it
        var coordinated = app.TaskId(plan, "II.2.c-9");  // Sở Nội vụ coordinates
        var extendable = app.TaskId(plan, "III.5.b");
        var otherTask = app.TaskId("dak-lak/ict-index-2018", "IV.1.a-1");
        var plans = await clients["admin"].Api.GetFromJsonAsync<JsonElement>("/api/v1/plans");
        long PlanId(string key) => plans.EnumerateArray().Single(p => p.GetProperty("key").GetString() == key).GetProperty("id").GetInt64();
        var leadAgency = (await secretariat.GetFromJsonAsync<JsonElement>("/api/v1/agencies?province=vinh-phuc"))
            .EnumerateArray().Single(a => a.GetProperty("key").GetString() == "vinh-phuc/so-noi-vu").GetProperty("id").GetInt64();
        var officer = clients["officer"].Api;
        var extensionId = await Id(await officer.PostAsJsonAsync($"/api/v1/tasks/{extendable}/extension-requests",
            new { requestedDueOn = "2027-12-31", reason = "Chờ hướng dẫn" }));
        var draft = await (await officer.PostAsJsonAsync("/api/v1/reports/draft", new { day = "2026-11-22" })).Content.ReadFromJsonAsync<JsonElement>();
        var evidence = await Id(await officer.PostAsync($"/api/v1/tasks/{led}/evidence",
            new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4\n%%EOF\n"u8.ToArray()), "file", "bien-ban.pdf" } }));
        var otherEvidence = await Id(await clients["secretariat-other-province"].Api.PostAsync($"/api/v1/tasks/{otherTask}/evidence",
            new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4\n%%EOF\n"u8.ToArray()), "file", "bien-ban.pdf" } }));
        var compiled = await (await secretariat.PostAsJsonAsync("/api/v1/reports/quarterly", new { year = 2016, quarter = 4 })).Content.ReadFromJsonAsync<JsonElement>();
        var draftId = (await (await secretariat.PostAsJsonAsync("/api/v1/imports", new { text = "KẾ HOẠCH\nI. NHIỆM VỤ\n1. Việc A. Sở Nội vụ chủ trì." }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("draftId").GetInt64();
        var ids = new Ids(led, coordinated, otherTask, PlanId(plan), PlanId("dak-lak/ict-index-2018"), leadAgency,
            await Scalar("SELECT id FROM provinces WHERE key = 'dak-lak'"), extensionId,
            draft.GetProperty("reportId").GetInt64(), draft.GetProperty("version").GetInt32(), evidence, otherEvidence,
            compiled.GetProperty("files")[0].GetProperty("id").GetInt64(), draftId,
            await Mail("canbo.noivu@plantracker.local"), await Mail("thuongtruc.dl@test.local"),
            await ChangeableUser());
        return await ArrangeAgencyWork(clients, ids);
    }

    /// <summary>Inside the agency: a progress report held for the head's approval, then the agency back to publishing directly.</summary>
    private async Task<Ids> ArrangeAgencyWork(Dictionary<string, Clients> clients, Ids ids)
    {
        var head = clients["head"].Api;
        var task = app.TaskId("vinh-phuc/kh-36a", "III.5.d");
        var version = (await head.GetFromJsonAsync<JsonElement>("/api/v1/my/agency/settings")).GetProperty("version").GetInt32();
        var on = await head.PutAsJsonAsync("/api/v1/my/agency/settings", new { progressNeedsApproval = true, version });
        version = (await on.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
        var taskVersion = (await head.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{task}")).GetProperty("task").GetProperty("version").GetInt32();
        var held = await (await clients["officer"].Api.PostAsJsonAsync($"/api/v1/tasks/{task}/progress",
            new { version = taskVersion, status = "inProgress", percentComplete = 10, note = "Chờ duyệt" })).Content.ReadFromJsonAsync<JsonElement>();
        (await head.PutAsJsonAsync("/api/v1/my/agency/settings", new { progressNeedsApproval = false, version })).EnsureSuccessStatusCode();
        return ids with { OfficerId = await Scalar("SELECT id FROM users WHERE email = 'canbo.noivu@plantracker.local'"), SubmissionId = held.GetProperty("submissionId").GetInt64() };
    }

    /// <summary>An account of its own for "change user": changing a role's account would end that role's sessions mid-matrix.</summary>
    private async Task<long> ChangeableUser()
    {
        await app.ClientForNewUserAsync("doi.matrix@test.local", "AgencyOfficer", "vinh-phuc/tt-ha-tang-thong-tin");
        return await Scalar("SELECT id FROM users WHERE email = 'doi.matrix@test.local'");
    }

    private async Task<Clients> Both(string email, string? role = null, string? agency = null)
    {
        var api = role is null ? await app.ClientForAsync(email) : await app.ClientForNewUserAsync(email, role, agency!);
        return new Clients(api, await PageClient.SignInAsync(app, email, followRedirects: false));
    }

    /// <summary>A message queued to the user, as a job queues it (the database gives it the user's province).</summary>
    private Task<long> Mail(string email) => Scalar($"""
        INSERT INTO outbox_messages (created_at, kind, to_address, user_id, subject, text_body, message_id, state, attempts, next_attempt_at, sent_at)
        SELECT now(), 'test', email, id, 'Thư thử', 'Nội dung', '<' || gen_random_uuid() || '@test>', 'Sent', 1, now(), now()
        FROM users WHERE email = '{email}' RETURNING id
        """);

    /// <summary>A fresh agency of Vĩnh Phúc, for the reorganisations that consume their agency.</summary>
    private Task<long> NewAgency() => Scalar("""
        INSERT INTO agencies (key, name, level, kind, province_id, is_secretariat)
        SELECT 'vinh-phuc/thu-' || gen_random_uuid(), 'Sở Thử ' || gen_random_uuid(), level, kind, province_id, false
        FROM agencies WHERE key = 'vinh-phuc/so-noi-vu' RETURNING id
        """);

    private async Task<long> Scalar(string sql)
    {
        using var scope = app.Services.CreateScope();
        await using var cmd = scope.ServiceProvider.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }

    /// <summary>Every endpoint of the app as "METHOD /route" (API) or "PAGE /route" (Razor page).</summary>
    private HashSet<string> Endpoints()
    {
        var result = new HashSet<string>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.CompiledPageActionDescriptor>() is not null
                || endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null)
            {
                result.Add(route == "/" ? "PAGE " : "PAGE " + route);
                continue;
            }
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                result.Add($"{method} {route}");
        }
        return result;
    }

    private static async Task<long> Id(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64();
    }
}
