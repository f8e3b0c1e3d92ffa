using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Api;

/// <summary>The 2025 reorganisation: Sở TT&amp;TT merges into Sở KH&amp;CN; agencies split; history keeps old names.</summary>
public sealed class ReorganisationTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Plan = "vinh-phuc/kh-36a";

    [Fact]
    public async Task Should_move_open_work_and_people_to_the_successor_and_keep_history_under_the_old_name()
    {
        var secretariat = await app.ClientForAsync("thuongtruc@plantracker.local"); // works at Sở TT&TT
        var agencies = await secretariat.GetFromJsonAsync<JsonElement>("/api/v1/agencies?province=vinh-phuc");
        long Agency(string key) => agencies.EnumerateArray().Single(a => a.GetProperty("key").GetString() == key).GetProperty("id").GetInt64();
        var (ict, science) = (Agency("vinh-phuc/so-tttt"), Agency("vinh-phuc/so-kh-cn"));
        var open = app.TaskId(Plan, "III.2.a");
        var finished = app.TaskId(Plan, "III.2.b");
        await Progress(secretariat, open, "inProgress", "Đang triển khai");
        await Progress(secretariat, finished, "done", "Đã hoàn thành", "2024-12-20");

        var merged = await secretariat.PostAsJsonAsync("/api/v1/agencies/merge",
            new { sourceAgencyIds = new[] { ict }, intoAgencyId = science, effectiveOn = "2025-03-01" });

        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        // Moving the account to another agency ended its sessions (decision 0012): the old token is refused.
        Assert.Equal(HttpStatusCode.Unauthorized, (await secretariat.GetAsync("/api/v1/plans")).StatusCode);
        secretariat = await app.ClientForAsync("thuongtruc@plantracker.local");
        var task = await Task(secretariat, open);
        Assert.Equal(science, task.GetProperty("leadAgency").GetProperty("id").GetInt64());
        Assert.Equal(ict, (await Task(secretariat, finished)).GetProperty("leadAgency").GetProperty("id").GetInt64());
        var history = await secretariat.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{open}/history");
        Assert.Equal("Sở TT&TT", history.GetProperty("progress")[0].GetProperty("agency").GetString());
        var after = await secretariat.GetFromJsonAsync<JsonElement>("/api/v1/agencies?province=vinh-phuc");
        var oldIct = after.EnumerateArray().Single(a => a.GetProperty("id").GetInt64() == ict);
        Assert.Equal(science, oldIct.GetProperty("successorId").GetInt64());
        Assert.Equal("2025-03-01", oldIct.GetProperty("dissolvedOn").GetString());
        Assert.True(after.EnumerateArray().Single(a => a.GetProperty("id").GetInt64() == science).GetProperty("isSecretariat").GetBoolean());

        // The secretariat's account moved with its agency and still manages the province.
        var mine = await secretariat.GetFromJsonAsync<JsonElement>("/api/v1/my/tasks?pageSize=200");
        Assert.Contains(mine.GetProperty("items").EnumerateArray(), t => t.GetProperty("id").GetInt64() == open);
    }

    [Fact]
    public async Task Should_split_an_agency_sending_each_named_task_to_its_successor()
    {
        var secretariat = await app.ClientForAsync("thuongtruc@plantracker.local");
        var agencies = await secretariat.GetFromJsonAsync<JsonElement>("/api/v1/agencies?province=vinh-phuc");
        var finance = agencies.EnumerateArray().Single(a => a.GetProperty("key").GetString() == "vinh-phuc/so-tai-chinh").GetProperty("id").GetInt64();
        var taskA = app.TaskId(Plan, "III.4");

        var split = await secretariat.PostAsJsonAsync($"/api/v1/agencies/{finance}/split", new
        {
            into = new object[] { new { name = "Sở Tài chính (mới)" }, new { name = "Sở Kho bạc", taskIds = new[] { taskA } } },
            effectiveOn = "2025-07-01",
        });

        Assert.Equal(HttpStatusCode.OK, split.StatusCode);
        var ids = (await split.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("successorIds").EnumerateArray().Select(x => x.GetInt64()).ToList();
        Assert.Equal(ids[1], (await Task(secretariat, taskA)).GetProperty("leadAgency").GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Should_refuse_a_future_effective_date_and_anyone_but_the_secretariat()
    {
        var secretariat = await app.ClientForAsync("thuongtruc@plantracker.local");
        var officer = await app.ClientForAsync("canbo.noivu@plantracker.local");
        var agencies = await secretariat.GetFromJsonAsync<JsonElement>("/api/v1/agencies?province=vinh-phuc");
        var interior = agencies.EnumerateArray().Single(a => a.GetProperty("key").GetString() == "vinh-phuc/so-noi-vu").GetProperty("id").GetInt64();
        var body = new { name = "Sở Nội vụ (mới)", effectiveOn = "2030-01-01" };

        var future = await secretariat.PostAsJsonAsync($"/api/v1/agencies/{interior}/rename", body);
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Contains("effectiveOn", await future.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync($"/api/v1/agencies/{interior}/rename", body with { effectiveOn = "2025-01-01" })).StatusCode);
    }

    private static async Task<JsonElement> Task(HttpClient client, long id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{id}")).GetProperty("task");

    private static async Task Progress(HttpClient client, long id, string status, string note, string? completedOn = null)
    {
        var version = (await Task(client, id)).GetProperty("version").GetInt32();
        var response = await client.PostAsJsonAsync($"/api/v1/tasks/{id}/progress",
            new { version, status, percentComplete = status == "done" ? 100 : 40, note, completedOn });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
