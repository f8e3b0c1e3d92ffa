using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Api;

/// <summary>
/// Sessions end when the account changes (decision 0012): every bearer token and cookie is checked against
/// the account's security stamp and lockout at each request, so the next request after the change is refused.
/// </summary>
public sealed class SessionTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Admin = "admin@plantracker.local";

    [Fact]
    public async Task Should_refuse_a_deactivated_administrators_token_at_its_next_request()
    {
        var admin = await app.ClientForAsync(Admin);
        var rogue = await app.ClientForNewUserAsync("qt.bi-vo-hieu@test.local", Roles.Admin, "vinh-phuc/so-noi-vu");
        var rogueId = await UserId("qt.bi-vo-hieu@test.local");
        var victimId = await UserId("giamdoc.noivu@plantracker.local");
        Assert.Equal(HttpStatusCode.OK, (await rogue.GetAsync("/api/v1/users")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/v1/users/{rogueId}", new { active = false })).StatusCode);

        // Everything the issue found it still doing: creating administrators, reactivating itself, resetting others' passwords.
        Assert.Equal(HttpStatusCode.Unauthorized, (await rogue.PostAsJsonAsync("/api/v1/users",
            new { email = "qt.moi@test.local", displayName = "x", role = "Admin", password = "Matkhau@2026" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await rogue.PostAsJsonAsync($"/api/v1/users/{rogueId}", new { active = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await rogue.PostAsJsonAsync($"/api/v1/users/{victimId}", new { newPassword = "Chiem@2026x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await rogue.GetAsync("/api/v1/users")).StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
        Assert.False(await db.Users.AnyAsync(u => u.Email == "qt.moi@test.local"));
        Assert.Equal(DateTimeOffset.MaxValue, (await db.Users.SingleAsync(u => u.Id == rogueId)).LockoutEnd);
        // The victim's password is unchanged.
        await app.ClientForAsync("giamdoc.noivu@plantracker.local");
    }

    [Fact]
    public async Task Should_refuse_a_token_issued_before_an_administrator_reset_the_password()
    {
        var admin = await app.ClientForAsync(Admin);
        var officer = await app.ClientForNewUserAsync("cb.doi-mk@test.local", Roles.AgencyOfficer, "vinh-phuc/so-noi-vu");
        var id = await UserId("cb.doi-mk@test.local");

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/v1/users/{id}", new { newPassword = "Moi@2026abc" })).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await officer.GetAsync("/api/v1/my/tasks")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientForAsync("cb.doi-mk@test.local", "Moi@2026abc")).GetAsync("/api/v1/my/tasks")).StatusCode);
    }

    [Fact]
    public async Task Should_end_the_sessions_of_an_account_whose_role_or_agency_changes()
    {
        var admin = await app.ClientForAsync(Admin);
        var officer = await app.ClientForNewUserAsync("cb.doi-vai-tro@test.local", Roles.AgencyOfficer, "vinh-phuc/so-noi-vu");
        var id = await UserId("cb.doi-vai-tro@test.local");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/v1/users/{id}", new { role = "AgencyHead" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await officer.GetAsync("/api/v1/my/tasks")).StatusCode);

        var head = await app.ClientForAsync("cb.doi-vai-tro@test.local");
        long finance;
        await using (var scope = app.Services.CreateAsyncScope())
            finance = await scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>().Agencies.Where(a => a.Key == "vinh-phuc/so-tai-chinh").Select(a => a.Id).SingleAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/v1/users/{id}", new { agencyId = finance })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await head.GetAsync("/api/v1/my/tasks")).StatusCode);
        Assert.Contains(Roles.AgencyHead, await Roles_("cb.doi-vai-tro@test.local"));
    }

    [Fact]
    public async Task Should_end_the_session_of_a_locked_account()
    {
        var officer = await app.ClientForNewUserAsync("cb.bi-khoa@test.local", Roles.AgencyOfficer, "vinh-phuc/so-noi-vu");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByEmailAsync("cb.bi-khoa@test.local"))!;
            await users.SetLockoutEndDateAsync(user, app.Clock.GetUtcNow().AddMinutes(30)); // a lockout leaves the stamp alone
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await officer.GetAsync("/api/v1/my/tasks")).StatusCode);
    }

    [Fact]
    public async Task Should_send_a_deactivated_users_browser_back_to_sign_in_at_its_next_page()
    {
        await app.ClientForNewUserAsync("cb.trinh-duyet@test.local", Roles.AgencyOfficer, "vinh-phuc/so-noi-vu");
        var browser = await PageClient.SignInAsync(app, "cb.trinh-duyet@test.local", followRedirects: false);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/My")).StatusCode);

        var admin = await app.ClientForAsync(Admin);
        await admin.PostAsJsonAsync($"/api/v1/users/{await UserId("cb.trinh-duyet@test.local")}", new { active = false });

        var next = await browser.GetAsync("/My");
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.StartsWith("/Account/Login", next.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task Should_end_other_sessions_when_users_change_their_own_password_and_keep_the_browser_that_changed_it()
    {
        await app.ClientForNewUserAsync("cb.tu-doi@test.local", Roles.AgencyOfficer, "vinh-phuc/so-noi-vu");
        var token = await app.ClientForAsync("cb.tu-doi@test.local");
        var otherBrowser = await PageClient.SignInAsync(app, "cb.tu-doi@test.local", followRedirects: false);
        var browser = await PageClient.SignInAsync(app, "cb.tu-doi@test.local", followRedirects: false);
        var form = await browser.GetStringAsync("/Account/ChangePassword");
        Assert.Contains("ít nhất 8 ký tự", form); // the policy, stated where the password is chosen

        var changed = await browser.PostAsync("/Account/ChangePassword", PageClient.Form(form, new()
        {
            ["CurrentPassword"] = TestDatabases.DemoPassword, ["NewPassword"] = "Doi@2026moi",
        }));

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/My")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await otherBrowser.GetAsync("/My")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/v1/my/tasks")).StatusCode);
    }

    [Fact]
    public async Task Should_not_let_an_administrator_reactivate_promote_or_move_themselves()
    {
        await app.ClientForNewUserAsync("qt.tu-y@test.local", Roles.Admin, "vinh-phuc/so-noi-vu");
        var self = await app.ClientForAsync("qt.tu-y@test.local");
        var id = await UserId("qt.tu-y@test.local");

        foreach (var body in new object[] { new { active = true }, new { active = false }, new { role = "Secretariat" }, new { agencyId = 1 } })
        {
            var response = await self.PostAsJsonAsync($"/api/v1/users/{id}", body);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
            Assert.Contains("Quản trị viên không được tự", detail);
        }
        Assert.Equal([Roles.Admin], await Roles_("qt.tu-y@test.local"));
    }

    private async Task<long> UserId(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private async Task<IList<string>> Roles_(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.GetRolesAsync((await users.FindByEmailAsync(email))!);
    }
}
