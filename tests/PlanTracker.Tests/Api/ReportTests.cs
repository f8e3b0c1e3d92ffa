using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Api;

/// <summary>The quarterly report: drafted from progress, edited, submitted by the head, reviewed by the secretariat.</summary>
public sealed class ReportTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Should_draft_edit_submit_and_accept_a_quarterly_report_and_count_compliance()
    {
        var officer = await app.ClientForAsync("canbo.noivu@plantracker.local");
        var head = await app.ClientForAsync("giamdoc.noivu@plantracker.local");
        var secretariat = await app.ClientForAsync("thuongtruc@plantracker.local");
        var taskId = app.TaskId("vinh-phuc/kh-36a", "III.5.d");
        var version = (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{taskId}")).GetProperty("task").GetProperty("version").GetInt32();
        (await officer.PostAsJsonAsync($"/api/v1/tasks/{taskId}/progress",
            new { version, status = "inProgress", percentComplete = 50, note = "Đã rà soát 25 đơn vị" })).EnsureSuccessStatusCode();

        var draft = await (await officer.PostAsJsonAsync("/api/v1/reports/draft", new { day = "2026-11-22" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Đã rà soát 25 đơn vị", draft.GetProperty("content").GetString());
        Assert.Contains("quý 4/2026", draft.GetProperty("content").GetString());
        var reportId = draft.GetProperty("reportId").GetInt64();

        var edited = await officer.PostAsJsonAsync("/api/v1/reports/draft",
            new { day = "2026-11-22", content = "Báo cáo đã chỉnh sửa", version = draft.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var stale = await officer.PostAsJsonAsync("/api/v1/reports/draft",
            new { day = "2026-11-22", content = "ghi đè", version = draft.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var current = (await edited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();

        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync($"/api/v1/reports/{reportId}/submit", new { version = current })).StatusCode);
        var submitted = await head.PostAsJsonAsync($"/api/v1/reports/{reportId}/submit", new { version = current });
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);

        var noComment = await secretariat.PostAsJsonAsync($"/api/v1/reports/{reportId}/review", new { accept = false });
        Assert.Equal(HttpStatusCode.BadRequest, noComment.StatusCode);
        Assert.Contains("comment", await noComment.Content.ReadAsStringAsync());
        var accepted = await secretariat.PostAsJsonAsync($"/api/v1/reports/{reportId}/review", new { accept = true, comment = "Đạt" });
        Assert.Equal("accepted", (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());

        var compliance = await secretariat.GetFromJsonAsync<JsonElement>("/api/v1/reports/compliance?year=2026&quarter=4");
        var rows = compliance.GetProperty("agencies").EnumerateArray().ToList();
        Assert.Equal("onTime", rows.Single(r => r.GetProperty("agency").GetString() == "Sở Nội vụ").GetProperty("compliance").GetString());
        Assert.Equal(rows.Count - 1, compliance.GetProperty("missing").GetInt32());
        Assert.True(rows.Count > 5);
    }

    [Fact]
    public async Task Should_refuse_reports_to_steering_members_and_another_agencys_head()
    {
        var steering = await app.ClientForAsync("bcd@plantracker.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await steering.PostAsJsonAsync("/api/v1/reports/draft", new { day = "2026-11-22" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await steering.GetAsync("/api/v1/reports/compliance?year=2026&quarter=4")).StatusCode);

        var officer = await app.ClientForAsync("canbo.noivu@plantracker.local");
        var draft = await (await officer.PostAsJsonAsync("/api/v1/reports/draft", new { day = "2026-08-01" })).Content.ReadFromJsonAsync<JsonElement>();
        var otherHead = await app.ClientForNewUserAsync("giamdoc.taichinh@test.local", "AgencyHead", "vinh-phuc/so-tai-chinh");
        var response = await otherHead.PostAsJsonAsync($"/api/v1/reports/{draft.GetProperty("reportId").GetInt64()}/submit",
            new { version = draft.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Should_report_by_half_year_and_by_ad_hoc_period_with_the_Decree_09_gap()
    {
        var officer = await app.ClientForAsync("canbo.noivu@plantracker.local");
        var secretariat = await app.ClientForAsync("thuongtruc@plantracker.local");

        var half = await (await officer.PostAsJsonAsync("/api/v1/reports/draft", new { day = "2026-09-01", regime = "halfYearly" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("6 tháng cuối năm 2026", half.GetProperty("content").GetString());

        // Friday 14/08/2026 cut-off, deadline Saturday 15/08: no working day between them.
        var tooSoon = await secretariat.PostAsJsonAsync("/api/v1/reports/periods",
            new { startOn = "2026-07-01", endOn = "2026-08-14", dataCutOffOn = "2026-08-14", submissionDueOn = "2026-08-15" });
        Assert.Equal(HttpStatusCode.BadRequest, tooSoon.StatusCode);
        Assert.Contains("submissionDueOn", await tooSoon.Content.ReadAsStringAsync());

        var created = await secretariat.PostAsJsonAsync("/api/v1/reports/periods",
            new { startOn = "2026-07-01", endOn = "2026-08-14", dataCutOffOn = "2026-08-14", submissionDueOn = "2026-08-18" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var periodId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var adHoc = await (await officer.PostAsJsonAsync("/api/v1/reports/draft", new { day = "2026-08-01", periodId }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(periodId, adHoc.GetProperty("periodId").GetInt64());
        var compliance = await secretariat.GetFromJsonAsync<JsonElement>("/api/v1/reports/compliance?year=2026&number=1&regime=adHoc");
        Assert.Equal("2026-08-18", compliance.GetProperty("submissionDueOn").GetString());
    }
}
