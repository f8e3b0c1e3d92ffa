using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Features.Digests;
using PlanTracker.Core.Persistence;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Jobs;

/// <summary>Choosing the digest (API and page) and leaving it by the signed link in the mail, without signing in.</summary>
public sealed partial class DigestPreferenceTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Should_show_the_default_and_refuse_bad_preferences_naming_the_field_and_changing_nothing()
    {
        var client = await app.ClientForNewUserAsync("chon@test.local", Roles.AgencyOfficer, "vinh-phuc/so-khdt");
        var initial = await client.GetFromJsonAsync<JsonElement>("/api/v1/me/digest");

        var refusals = new (object Body, string Field, string Says)[]
        {
            (new { frequency = "monthly", hour = 7 }, "frequency", "must be one of none, daily, weekly"),
            (new { hour = 7 }, "frequency", "is required"),
            (new { frequency = "weekly", hour = 7 }, "weekday", "is required for a weekly digest"),
            (new { frequency = "weekly", weekday = "funday", hour = 7 }, "weekday", "must be one of sunday, monday"),
            (new { frequency = "weekly", weekday = "1", hour = 7 }, "weekday", "'1' is not"),
            (new { frequency = "daily", weekday = "monday", hour = 7 }, "weekday", "applies only to a weekly digest"),
            (new { frequency = "daily" }, "hour", "is required for a daily or weekly digest"),
            (new { frequency = "weekly", weekday = "friday", hour = 24 }, "hour", "between 0 and 23"),
            (new { frequency = "none", hour = 7 }, "hour", "does not apply when digests are off"),
        };
        foreach (var (body, field, says) in refusals)
        {
            var response = await client.PutAsJsonAsync("/api/v1/me/digest", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
            Assert.Contains(says, errors.GetProperty(field)[0].GetString());
        }

        Assert.Equal("weekly", initial.GetProperty("frequency").GetString());
        Assert.Equal("monday", initial.GetProperty("weekday").GetString());
        Assert.Equal(7, initial.GetProperty("hour").GetInt32());
        Assert.True(initial.GetProperty("isDefault").GetBoolean());
        Assert.Equal(initial.ToString(), (await client.GetFromJsonAsync<JsonElement>("/api/v1/me/digest")).ToString());

        var saved = await client.PutAsJsonAsync("/api/v1/me/digest", new { frequency = "Daily", hour = 18 });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var now = await client.GetFromJsonAsync<JsonElement>("/api/v1/me/digest");
        Assert.Equal(("daily", 18, false), (now.GetProperty("frequency").GetString(), now.GetProperty("hour").GetInt32(), now.GetProperty("isDefault").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, now.GetProperty("weekday").ValueKind);
    }

    [Fact]
    public async Task Should_save_the_preference_from_the_page_and_show_errors_next_to_the_fields()
    {
        await app.ClientForNewUserAsync("trang@test.local", Roles.SteeringMember, "vinh-phuc/ubnd-tinh");
        var browser = await SignedInAsync("trang@test.local");

        var form = await browser.GetStringAsync("/Account/Preferences");
        Assert.Contains("href=\"/Account/Preferences\"", form); // the layout links to it
        Assert.Contains("Bạn chưa chọn; đang áp dụng lịch mặc định.", form);
        Assert.Contains("<option value=\"Monday\" selected=\"selected\">Thứ Hai</option>", form);

        var bad = await browser.PostAsync("/Account/Preferences", Form(form, ("Input.Frequency", "Weekly"), ("Input.Weekday", "Friday"), ("Input.Hour", "")));
        var badPage = await bad.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("hour&#x27; is required for a daily or weekly digest", badPage);
        Assert.False(await HasPreferenceAsync("trang@test.local")); // refused: nothing saved

        var good = await browser.PostAsync("/Account/Preferences", Form(form, ("Input.Frequency", "Weekly"), ("Input.Weekday", "Friday"), ("Input.Hour", "16")));
        var goodPage = await good.Content.ReadAsStringAsync();
        Assert.Contains("Đã lưu.", goodPage);
        Assert.Contains("<option value=\"Friday\" selected=\"selected\">Thứ Sáu</option>", goodPage);
        Assert.Equal((DigestFrequency.Weekly, DayOfWeek.Friday, 16), await PreferenceOfAsync("trang@test.local"));
    }

    [Fact]
    public async Task Should_unsubscribe_from_the_mail_link_without_signing_in_and_change_only_that_preference()
    {
        var member = await app.ClientForNewUserAsync("huy@test.local", Roles.AgencyOfficer, "vinh-phuc/so-noi-vu");
        var other = await app.ClientForNewUserAsync("khac@test.local", Roles.AgencyOfficer, "vinh-phuc/so-noi-vu");
        (await member.PutAsJsonAsync("/api/v1/me/digest", new { frequency = "weekly", weekday = "friday", hour = 16 })).EnsureSuccessStatusCode();
        (await other.PutAsJsonAsync("/api/v1/me/digest", new { frequency = "weekly", weekday = "friday", hour = 16 })).EnsureSuccessStatusCode();
        await RunAsync("2016-12-23"); // a Friday
        var link = UnsubscribeLink().Match(await MailTextAsync("huy@test.local", "23/12/2016") ?? "").Groups[1].Value;
        var account = await UserRowAsync("huy@test.local");
        var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var confirm = await anonymous.GetAsync(link);
        var confirmPage = await confirm.Content.ReadAsStringAsync();
        var afterLooking = await PreferenceOfAsync("huy@test.local");
        var done = await anonymous.PostAsync("/Unsubscribe", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Token"] = Uri.UnescapeDataString(link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..]),
        }));

        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Contains("Tài khoản huy@test.local sẽ không nhận bản tin qua thư điện tử nữa.", confirmPage);
        Assert.Equal((DigestFrequency.Weekly, DayOfWeek.Friday, 16), afterLooking); // opening the link changes nothing
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("Đã hủy: tài khoản huy@test.local sẽ không nhận bản tin nữa.", await done.Content.ReadAsStringAsync());
        Assert.Equal((DigestFrequency.None, DayOfWeek.Friday, 16), await PreferenceOfAsync("huy@test.local"));
        Assert.Equal(account, await UserRowAsync("huy@test.local"));
        Assert.Equal((DigestFrequency.Weekly, DayOfWeek.Friday, 16), await PreferenceOfAsync("khac@test.local"));

        await RunAsync("2016-12-30"); // the next Friday: the colleague still gets it, the one who left does not
        Assert.Null(await MailTextAsync("huy@test.local", "30/12/2016"));
        Assert.NotNull(await MailTextAsync("khac@test.local", "30/12/2016"));
        var again = await anonymous.GetStringAsync(link);
        Assert.Contains("Tài khoản huy@test.local hiện không nhận bản tin.", again);
    }

    [Fact]
    public async Task Should_not_let_an_older_mails_link_undo_a_preference_chosen_again_since()
    {
        var member = await app.ClientForNewUserAsync("quay.lai@test.local", Roles.AgencyOfficer, "vinh-phuc/so-noi-vu");
        (await member.PutAsJsonAsync("/api/v1/me/digest", new { frequency = "weekly", weekday = "friday", hour = 16 })).EnsureSuccessStatusCode();
        await RunAsync("2016-12-23");
        var link = UnsubscribeLink().Match(await MailTextAsync("quay.lai@test.local", "23/12/2016") ?? "").Groups[1].Value;
        var token = Uri.UnescapeDataString(link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..]);
        var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = () => new FormUrlEncodedContent(new Dictionary<string, string> { ["Token"] = token });
        var started = app.Clock.Now;
        try
        {
            (await anonymous.PostAsync("/Unsubscribe", form())).EnsureSuccessStatusCode();
            app.Clock.Now = started.AddMinutes(1);
            // Back on, by the user's own choice: the link in the older mail (forwarded, leaked) must not turn it off again.
            (await member.PutAsJsonAsync("/api/v1/me/digest", new { frequency = "daily", hour = 8 })).EnsureSuccessStatusCode();
            var before = await SnapshotAsync();

            var shown = await anonymous.GetAsync(link);
            var posted = await anonymous.PostAsync("/Unsubscribe", form());

            Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
            Assert.Contains("Liên kết này đến từ một bản tin cũ: tài khoản quay.lai@test.local đã chọn lại", await shown.Content.ReadAsStringAsync());
            Assert.DoesNotContain("name=\"Token\"", await shown.Content.ReadAsStringAsync()); // no button to press
            Assert.Equal(HttpStatusCode.Conflict, posted.StatusCode);
            Assert.Equal(before, await SnapshotAsync());
            Assert.Equal((DigestFrequency.Daily, (DayOfWeek?)null, 8), await PreferenceOfAsync("quay.lai@test.local"));
            // The next digest carries a link bound to the new choice, and that one works.
            var fresh = await anonymous.PostAsync("/Unsubscribe", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Token"] = await TokenForAsync(await UserIdAsync("quay.lai@test.local")),
            }));
            Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
            Assert.Equal(DigestFrequency.None, (await PreferenceOfAsync("quay.lai@test.local")).Item1);
        }
        finally
        {
            app.Clock.Now = started;
        }
    }

    [Fact]
    public async Task Should_refuse_a_forged_or_altered_token_with_400_and_change_nothing()
    {
        var victim = await app.ClientForNewUserAsync("nan.nhan@test.local", Roles.AgencyOfficer, "vinh-phuc/so-tai-chinh");
        (await victim.PutAsJsonAsync("/api/v1/me/digest", new { frequency = "daily", hour = 8 })).EnsureSuccessStatusCode();
        await app.ClientForNewUserAsync("ke.gian@test.local", Roles.AgencyOfficer, "vinh-phuc/so-tai-chinh");
        var (victimId, ownId) = (await UserIdAsync("nan.nhan@test.local"), await UserIdAsync("ke.gian@test.local"));
        var own = await TokenForAsync(ownId); // a genuine token, for someone else
        var signature = own[(own.IndexOf('.') + 1)..];
        string[] forged =
        [
            $"{victimId}.{signature}", // another user's id with this signature
            $"{ownId}.{(signature[0] == 'A' ? 'B' : 'A')}{signature[1..]}", // one character of the signature changed
            $"{ownId}.{signature}x",
            $"0{ownId}.{signature}",
            $"{victimId}",
            "",
        ];
        var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var before = await SnapshotAsync();

        foreach (var token in forged)
        {
            var shown = await anonymous.GetAsync($"/Unsubscribe?token={Uri.EscapeDataString(token)}");
            var posted = await anonymous.PostAsync("/Unsubscribe", new FormUrlEncodedContent(new Dictionary<string, string> { ["Token"] = token }));
            Assert.Equal(HttpStatusCode.BadRequest, shown.StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
            Assert.Contains("Liên kết hủy nhận bản tin không hợp lệ", await posted.Content.ReadAsStringAsync());
        }

        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal((DigestFrequency.Daily, (DayOfWeek?)null, 8), await PreferenceOfAsync("nan.nhan@test.local"));
    }

    [Fact]
    public async Task Should_let_anonymous_visitors_reach_the_unsubscribe_link_and_nothing_else_of_the_digest()
    {
        await app.ClientForNewUserAsync("an.danh@test.local", Roles.AgencyOfficer, "vinh-phuc/vp-ubnd");
        var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var page = await anonymous.GetAsync("/Account/Preferences");
        var read = await anonymous.GetAsync("/api/v1/me/digest");
        var write = await anonymous.PutAsJsonAsync("/api/v1/me/digest", new { frequency = "none" });
        var run = await anonymous.PostAsJsonAsync("/api/v1/jobs/digests/runs", new { asOf = "2016-12-19" });
        var unsubscribe = await anonymous.GetAsync($"/Unsubscribe?token={Uri.EscapeDataString(await TokenForAsync(await UserIdAsync("an.danh@test.local")))}");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/Login", page.Headers.Location?.PathAndQuery);
        Assert.Equal(HttpStatusCode.Unauthorized, read.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, write.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, run.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unsubscribe.StatusCode);
        Assert.Contains("an.danh@test.local", await unsubscribe.Content.ReadAsStringAsync());
    }

    private async Task RunAsync(string asOf)
    {
        var admin = await app.ClientForAsync("admin@plantracker.local"); // only administrators run jobs by hand
        (await admin.PostAsJsonAsync("/api/v1/jobs/digests/runs", new { asOf })).EnsureSuccessStatusCode();
    }

    private async Task<string?> MailTextAsync(string email, string day)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>().OutboxMessages
            .Where(m => m.Kind == "digests" && m.ToAddress == email && m.Subject.EndsWith(day)).Select(m => m.TextBody).SingleOrDefaultAsync();
    }

    private async Task<string> TokenForAsync(long userId)
    {
        using var scope = app.Services.CreateScope();
        var path = await Unsubscribe.PathForAsync(scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>(),
            app.Services.GetRequiredService<SignedTokens>(), userId, CancellationToken.None);
        return Uri.UnescapeDataString(path[(path.IndexOf('=') + 1)..]);
    }

    private async Task<long> UserIdAsync(string email)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private async Task<(DigestFrequency, DayOfWeek?, int?)> PreferenceOfAsync(string email)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
        var p = await db.DigestPreferences.AsNoTracking().SingleAsync(p => db.Users.Any(u => u.Id == p.UserId && u.Email == email));
        return (p.Frequency, p.Weekday, p.Hour);
    }

    private async Task<bool> HasPreferenceAsync(string email)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
        return await db.DigestPreferences.AnyAsync(p => db.Users.Any(u => u.Id == p.UserId && u.Email == email));
    }

    /// <summary>Everything about the account that the unsubscribe link must leave alone.</summary>
    private async Task<string> UserRowAsync(string email)
    {
        using var scope = app.Services.CreateScope();
        var u = await scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>().Users.AsNoTracking().SingleAsync(u => u.Email == email);
        return $"{u.Email}|{u.DisplayName}|{u.PreferredCulture}|{u.AgencyId}|{u.LockoutEnd}|{u.PasswordHash}|{u.SecurityStamp}|{u.ConcurrencyStamp}";
    }

    private async Task<string> SnapshotAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
        var preferences = await db.DigestPreferences.AsNoTracking().OrderBy(p => p.UserId)
            .Select(p => $"{p.UserId}:{p.Frequency}:{p.Weekday}:{p.Hour}:{p.UpdatedAt:O}").ToListAsync();
        var audit = await db.AuditEvents.CountAsync();
        return $"{string.Join(",", preferences)} audit={audit}";
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        var login = await client.GetStringAsync("/Account/Login");
        (await client.PostAsync("/Account/Login", Form(login, ("Email", email), ("Password", TestDatabases.DemoPassword))))
            .EnsureSuccessStatusCode();
        return client;
    }

    private static FormUrlEncodedContent Form(string page, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))
            .Append(KeyValuePair.Create("__RequestVerificationToken", AntiforgeryToken().Match(page).Groups[1].Value)));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex(@"http://127\.0\.0\.1:5080(/Unsubscribe\?token=\S+)")]
    private static partial Regex UnsubscribeLink();
}
