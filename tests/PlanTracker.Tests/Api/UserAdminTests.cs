using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Api;

public sealed class UserAdminTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Should_create_deactivate_and_reset_an_account()
    {
        var admin = await app.ClientForAsync("admin@plantracker.local");
        var agencies = await admin.GetFromJsonAsync<JsonElement>("/api/v1/agencies?province=vinh-phuc");
        var agencyId = agencies.EnumerateArray().Single(a => a.GetProperty("key").GetString() == "vinh-phuc/so-noi-vu").GetProperty("id").GetInt64();

        var created = await admin.PostAsJsonAsync("/api/v1/users", new
        {
            email = "moi@test.local", displayName = "Cán bộ mới", role = "AgencyOfficer", agencyId, password = "Matkhau@2026",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var userId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var user = await app.ClientForAsync("moi@test.local", "Matkhau@2026");
        var task = app.TaskId("vinh-phuc/kh-36a", "III.5.a");
        var before = await user.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{task}");
        var first = await user.PostAsJsonAsync($"/api/v1/tasks/{task}/progress",
            new { version = before.GetProperty("task").GetProperty("version").GetInt32(), status = "inProgress", percentComplete = 5, note = "x" });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/v1/users/{userId}", new { active = false })).StatusCode);
        var progress = await user.PostAsJsonAsync($"/api/v1/tasks/{task}/progress", new { version = 0, status = "inProgress", percentComplete = 5, note = "x" });
        Assert.Equal(HttpStatusCode.Unauthorized, progress.StatusCode); // the old token no longer acts (SessionTests)
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().PostAsJsonAsync("/api/v1/auth/token",
            new { email = "moi@test.local", password = "Matkhau@2026" })).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/v1/users/{userId}", new { active = true, newPassword = "Khac@20260" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().PostAsJsonAsync("/api/v1/auth/token",
            new { email = "moi@test.local", password = "Khac@20260" })).StatusCode);
    }

    [Fact]
    public async Task Should_reject_a_bad_account_naming_the_field()
    {
        var admin = await app.ClientForAsync("admin@plantracker.local");
        var response = await admin.PostAsJsonAsync("/api/v1/users", new { email = "not-an-email", displayName = "x", role = "Boss", password = "short" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("email", out _));
        Assert.True(errors.TryGetProperty("role", out _));
        Assert.True(errors.TryGetProperty("password", out _));
    }

    // Failed sign-ins no longer lock an account: SignInLimitTests proves what slows guessing instead (decision 0012).
}
