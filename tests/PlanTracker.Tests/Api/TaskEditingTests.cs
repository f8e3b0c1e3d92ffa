using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Api;

/// <summary>The secretariat edits, moves, splits and deletes tasks of a plan.</summary>
public sealed class TaskEditingTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Plan = "dak-lak/ict-index-2018";
    private const string Secretariat = "thuongtruc.dl.edit@test.local";

    [Fact]
    public async Task Should_edit_a_task_and_refuse_a_stale_version()
    {
        var client = await app.ClientForNewUserAsync(Secretariat, "Secretariat", "dak-lak/so-tttt");
        var id = app.TaskId(Plan, "IV.3.a-1");
        var task = await Task(client, id);
        var version = task.GetProperty("version").GetInt32();
        var lead = task.GetProperty("leadAgency").GetProperty("id").GetInt64();

        var edited = await client.PutAsJsonAsync($"/api/v1/tasks/{id}", new
        {
            version, code = "IV.3.a-1", title = "Tiêu đề đã sửa", leadAgencyId = lead, deadlineText = "Quý IV năm 2018",
        });
        var stale = await client.PutAsJsonAsync($"/api/v1/tasks/{id}", new { version, code = "IV.3.a-1", title = "ghi đè", leadAgencyId = lead });

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var after = await Task(client, id);
        Assert.Equal("Tiêu đề đã sửa", after.GetProperty("title").GetString());
        Assert.Equal("2018-12-31", after.GetProperty("deadline").GetProperty("dueOn").GetString());
    }

    [Fact]
    public async Task Should_move_split_and_delete_tasks_within_the_rules()
    {
        var client = await app.ClientForNewUserAsync(Secretariat, "Secretariat", "dak-lak/so-tttt");
        var heading = app.TaskId(Plan, "IV.3.a");
        var item = app.TaskId(Plan, "IV.2.b");

        var moved = await client.PostAsJsonAsync($"/api/v1/tasks/{item}/move", new { version = await Version(client, item), newParentId = heading });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var cycle = await client.PostAsJsonAsync($"/api/v1/tasks/{heading}/move", new { version = await Version(client, heading), newParentId = app.TaskId(Plan, "IV.3.a-2") });
        Assert.Equal(HttpStatusCode.BadRequest, cycle.StatusCode);

        var split = await client.PostAsJsonAsync($"/api/v1/tasks/{item}/split", new { version = await Version(client, item), partTitles = new[] { "Phần một", "Phần hai" } });
        Assert.Equal(HttpStatusCode.OK, split.StatusCode);
        var parts = (await split.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("partIds").EnumerateArray().Select(p => p.GetInt64()).ToList();
        Assert.Equal("IV.2.b.2", (await Task(client, parts[1])).GetProperty("code").GetString());

        var deleted = await client.DeleteAsync($"/api/v1/tasks/{item}?version={await Version(client, item)}");
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(3, (await deleted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("deleted").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/tasks/{parts[0]}")).StatusCode);
    }

    [Fact]
    public async Task Should_not_delete_a_task_with_reported_work()
    {
        var client = await app.ClientForNewUserAsync(Secretariat, "Secretariat", "dak-lak/so-tttt");
        var id = app.TaskId(Plan, "V.2");
        var progress = await client.PostAsJsonAsync($"/api/v1/tasks/{id}/progress", new { version = await Version(client, id), status = "inProgress", percentComplete = 10, note = "x" });
        Assert.Equal(HttpStatusCode.OK, progress.StatusCode);

        var deleted = await client.DeleteAsync($"/api/v1/tasks/{id}?version={await Version(client, id)}");

        Assert.Equal(HttpStatusCode.BadRequest, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/tasks/{id}")).StatusCode);
    }

    private static async Task<JsonElement> Task(HttpClient client, long id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{id}")).GetProperty("task");

    private static async Task<int> Version(HttpClient client, long id) => (await Task(client, id)).GetProperty("version").GetInt32();
}
