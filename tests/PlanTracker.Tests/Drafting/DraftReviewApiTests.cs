using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Drafting;
using PlanTracker.Core.Persistence;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Drafting;

/// <summary>
/// The review loop over the API on a plan written for the test: upload, correct, split, merge, drop,
/// map an unknown agency to an existing one and create another, confirm. Nothing is saved but the draft
/// until the confirmation, which creates everything at once.
/// </summary>
public sealed class DraftReviewApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    public const string Plan = """
        ỦY BAN NHÂN DÂN
        TỈNH VĨNH PHÚC

        Số: 123/KH-UBND

        Vĩnh Phúc, ngày 15 tháng 3 năm 2025

        KẾ HOẠCH
        Chuyển đổi số tỉnh Vĩnh Phúc năm 2025

        Căn cứ Nghị quyết số 17/NQ-CP ngày 07/3/2019 của Chính phủ về một số nhiệm vụ, giải pháp trọng tâm phát triển Chính phủ điện tử;

        I. MỤC ĐÍCH, YÊU CẦU
        1. Mục đích: nâng cao hiệu quả chuyển đổi số của tỉnh.
        2. Yêu cầu: các cơ quan bám sát kế hoạch.

        II. NHIỆM VỤ VÀ GIẢI PHÁP
        1. Phát triển hạ tầng số
        a) Sở Thông tin và Truyền thông chủ trì, phối hợp với Sở Tài chính nâng cấp trung tâm dữ liệu của tỉnh, hoàn thành trong tháng 12 năm 2025.
        b) Giao Sở Du lịch xây dựng cơ sở dữ liệu du lịch số trong Quý IV-2025.
        c) Phát triển hạ tầng băng rộng, phấn đấu đạt trên 50 thuê bao/100 dân.
        2. Phát triển chính quyền số
        - Tỷ lệ hồ sơ trực tuyến toàn trình từ 30% trở lên, tăng tối thiểu 10%/năm.
        - Các sở, ban, ngành báo cáo kết quả trước ngày 20 hằng tháng.
        3. Sở Nội vụ
        - Đánh giá mức độ chuyển đổi số của các cơ quan trước ngày 01/6 và 15/11 hằng năm.
        - Triển khai chữ ký số cho 100% cán bộ, công chức theo lộ trình.

        III. TỔ CHỨC THỰC HIỆN
        Trung tâm Phục vụ hành chính công tỉnh chủ trì, phối hợp với Văn phòng UBND tỉnh triển khai hệ thống một cửa điện tử.

        PHỤ LỤC: DANH MỤC NHIỆM VỤ
        | STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |
        | 1 | Xây dựng kho dữ liệu mở | Sở TT&TT | Sở Nội vụ; Sở Tài chính | Quý II năm 2025 |
        | 2 | Đào tạo kỹ năng số cho cán bộ | Sở Nội vụ | | Năm 2025 |
        """;

    [Fact]
    public async Task Should_propose_review_and_confirm_a_plan_saving_nothing_but_the_draft_before_confirming()
    {
        var client = await app.ClientForAsync("thuongtruc@plantracker.local");
        var before = await app.Counts();

        var upload = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(Plan)), "file", "ke-hoach-cds-2025.txt" } };
        var created = await client.PostAsync("/api/v1/imports", upload);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var draft = await created.Read<DraftJsonHelpers.Created>();
        var p = draft.Proposal;
        var item = p.Items.ToDictionary(i => i.Code);

        Assert.Equal("123/KH-UBND", p.Document.Number);
        Assert.Equal(DocumentKind.Plan, p.Document.Kind);
        Assert.Equal(new DateOnly(2025, 3, 15), p.Document.IssuedOn);
        Assert.NotNull(Assert.Single(p.Document.Implements, r => r.Number == "17/NQ-CP").DocumentId);
        Assert.Equal(["II", "II.1", "II.1.a", "II.1.b", "II.1.c", "II.2", "II.2-1", "II.2-2", "II.3", "II.3-1", "II.3-2", "III", "PL", "PL.1", "PL.2"],
            p.Items.Select(i => i.Code));
        Assert.Equal(("vinh-phuc/so-tttt", AssigneeBasis.Named), (item["II.1.a"].Lead!.AgencyKey, item["II.1.a"].Lead!.Basis));
        Assert.Equal(["vinh-phuc/so-tai-chinh"], item["II.1.a"].Coordinating.Select(c => c.AgencyKey));
        Assert.Equal((DeadlineKind.Month, new DateOnly(2025, 12, 31)), (item["II.1.a"].Deadline!.Kind, item["II.1.a"].Deadline!.DueOn));
        Assert.Equal("Sở Du lịch", item["II.1.b"].Lead!.Name);
        Assert.NotNull(item["II.1.b"].Lead!.UnknownId);
        Assert.Equal((DeadlineKind.Quarter, new DateOnly(2025, 12, 31)), (item["II.1.b"].Deadline!.Kind, item["II.1.b"].Deadline!.DueOn));
        Assert.Equal(AssigneeBasis.Secretariat, item["II.1.c"].Lead!.Basis);
        Assert.Equal((DeadlineKind.Year, true, "document"), (item["II.1.c"].Deadline!.Kind, item["II.1.c"].Deadline!.Inherited, item["II.1.c"].Deadline!.From));
        Assert.Equal((TargetComparison.MoreThan, 50m, TargetUnit.PerHundredInhabitants), Only(item["II.1.c"]));
        Assert.Equal([(TargetComparison.AtLeast, 30m, TargetUnit.Percent), (TargetComparison.AtLeast, 10m, TargetUnit.PercentPerYear)],
            item["II.2-1"].Targets.Select(t => (t.Comparison, t.Value, t.Unit)));
        Assert.Equal(("vinh-phuc/cac-so-ban-nganh", DeadlineKind.RecurringMonthly), (item["II.2-2"].Lead!.AgencyKey, item["II.2-2"].Deadline!.Kind));
        Assert.Equal(("vinh-phuc/so-noi-vu", AssigneeBasis.Heading, "II.3"), (item["II.3-1"].Lead!.AgencyKey, item["II.3-1"].Lead!.Basis, item["II.3-1"].Lead!.From));
        Assert.Equal(DeadlineKind.RecurringYearly, item["II.3-1"].Deadline!.Kind);
        Assert.True(item["II.3-2"].Deadline!.Inherited); // "theo lộ trình" names no time of its own
        Assert.Equal("Trung tâm Phục vụ hành chính công tỉnh", item["III"].Lead!.Name);
        Assert.Equal(["vinh-phuc/vp-ubnd"], item["III"].Coordinating.Select(c => c.AgencyKey));
        Assert.Equal(("vinh-phuc/so-tttt", AssigneeBasis.Table, DeadlineKind.Quarter), (item["PL.1"].Lead!.AgencyKey, item["PL.1"].Lead!.Basis, item["PL.1"].Deadline!.Kind));
        Assert.Equal(["vinh-phuc/so-noi-vu", "vinh-phuc/so-tai-chinh"], item["PL.1"].Coordinating.Select(c => c.AgencyKey));
        Assert.Equal(2, p.UnknownAgencies.Count);
        // Every span points at the words it came from.
        var source = (await client.GetDraft(draft.DraftId)).SourceText;
        Assert.StartsWith("Giao Sở Du lịch", source[item["II.1.b"].Span!.Start..item["II.1.b"].Span!.End].TrimStart('b', ')', ' '));
        Assert.Equal("Quý IV-2025", source[item["II.1.b"].Deadline!.Span!.Start..item["II.1.b"].Deadline!.Span!.End]);

        var agencies = await client.GetFromJsonAsync<JsonElement>("/api/v1/agencies?province=vinh-phuc");
        long Agency(string key) => agencies.EnumerateArray().Single(a => a.GetProperty("key").GetString() == key).GetProperty("id").GetInt64();
        var version = draft.Version;
        async Task Step(HttpResponseMessage response)
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            version = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
        }

        var id = draft.DraftId;
        await Step(await client.PutAsJsonAsync($"/api/v1/imports/drafts/{id}/items/{item["II.1.c"].Id}",
            new { version, leadAgencyId = Agency("vinh-phuc/so-tttt"), deadlineText = "Quý III năm 2025" }));
        await Step(await client.PostAsJsonAsync($"/api/v1/imports/drafts/{id}/items/{item["II.2-1"].Id}/split",
            new { version, parts = new[] { "Tỷ lệ hồ sơ trực tuyến toàn trình từ 30% trở lên", "tăng tối thiểu 10%/năm" } }));
        await Step(await client.PostAsJsonAsync($"/api/v1/imports/drafts/{id}/merges", new { version, itemIds = new[] { item["II.3-1"].Id, item["II.3-2"].Id } }));
        await Step(await client.DeleteAsync($"/api/v1/imports/drafts/{id}/items/{item["PL.2"].Id}?version={version}"));
        var tourism = p.UnknownAgencies.Single(u => u.Name == "Sở Du lịch");
        var centre = p.UnknownAgencies.Single(u => u.Name.StartsWith("Trung tâm", StringComparison.Ordinal));
        await Step(await client.PutAsJsonAsync($"/api/v1/imports/drafts/{id}/agencies/{tourism.Id}", new { version, agencyId = Agency("vinh-phuc/so-vh-tt-dl") }));
        await Step(await client.PutAsJsonAsync($"/api/v1/imports/drafts/{id}/agencies/{centre.Id}",
            new { version, newName = "Trung tâm Phục vụ hành chính công tỉnh Vĩnh Phúc", newShortName = "TT PVHCC", newKind = "PublicService" }));

        var stale = await client.PostAsJsonAsync($"/api/v1/imports/drafts/{id}/confirm", new { version = version - 1 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var during = await app.Counts();
        Assert.Equal(before with { Drafts = before.Drafts + 1 }, during);

        var reviewed = (await client.GetDraft(id)).Proposal.Items.ToDictionary(i => i.Code);
        Assert.Equal(["AtLeast 30 Percent"], reviewed["II.2-1"].Targets.Select(t => $"{t.Comparison} {t.Value} {t.Unit}"));
        Assert.Equal(["AtLeast 10 PercentPerYear"], reviewed["II.2-1bis"].Targets.Select(t => $"{t.Comparison} {t.Value} {t.Unit}"));
        Assert.False(reviewed.ContainsKey("II.3-2"));
        Assert.Contains("theo lộ trình", reviewed["II.3-1"].Description);

        var confirmed = await client.PostAsJsonAsync($"/api/v1/imports/drafts/{id}/confirm", new { version });
        Assert.True(confirmed.StatusCode == HttpStatusCode.Created, await confirmed.Content.ReadAsStringAsync());
        var result = await confirmed.Read<DraftJsonHelpers.Confirmed>();
        Assert.Single(result.CreatedAgencyIds);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
        var tasks = await db.Tasks.AsNoTracking().Include(t => t.LeadAgency).Include(t => t.Targets)
            .Where(t => t.PlanId == result.PlanId).ToDictionaryAsync(t => t.Code);
        Assert.Equal("vinh-phuc/so-vh-tt-dl", tasks["II.1.b"].LeadAgency!.Key);
        Assert.Equal("Trung tâm Phục vụ hành chính công tỉnh Vĩnh Phúc", tasks["III"].LeadAgency!.Name);
        Assert.Equal((DeadlineKind.Quarter, new DateOnly(2025, 9, 30)), (tasks["II.1.c"].Deadline.Kind, tasks["II.1.c"].Deadline.DueOn));
        Assert.Equal("vinh-phuc/so-tttt", tasks["II.1.c"].LeadAgency!.Key);
        Assert.True(tasks["II.2-2"].IsGroup && tasks.Keys.Count(k => k.StartsWith("II.2-2#", StringComparison.Ordinal)) > 5); // fanned out over the group
        Assert.True(tasks["II.3-1"].Deadline.Kind == DeadlineKind.RecurringYearly && !tasks.ContainsKey("II.3-2") && !tasks.ContainsKey("PL.2"));
        Assert.Equal("Xây dựng kho dữ liệu mở", tasks["PL.1"].Title);
        var culture = Agency("vinh-phuc/so-vh-tt-dl");
        Assert.Contains("Sở Du lịch", await db.Set<AgencyAlias>().Where(a => a.AgencyId == culture).Select(a => a.Alias).ToListAsync());
        var document = await db.Documents.Include(d => d.Implements).ThenInclude(l => l.Implemented).SingleAsync(d => d.Id == result.DocumentId);
        Assert.Equal(("123/KH-UBND", "17/NQ-CP"), (document.Number, Assert.Single(document.Implements).Implemented.Number));
        Assert.Equal(during.Drafts, (await app.Counts()).Drafts);

        var late = await client.PutAsJsonAsync($"/api/v1/imports/drafts/{id}/items/{item["II"].Id}", new { version = version + 1, title = "Khác" });
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
    }

    [Fact]
    public async Task Should_refuse_a_confirmation_while_an_unknown_agency_is_neither_mapped_nor_created()
    {
        var client = await app.ClientForAsync("thuongtruc@plantracker.local");
        var draft = await (await client.PostAsJsonAsync("/api/v1/imports/drafts", new { text = Plan })).Read<DraftJsonHelpers.Created>();
        var before = await app.Counts();

        var refused = await client.PostAsJsonAsync($"/api/v1/imports/drafts/{draft.DraftId}/confirm", new { version = draft.Version });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Sở Du lịch", problem.GetProperty("errors").GetProperty("unknownAgencies")[0].GetString());
        Assert.Equal(before, await app.Counts());
    }

    [Fact]
    public async Task Should_let_only_the_secretariat_of_the_drafts_province_draft_review_and_confirm()
    {
        var officer = await app.ClientForAsync("canbo.noivu@plantracker.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync("/api/v1/imports", new { text = Plan })).StatusCode);

        var secretariat = await app.ClientForAsync("thuongtruc@plantracker.local");
        var draft = await (await secretariat.PostAsJsonAsync("/api/v1/imports", new { text = Plan })).Read<DraftJsonHelpers.Created>();
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync($"/api/v1/imports/drafts/{draft.DraftId}")).StatusCode);

        var other = await app.ClientForNewUserAsync("thuongtruc.dak-lak@plantracker.local", Roles.Secretariat, "dak-lak/so-tttt");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/v1/imports/drafts/{draft.DraftId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync($"/api/v1/imports/drafts/{draft.DraftId}/confirm", new { version = draft.Version })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretariat.GetAsync("/api/v1/imports/drafts/999999")).StatusCode);
    }

    private static (TargetComparison, decimal, TargetUnit) Only(ProposedItem item)
    {
        var t = Assert.Single(item.Targets);
        return (t.Comparison, t.Value, t.Unit);
    }
}
