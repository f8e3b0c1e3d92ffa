using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Api;

/// <summary>Progress, contributions and extensions through the API, as each role may or may not do them.</summary>
public sealed class WorkLoopTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Plan = "vinh-phuc/kh-36a";
    private const string InternalAffairsOfficer = "canbo.noivu@plantracker.local"; // Sở Nội vụ Vĩnh Phúc
    private const string Secretariat = "thuongtruc@plantracker.local";

    [Fact]
    public async Task Should_let_the_lead_agency_record_progress_with_a_target_actual_and_keep_the_history()
    {
        var client = await app.ClientForAsync(InternalAffairsOfficer);
        var id = app.TaskId(Plan, "II.2.c-8"); // led by Sở Nội vụ, with a target
        var task = await Get(client, id);
        var targetId = task.GetProperty("task").GetProperty("targets")[0].GetProperty("id").GetInt64();

        var response = await client.PostAsJsonAsync($"/api/v1/tasks/{id}/progress", new
        {
            version = Version(task), status = "inProgress", percentComplete = 40, note = "Đã ban hành kế hoạch triển khai",
            targetActuals = new[] { new { targetId, value = 62.5m, note = "Số liệu quý IV" } },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = await Get(client, id);
        Assert.Equal(Version(task) + 1, Version(after));
        Assert.Equal(40, after.GetProperty("task").GetProperty("percentComplete").GetInt32());
        Assert.Equal(62.5m, after.GetProperty("task").GetProperty("targets")[0].GetProperty("latestActual").GetDecimal());
        var history = await client.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{id}/history");
        Assert.Contains(history.GetProperty("audit").EnumerateArray(), e => e.GetProperty("action").GetString() == "task.progress");
        Assert.Equal("Đã ban hành kế hoạch triển khai", history.GetProperty("progress")[0].GetProperty("note").GetString());
    }

    [Fact]
    public async Task Should_refuse_progress_from_another_agency_and_change_nothing()
    {
        var other = await app.ClientForNewUserAsync("canbo.taichinh@test.local", "AgencyOfficer", "vinh-phuc/so-tai-chinh");
        var id = app.TaskId(Plan, "II.2.c-7");
        var before = await Get(other, id);

        var response = await other.PostAsJsonAsync($"/api/v1/tasks/{id}/progress",
            new { version = Version(before), status = "done", percentComplete = 100, note = "không phải việc của tôi" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(Version(before), Version(await Get(other, id)));
    }

    [Fact]
    public async Task Should_let_a_coordinating_agency_contribute_but_not_set_status()
    {
        var client = await app.ClientForAsync(InternalAffairsOfficer);
        var id = app.TaskId(Plan, "II.2.c-9"); // Sở TT&TT leads, Sở Nội vụ coordinates
        var task = await Get(client, id);

        var contribution = await client.PostAsJsonAsync($"/api/v1/tasks/{id}/contributions", new { note = "Đã cử cán bộ tham gia" });
        var progress = await client.PostAsJsonAsync($"/api/v1/tasks/{id}/progress",
            new { version = Version(task), status = "done", percentComplete = 100, note = "xong" });

        Assert.Equal(HttpStatusCode.OK, contribution.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, progress.StatusCode);
        Assert.Equal("notStarted", (await Get(client, id)).GetProperty("task").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Should_refuse_a_stale_version_with_409_and_keep_the_newer_save()
    {
        var client = await app.ClientForAsync(InternalAffairsOfficer);
        var id = app.TaskId(Plan, "III.5.a");
        var read = Version(await Get(client, id));

        var first = await client.PostAsJsonAsync($"/api/v1/tasks/{id}/progress", new { version = read, status = "inProgress", percentComplete = 30, note = "lần 1" });
        var second = await client.PostAsJsonAsync($"/api/v1/tasks/{id}/progress", new { version = read, status = "inProgress", percentComplete = 90, note = "lần 2" });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(30, (await Get(client, id)).GetProperty("task").GetProperty("percentComplete").GetInt32());
    }

    [Theory]
    [InlineData(120, "ok", "percentComplete")]
    [InlineData(-1, "ok", "percentComplete")]
    [InlineData(50, "", "note")]
    public async Task Should_reject_bad_progress_naming_the_field(int percent, string note, string field)
    {
        var client = await app.ClientForAsync(InternalAffairsOfficer);
        var id = app.TaskId(Plan, "III.5.b");
        var before = await Get(client, id);

        var response = await client.PostAsJsonAsync($"/api/v1/tasks/{id}/progress",
            new { version = Version(before), status = "inProgress", percentComplete = percent, note });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), await response.Content.ReadAsStringAsync());
        Assert.Equal(Version(before), Version(await Get(client, id)));
    }

    [Fact]
    public async Task Should_write_nothing_when_a_target_actual_names_another_tasks_target()
    {
        var client = await app.ClientForAsync(InternalAffairsOfficer);
        var id = app.TaskId(Plan, "III.5.c");
        var before = await Get(client, id);
        var foreignTarget = (await Get(client, app.TaskId(Plan, "II.2.c-9"))).GetProperty("task").GetProperty("targets")[0].GetProperty("id").GetInt64();

        var response = await client.PostAsJsonAsync($"/api/v1/tasks/{id}/progress", new
        {
            version = Version(before), status = "inProgress", percentComplete = 10, note = "x",
            targetActuals = new[] { new { targetId = foreignTarget, value = 1m } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("targetActuals[0].targetId", await response.Content.ReadAsStringAsync());
        var history = await client.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{id}/history");
        Assert.Equal(0, history.GetProperty("progress").GetArrayLength());
        Assert.Equal(Version(before), Version(await Get(client, id)));
    }

    [Fact]
    public async Task Should_count_a_task_done_before_an_approved_extension_as_done_on_time_and_keep_both_dates()
    {
        var officer = await app.ClientForAsync(InternalAffairsOfficer);
        var secretariat = await app.ClientForAsync(Secretariat);
        var id = app.TaskId(Plan, "II.2.c-8"); // "trong năm 2016"

        var empty = await officer.PostAsJsonAsync($"/api/v1/tasks/{id}/extension-requests", new { requestedDueOn = "2027-06-30", reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("reason", await empty.Content.ReadAsStringAsync());

        var requested = await officer.PostAsJsonAsync($"/api/v1/tasks/{id}/extension-requests",
            new { requestedDueOn = "2027-06-30", reason = "Chờ hướng dẫn của Bộ Nội vụ" });
        Assert.Equal(HttpStatusCode.OK, requested.StatusCode);
        var requestId = (await requested.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        Assert.Equal(HttpStatusCode.Forbidden,
            (await officer.PostAsJsonAsync($"/api/v1/extension-requests/{requestId}/decision", new { approve = true })).StatusCode);
        var decided = await secretariat.PostAsJsonAsync($"/api/v1/extension-requests/{requestId}/decision", new { approve = true, comment = "Đồng ý" });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);

        var task = await Get(officer, id);
        var done = await officer.PostAsJsonAsync($"/api/v1/tasks/{id}/progress",
            new { version = Version(task), status = "done", percentComplete = 100, note = "Hoàn thành", completedOn = "2026-11-20" });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);

        var after = (await Get(officer, id)).GetProperty("task");
        Assert.Equal("doneOnTime", after.GetProperty("timeliness").GetString());
        Assert.Equal("2016-12-31", after.GetProperty("deadline").GetProperty("dueOn").GetString());
        Assert.Equal("2027-06-30", after.GetProperty("deadline").GetProperty("extendedDueOn").GetString());
    }

    [Fact]
    public async Task Should_refuse_progress_from_a_steering_member_and_the_secretariat_of_another_province()
    {
        var steering = await app.ClientForAsync("bcd@plantracker.local");
        var secretariat = await app.ClientForAsync(Secretariat);
        var vinhPhuc = app.TaskId(Plan, "III.5.d");
        var dakLak = app.TaskId("dak-lak/ict-index-2018", "IV.3.b-1");

        var bySteering = await steering.PostAsJsonAsync($"/api/v1/tasks/{vinhPhuc}/progress",
            new { version = 0, status = "inProgress", percentComplete = 10, note = "x" });
        var elsewhere = await secretariat.PostAsJsonAsync($"/api/v1/tasks/{dakLak}/progress",
            new { version = 0, status = "inProgress", percentComplete = 10, note = "x" });

        Assert.Equal(HttpStatusCode.Forbidden, bySteering.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
    }

    private static async Task<JsonElement> Get(HttpClient client, long id) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{id}");

    private static int Version(JsonElement task) => task.GetProperty("task").GetProperty("version").GetInt32();
}
