using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Features.Account;
using PlanTracker.Core.Persistence;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Api;

/// <summary>Users change their own password and reset a forgotten one by a mailed, single-use link (decision 0012).</summary>
public sealed partial class PasswordTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Should_change_the_own_password_naming_the_field_in_Vietnamese_and_answer_a_fresh_token()
    {
        var user = await app.ClientForNewUserAsync("cb.mk-api@test.local", Roles.AgencyOfficer, "vinh-phuc/so-noi-vu");

        var wrong = await user.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = "Sai@2026xx", newPassword = "Moi@2026abc" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("Mật khẩu hiện tại không đúng", Error(await wrong.Content.ReadFromJsonAsync<JsonElement>(), "currentPassword"));

        var weak = await user.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = TestDatabases.DemoPassword, newPassword = "abcdefgh" });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        var message = Error(await weak.Content.ReadFromJsonAsync<JsonElement>(), "newPassword");
        Assert.Contains("chữ số", message);
        Assert.Contains("chữ hoa", message);
        Assert.Contains("ký tự đặc biệt", message);
        // Neither refusal changed anything: the old password and token still work.
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/api/v1/my/tasks")).StatusCode);

        var changed = await user.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = TestDatabases.DemoPassword, newPassword = "Moi@2026abc" });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await user.GetAsync("/api/v1/my/tasks")).StatusCode);
        var fresh = app.CreateClient();
        fresh.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/api/v1/my/tasks")).StatusCode);
        await app.ClientForAsync("cb.mk-api@test.local", "Moi@2026abc");
    }

    [Fact]
    public async Task Should_answer_a_reset_request_alike_whether_the_address_exists_and_mail_only_real_accounts()
    {
        await app.ClientForNewUserAsync("cb.quen-mk@test.local", Roles.AgencyOfficer, "vinh-phuc/so-noi-vu");
        var anonymous = app.CreateClient();

        var real = await anonymous.PostAsJsonAsync("/api/v1/auth/password-reset", new { email = "cb.quen-mk@test.local" });
        var missing = await anonymous.PostAsJsonAsync("/api/v1/auth/password-reset", new { email = "khong-co@test.local" });
        var again = await anonymous.PostAsJsonAsync("/api/v1/auth/password-reset", new { email = "CB.QUEN-MK@test.local" });

        Assert.Equal(HttpStatusCode.Accepted, real.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, missing.StatusCode);
        Assert.Equal(await real.Content.ReadAsStringAsync(), await missing.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        var mails = await ResetMails();
        Assert.Single(mails, m => m.ToAddress == "cb.quen-mk@test.local"); // one within five minutes, however often asked
        Assert.DoesNotContain(mails, m => m.ToAddress == "khong-co@test.local");
    }

    [Fact]
    public async Task Should_reset_a_forgotten_password_once_by_the_mailed_link_and_end_the_old_sessions()
    {
        var before = await app.ClientForNewUserAsync("cb.dat-lai@test.local", Roles.AgencyOfficer, "vinh-phuc/so-noi-vu");
        var anonymous = app.CreateClient();
        await anonymous.PostAsJsonAsync("/api/v1/auth/password-reset", new { email = "cb.dat-lai@test.local" });
        var mail = (await ResetMails()).Single(m => m.ToAddress == "cb.dat-lai@test.local");
        Assert.Contains("đặt lại mật khẩu", mail.Subject);
        var link = ResetLink().Match(mail.TextBody!);
        Assert.True(link.Success, mail.TextBody);
        var (uid, token) = (long.Parse(link.Groups[1].Value), Uri.UnescapeDataString(link.Groups[2].Value));

        var weak = await anonymous.PostAsJsonAsync("/api/v1/auth/password-reset/confirm", new { userId = uid, token, newPassword = "short" });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Contains("ít nhất 8 ký tự", Error(await weak.Content.ReadFromJsonAsync<JsonElement>(), "newPassword"));

        var reset = await anonymous.PostAsJsonAsync("/api/v1/auth/password-reset/confirm", new { userId = uid, token, newPassword = "DatLai@2026" });
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await before.GetAsync("/api/v1/my/tasks")).StatusCode);
        await app.ClientForAsync("cb.dat-lai@test.local", "DatLai@2026");

        var reused = await anonymous.PostAsJsonAsync("/api/v1/auth/password-reset/confirm", new { userId = uid, token, newPassword = "LanHai@2026" });
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Contains("đã được dùng", Error(await reused.Content.ReadFromJsonAsync<JsonElement>(), "token"));
        await app.ClientForAsync("cb.dat-lai@test.local", "DatLai@2026");
    }

    [Fact]
    public async Task Should_reset_by_the_pages_from_the_login_page_link()
    {
        await app.ClientForNewUserAsync("cb.trang-dat-lai@test.local", Roles.AgencyOfficer, "vinh-phuc/so-noi-vu");
        var browser = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true });
        Assert.Contains("/Account/ForgotPassword", await browser.GetStringAsync("/Account/Login"));
        var forgot = await browser.GetStringAsync("/Account/ForgotPassword");
        var sent = await browser.PostAsync("/Account/ForgotPassword", PageClient.Form(forgot, new() { ["Email"] = "cb.trang-dat-lai@test.local" }));
        var sentForNobody = await browser.PostAsync("/Account/ForgotPassword", PageClient.Form(forgot, new() { ["Email"] = "khong-ai@test.local" }));
        Assert.Contains("Nếu thư điện tử này có tài khoản", await sent.Content.ReadAsStringAsync());
        Assert.Contains("Nếu thư điện tử này có tài khoản", await sentForNobody.Content.ReadAsStringAsync());

        var mail = (await ResetMails()).Single(m => m.ToAddress == "cb.trang-dat-lai@test.local");
        var path = ResetPath().Match(mail.TextBody!).Value;
        var form = await browser.GetStringAsync(path);
        Assert.Contains("ít nhất 8 ký tự", form);
        var done = await browser.PostAsync(path, PageClient.Form(form, new()
        {
            ["Uid"] = ResetLink().Match(mail.TextBody!).Groups[1].Value,
            ["Token"] = Uri.UnescapeDataString(ResetLink().Match(mail.TextBody!).Groups[2].Value),
            ["NewPassword"] = "TrangMoi@2026",
        }));
        Assert.Contains("Đã đặt mật khẩu mới", await done.Content.ReadAsStringAsync());
        await app.ClientForAsync("cb.trang-dat-lai@test.local", "TrangMoi@2026");
    }

    [Fact]
    public async Task Should_state_the_policy_in_English_when_asked()
    {
        var user = await app.ClientForNewUserAsync("cb.tieng-anh@test.local", Roles.AgencyOfficer, "vinh-phuc/so-noi-vu");
        user.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");

        var weak = await user.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = TestDatabases.DemoPassword, newPassword = "Abcdefgh" });

        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        var message = Error(await weak.Content.ReadFromJsonAsync<JsonElement>(), "newPassword");
        Assert.Contains("must contain a digit", message);
        Assert.Contains("special character", message);
    }

    [Fact]
    public async Task Should_hide_the_reset_link_from_whoever_reads_the_outbox()
    {
        await app.ClientForNewUserAsync("cb.hop-thu@test.local", Roles.AgencyOfficer, "vinh-phuc/so-noi-vu");
        await app.CreateClient().PostAsJsonAsync("/api/v1/auth/password-reset", new { email = "cb.hop-thu@test.local" });
        var mail = (await ResetMails()).Single(m => m.ToAddress == "cb.hop-thu@test.local");
        var token = ResetLink().Match(mail.TextBody!).Groups[2].Value;

        var admin = await PageClient.SignInAsync(app, "admin@plantracker.local");
        var page = await admin.GetStringAsync($"/Admin/Outbox/{mail.Id}");

        Assert.Contains("Nội dung ẩn", page);
        Assert.DoesNotContain(token[..20], page);
        Assert.DoesNotContain("ResetPassword?uid", page);
    }

    private async Task<List<PlanTracker.Core.Email.OutboxMessage>> ResetMails()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => m.Kind == RequestPasswordReset.MailKind).ToListAsync();
    }

    private static string Error(JsonElement problem, string field) =>
        string.Join(" ", problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()));

    [GeneratedRegex(@"/Account/ResetPassword\?uid=(\d+)&token=([^\s]+)")]
    private static partial Regex ResetLink();

    [GeneratedRegex(@"/Account/ResetPassword\?[^\s]+")]
    private static partial Regex ResetPath();
}
