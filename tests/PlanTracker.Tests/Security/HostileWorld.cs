using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Security;

/// <summary>
/// The records the hostile walk points at: the signed-in users' own (a task, a plan, a report, an
/// extension request, evidence, a draft…), another province's of each kind, and a VALID body for every
/// operation, so that a mutated field is the only thing wrong with a request.
/// </summary>
internal sealed class HostileWorld
{
    public const long Missing = 999_999_999;
    public required HttpClient Secretariat, Officer, Admin;
    public long OwnTask, CoordinatedTask, OthersTask, GroupTask, OwnPlan, OwnDocument, NoiVu, TaiChinh, Tttt, OfficerUser;
    /// <summary>Agencies only the reorganisation operations touch, so that one wrongly accepted merge or split spoils no other operation's request.</summary>
    public long Renamed, SplitOne, MergedA, MergedB;
    public long Report, SubmittedReport, Extension, Evidence, Draft;
    public int TaskVersion, ReportVersion, DraftVersion;
    public string DraftItem = "1", DraftItem2 = "2", DraftUnknown = "u1";
    /// <summary>Another province's record of each kind (task, plan, agency, document, user, draft, report…).</summary>
    public readonly Dictionary<string, long> OtherProvince = [];

    public static async Task<HostileWorld> CreateAsync(AppFactory app)
    {
        var w = new HostileWorld
        {
            Secretariat = await app.ClientForAsync("thuongtruc@plantracker.local"),
            Officer = await app.ClientForAsync("canbo.noivu@plantracker.local"),
            Admin = await app.ClientForAsync("admin@plantracker.local"),
        };
        const string plan = "vinh-phuc/kh-36a";
        w.OwnTask = app.TaskId(plan, "III.5.d");
        w.CoordinatedTask = app.TaskId(plan, "II.2.c-9");
        var extendable = app.TaskId(plan, "III.5.b");
        var otherSecretariat = await app.ClientForNewUserAsync("thuongtruc.hostile@test.local", "Secretariat", "dak-lak/so-tttt");
        var otherOfficer = await app.ClientForNewUserAsync("canbo.hostile@test.local", "AgencyOfficer", "dak-lak/so-tttt");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
            long Agency(string key) => db.Agencies.Single(a => a.Key == key).Id;
            w.NoiVu = Agency("vinh-phuc/so-noi-vu");
            w.TaiChinh = Agency("vinh-phuc/so-tai-chinh");
            w.Tttt = Agency("vinh-phuc/so-tttt");
            (w.Renamed, w.SplitOne, w.MergedA, w.MergedB) = (Agency("vinh-phuc/so-ngoai-vu"), Agency("vinh-phuc/ban-dan-toc"),
                Agency("vinh-phuc/ban-xtdt"), Agency("vinh-phuc/bql-kcn"));
            var own = await db.Tasks.Where(t => t.Id == w.OwnTask).Select(t => new { t.PlanId, t.Version, t.ParentId }).SingleAsync();
            (w.OwnPlan, w.TaskVersion) = (own.PlanId, own.Version);
            w.GroupTask = own.ParentId ?? await db.Tasks.Where(t => t.PlanId == own.PlanId && t.IsGroup).Select(t => t.Id).FirstAsync();
            w.OwnDocument = await db.Plans.Where(p => p.Id == own.PlanId).Select(p => p.DocumentId).SingleAsync();
            w.OthersTask = await db.Tasks.Where(t => !t.IsGroup && t.LeadAgency!.Key == "vinh-phuc/so-tttt" && !t.CoordinatingAgencies.Any())
                .OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
            w.OfficerUser = await db.Users.Where(u => u.Email == "canbo.noivu@plantracker.local").Select(u => u.Id).SingleAsync();
            var otherPlan = await db.Plans.Where(p => p.Key.StartsWith("dak-lak/")).Select(p => new { p.Id, p.DocumentId }).FirstAsync();
            w.OtherProvince["plan"] = otherPlan.Id;
            w.OtherProvince["document"] = otherPlan.DocumentId;
            w.OtherProvince["task"] = await db.Tasks.Where(t => t.PlanId == otherPlan.Id && !t.IsGroup).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
            w.OtherProvince["agency"] = Agency("dak-lak/so-tttt");
            w.OtherProvince["user"] = await db.Users.Where(u => u.Email == "thuongtruc.hostile@test.local").Select(u => u.Id).SingleAsync();
            // Their officer asks to extend one of their agency's tasks (the first with a due date) and attaches evidence to it.
            var dakLakTasks = await db.Tasks.Where(t => !t.IsGroup && t.LeadAgency!.Key == "dak-lak/so-tttt").OrderBy(t => t.Id).Select(t => t.Id).Take(30).ToListAsync();
            foreach (var dt in dakLakTasks)
            {
                using var asked = await otherOfficer.PostAsJsonAsync($"/api/v1/tasks/{dt}/extension-requests", new { requestedDueOn = "2027-12-31", reason = "Chờ hướng dẫn" });
                if (!asked.IsSuccessStatusCode) continue;
                w.OtherProvince["extension"] = await Id(asked, "id");
                w.OtherProvince["evidence"] = await Id(await otherOfficer.PostAsync($"/api/v1/tasks/{dt}/evidence",
                    new MultipartFormDataContent { { new StringContent("7/BC-STTTT"), "documentNumber" } }), "id");
                break;
            }
        }
        w.OtherProvince["report"] = await Id(await otherOfficer.PostAsJsonAsync("/api/v1/reports/draft", new { day = "2026-11-22" }), "reportId");
        w.OtherProvince["draft"] = await Id(await otherSecretariat.PostAsJsonAsync("/api/v1/imports", new { text = Drafting.DraftReviewApiTests.Plan }), "draftId");

        w.Extension = await Id(await w.Officer.PostAsJsonAsync($"/api/v1/tasks/{extendable}/extension-requests",
            new { requestedDueOn = "2027-12-31", reason = "Chờ hướng dẫn" }), "id");
        w.Evidence = await Id(await w.Officer.PostAsync($"/api/v1/tasks/{w.OwnTask}/evidence",
            new MultipartFormDataContent { { new StringContent("12/BC-SNV"), "documentNumber" } }), "id");
        var report = await Json(await w.Officer.PostAsJsonAsync("/api/v1/reports/draft", new { day = "2026-11-22", content = "Báo cáo quý" }));
        (w.Report, w.ReportVersion) = (report.GetProperty("reportId").GetInt64(), report.GetProperty("version").GetInt32());
        // Another agency's report, submitted, for the secretariat to review.
        var head = await app.ClientForNewUserAsync("giamdoc.taichinh.hostile@test.local", "AgencyHead", "vinh-phuc/so-tai-chinh");
        var submitted = await Json(await head.PostAsJsonAsync("/api/v1/reports/draft", new { day = "2026-11-22", content = "Báo cáo quý" }));
        w.SubmittedReport = submitted.GetProperty("reportId").GetInt64();
        await Json(await head.PostAsJsonAsync($"/api/v1/reports/{w.SubmittedReport}/submit", new { version = submitted.GetProperty("version").GetInt32() }));
        var draft = await Json(await w.Secretariat.PostAsJsonAsync("/api/v1/imports", new { text = Drafting.DraftReviewApiTests.Plan }));
        (w.Draft, w.DraftVersion) = (draft.GetProperty("draftId").GetInt64(), draft.GetProperty("version").GetInt32());
        var proposal = draft.GetProperty("proposal");
        var items = proposal.GetProperty("items").EnumerateArray().Where(i => !i.GetProperty("isGroup").GetBoolean())
            .Select(i => i.GetProperty("id").ToString()).ToList();
        (w.DraftItem, w.DraftItem2) = (items[0], items[1]);
        if (proposal.TryGetProperty("unknownAgencies", out var unknown) && unknown.GetArrayLength() > 0)
            w.DraftUnknown = unknown[0].GetProperty("id").ToString();
        return w;
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Test set-up failed: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<long> Id(HttpResponseMessage response, string property) => (await Json(response)).GetProperty(property).GetInt64();

    /// <summary>The id a route's {id} takes, by the kind of record the path names.</summary>
    public static string Kind(string path)
    {
        var segment = path.Split('/', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(2) ?? "";
        return segment switch
        {
            "tasks" => "task", "plans" => "plan", "agencies" => "agency", "users" => "user", "extension-requests" => "extension",
            "evidence" => "evidence", "imports" => "draft",
            "reports" => path.Contains("/quarterly/") ? "quarterly" : "report",
            _ => "unknown",
        };
    }

    /// <summary>The kind of record an id field refers to, from its name; null when it is not an id.</summary>
    public static string? IdKind(string field)
    {
        var f = field.ToLowerInvariant();
        if (!f.EndsWith("id") && !f.EndsWith("ids")) return null;
        if (f.Contains("agency")) return "agency";
        if (f.Contains("document")) return "document";
        if (f.Contains("parent") || f.Contains("task")) return "task";
        if (f.Contains("plan")) return "plan";
        if (f.Contains("steeringmember") || f.Contains("user")) return "user";
        if (f.Contains("period")) return "period";
        return "other";
    }

    /// <summary>The own record a route's {id} points at for a valid request of this operation.</summary>
    public long RouteId(string method, string path) => Kind(path) switch
    {
        "task" when path.EndsWith("/contributions") => CoordinatedTask,
        "task" => OwnTask,
        "plan" => OwnPlan,
        "agency" when path.EndsWith("/split") => SplitOne,
        "agency" => Renamed,
        "user" => OfficerUser,
        "extension" => Extension,
        "evidence" => Evidence,
        "draft" => Draft,
        "report" when path.EndsWith("/review") => SubmittedReport,
        "report" => Report,
        _ => Missing,
    };

    public string RouteValue(string name, string method, string path) => name switch
    {
        "id" => RouteId(method, path).ToString(),
        "name" => "deadline-reminders",
        "itemId" => DraftItem,
        "unknownId" => DraftUnknown,
        _ => "1",
    };

    /// <summary>
    /// A valid body for fields that exclude others in the example: mapping a draft's unknown agency to
    /// a new one (newName, newKind…) instead of to an existing one (agencyId).
    /// </summary>
    public JsonObject? Alternative(string method, string path, string field) =>
        path == "/api/v1/imports/drafts/{id}/agencies/{unknownId}" && field.StartsWith("new")
            ? new() { ["version"] = DraftVersion, ["newName"] = "Ban mới", ["newShortName"] = "BM", ["newKind"] = "board", ["newLevel"] = "province" }
            : null;

    /// <summary>A valid body (JSON) and query for each operation; operations not listed get one generated from the schema.</summary>
    public (JsonObject? Body, Dictionary<string, string> Query) Example(string method, string path)
    {
        var q = new Dictionary<string, string>();
        JsonObject? b = (method + " " + path) switch
        {
            "POST /api/v1/auth/token" => new() { ["email"] = "bcd@plantracker.local", ["password"] = TestDatabases.DemoPassword },
            "POST /api/v1/plans" => new() { ["documentId"] = OwnDocument, ["title"] = "Kế hoạch kiểm thử" },
            "POST /api/v1/documents" => new()
            {
                ["number"] = "99/KH-UBND", ["kind"] = "plan", ["issuer"] = "UBND tỉnh Vĩnh Phúc", ["issuedOn"] = "2026-11-20",
                ["signer"] = "Nguyễn Văn A", ["title"] = "Kế hoạch thử", ["implementsDocumentIds"] = new JsonArray(OwnDocument),
            },
            "POST /api/v1/plans/{id}/tasks" => new()
            {
                ["code"] = "HX.1", ["title"] = "Nhiệm vụ thử", ["leadAgencyId"] = NoiVu, ["parentId"] = GroupTask, ["description"] = "Mô tả",
                ["coordinatingAgencyIds"] = new JsonArray(TaiChinh), ["deadlineText"] = "Quý IV năm 2027", ["expectedOutput"] = "Báo cáo",
                ["isGroup"] = false,
                ["targets"] = new JsonArray(new JsonObject
                {
                    ["indicator"] = "Tỷ lệ hồ sơ trực tuyến", ["unit"] = "percent", ["comparison"] = "atLeast", ["value"] = 80, ["dueOn"] = "2027-12-31",
                }),
                ["deadline"] = new JsonObject { ["kind"] = "date", ["dueOn"] = "2027-12-31" },
            },
            "PUT /api/v1/tasks/{id}" => new()
            {
                ["version"] = TaskVersion, ["code"] = "III.5.d", ["title"] = "Nhiệm vụ sửa", ["description"] = "Mô tả", ["expectedOutput"] = "Báo cáo",
                ["leadAgencyId"] = NoiVu, ["coordinatingAgencyIds"] = new JsonArray(TaiChinh), ["deadlineText"] = "Quý IV năm 2027",
            },
            "POST /api/v1/tasks/{id}/move" => new() { ["version"] = TaskVersion, ["newParentId"] = GroupTask },
            "POST /api/v1/tasks/{id}/split" => new() { ["version"] = TaskVersion, ["partTitles"] = new JsonArray("Phần một", "Phần hai") },
            "POST /api/v1/tasks/{id}/progress" => new()
            {
                ["version"] = TaskVersion, ["status"] = "inProgress", ["percentComplete"] = 40, ["note"] = "Đang triển khai", ["completedOn"] = null,
            },
            "POST /api/v1/tasks/{id}/contributions" => new() { ["note"] = "Đã phối hợp" },
            "POST /api/v1/tasks/{id}/extension-requests" => new() { ["requestedDueOn"] = "2028-06-30", ["reason"] = "Chờ hướng dẫn" },
            "POST /api/v1/extension-requests/{id}/decision" => new() { ["approve"] = false, ["comment"] = "Chưa đủ căn cứ" },
            "POST /api/v1/reports/draft" => new() { ["day"] = "2026-11-22", ["content"] = "Nội dung", ["version"] = ReportVersion, ["regime"] = "quarterly" },
            "POST /api/v1/reports/{id}/submit" => new() { ["version"] = ReportVersion },
            "POST /api/v1/reports/{id}/review" => new() { ["accept"] = false, ["comment"] = "Bổ sung số liệu" },
            "POST /api/v1/reports/periods" => new()
            {
                ["startOn"] = "2026-12-01", ["endOn"] = "2026-12-31", ["dataCutOffOn"] = "2026-12-25", ["submissionDueOn"] = "2027-01-05",
            },
            "POST /api/v1/reports/quarterly" => new() { ["year"] = 2026, ["quarter"] = 3, ["province"] = "vinh-phuc" },
            "POST /api/v1/users" => new()
            {
                ["email"] = "moi@test.local", ["displayName"] = "Người mới", ["role"] = "AgencyOfficer", ["agencyId"] = NoiVu,
                ["password"] = "Matkhau@2026", ["overseesAgencyIds"] = new JsonArray(),
            },
            "POST /api/v1/users/{id}" => new() { ["active"] = true, ["newPassword"] = "Matkhau@2026" },
            "POST /api/v1/agencies/{id}/rename" => new() { ["name"] = "Sở Ngoại vụ tỉnh", ["shortName"] = "SNgV", ["effectiveOn"] = "2026-11-22" },
            "POST /api/v1/agencies/merge" => new()
            {
                ["sourceAgencyIds"] = new JsonArray(MergedA, MergedB), ["intoAgencyId"] = null, ["newName"] = "Sở hợp nhất", ["newShortName"] = "SHN",
                ["effectiveOn"] = "2026-11-22",
            },
            "POST /api/v1/agencies/{id}/split" => new()
            {
                ["into"] = new JsonArray(new JsonObject { ["name"] = "Sở A", ["shortName"] = "SA" }, new JsonObject { ["name"] = "Sở B", ["shortName"] = "SB" }),
                ["effectiveOn"] = "2026-11-22",
            },
            "POST /api/v1/jobs/{name}/runs" => new() { ["asOf"] = "2026-11-22" },
            "PUT /api/v1/me/digest" => new() { ["frequency"] = "weekly", ["weekday"] = "monday", ["hour"] = 7 },
            "POST /api/v1/imports" or "POST /api/v1/imports/drafts" => new() { ["text"] = Drafting.DraftReviewApiTests.Plan },
            "PUT /api/v1/imports/drafts/{id}/document" => new()
            {
                ["version"] = DraftVersion, ["number"] = "123/KH-UBND", ["kind"] = "plan", ["issuer"] = "UBND tỉnh Vĩnh Phúc", ["issuedOn"] = "2025-03-15",
                ["signer"] = "Nguyễn Văn A", ["title"] = "Chuyển đổi số", ["planTitle"] = "Kế hoạch chuyển đổi số",
                ["implementsDocumentIds"] = new JsonArray(),
            },
            "PUT /api/v1/imports/drafts/{id}/items/{itemId}" => new()
            {
                ["version"] = DraftVersion, ["title"] = "Nhiệm vụ sửa", ["leadAgencyId"] = NoiVu, ["coordinatingAgencyIds"] = new JsonArray(TaiChinh),
                ["deadlineText"] = "Quý IV năm 2025", ["accepted"] = true,
            },
            "POST /api/v1/imports/drafts/{id}/merges" => new() { ["version"] = DraftVersion, ["itemIds"] = new JsonArray(DraftItem, DraftItem2) },
            "POST /api/v1/imports/drafts/{id}/items/{itemId}/split" => new() { ["version"] = DraftVersion, ["parts"] = new JsonArray("Phần một", "Phần hai") },
            "PUT /api/v1/imports/drafts/{id}/agencies/{unknownId}" => new() { ["version"] = DraftVersion, ["agencyId"] = NoiVu },
            "POST /api/v1/imports/drafts/{id}/confirm" => new() { ["version"] = DraftVersion },
            _ => null,
        };
        switch (method + " " + path)
        {
            case "DELETE /api/v1/tasks/{id}": q["version"] = TaskVersion.ToString(); break;
            case "DELETE /api/v1/imports/drafts/{id}/items/{itemId}": q["version"] = DraftVersion.ToString(); break;
            case "GET /api/v1/reports/compliance": q["year"] = "2026"; q["quarter"] = "4"; break;
            case "GET /api/v1/tasks" or "GET /api/v1/my/tasks" or "GET /api/v1/tasks/drilldown": q["page"] = "1"; q["pageSize"] = "20"; break;
            case "GET /api/v1/search": q["q"] = "chuyển đổi số"; q["limit"] = "10"; break;
        }
        return (b, q);
    }
}
