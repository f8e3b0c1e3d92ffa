using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanTracker.Core.Persistence;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Api;

/// <summary>
/// Each province sees and changes only its own (issue 13, item 3; docs/decisions/0013-read-rules.md):
/// what the authorization matrix cannot show with a status code alone: which rows a scoped read
/// returns, who an ad hoc period obliges, who is mailed.
/// </summary>
public sealed class ProvinceScopingTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Secretariat = "thuongtruc@plantracker.local";
    private const string OtherSecretariat = "thuongtruc.dl.scope@test.local";

    [Fact]
    public async Task Should_list_to_a_secretariat_only_its_own_provinces_outbox_and_to_an_administrator_all_of_it()
    {
        await app.ClientForNewUserAsync(OtherSecretariat, "Secretariat", "dak-lak/so-tttt");
        var own = await Mail("canbo.noivu@plantracker.local");
        var other = await Mail(OtherSecretariat);

        var mine = await (await PageClient.SignInAsync(app, Secretariat)).GetStringAsync("/Admin/Outbox?State=Sent");
        var theirs = await (await PageClient.SignInAsync(app, OtherSecretariat)).GetStringAsync("/Admin/Outbox?State=Sent");
        var all = await (await PageClient.SignInAsync(app, "admin@plantracker.local")).GetStringAsync("/Admin/Outbox?State=Sent");

        Assert.Contains($"href=\"/Admin/Outbox/{own}\"", mine);
        Assert.DoesNotContain($"href=\"/Admin/Outbox/{other}\"", mine);
        Assert.DoesNotContain(OtherSecretariat, mine);
        Assert.Contains($"href=\"/Admin/Outbox/{other}\"", theirs);
        Assert.DoesNotContain($"href=\"/Admin/Outbox/{own}\"", theirs);
        Assert.Contains($"href=\"/Admin/Outbox/{own}\"", all);
        Assert.Contains($"href=\"/Admin/Outbox/{other}\"", all);
    }

    [Fact]
    public async Task Should_oblige_only_its_own_provinces_agencies_to_an_ad_hoc_period()
    {
        var other = await app.ClientForNewUserAsync(OtherSecretariat, "Secretariat", "dak-lak/so-tttt");
        await app.ClientForNewUserAsync("canbo.dl.scope@test.local", "AgencyOfficer", "dak-lak/so-tttt");
        var officer = await app.ClientForAsync("canbo.noivu@plantracker.local");
        var secretariat = await app.ClientForAsync(Secretariat);
        var admin = await app.ClientForAsync("admin@plantracker.local");

        var created = await other.PostAsJsonAsync("/api/v1/reports/periods",
            new { startOn = "2026-11-01", endOn = "2026-11-30", dataCutOffOn = "2026-11-30", submissionDueOn = "2026-12-04" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var periodId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        // Vĩnh Phúc's agencies neither write a report for it nor count in its compliance.
        Assert.Equal(HttpStatusCode.Forbidden,
            (await officer.PostAsJsonAsync("/api/v1/reports/draft", new { day = "2026-11-22", periodId })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await secretariat.GetAsync("/api/v1/reports/compliance?year=2026&number=1&regime=adHoc")).StatusCode);
        var compliance = await other.GetFromJsonAsync<JsonElement>("/api/v1/reports/compliance?year=2026&number=1&regime=adHoc");
        var expected = compliance.GetProperty("agencies").EnumerateArray().Select(a => a.GetProperty("agencyId").GetInt64()).ToList();
        Assert.NotEmpty(expected);
        Assert.All(await Provinces(expected), key => Assert.Equal("dak-lak", key));

        // Three days before its deadline, the reporting cycle reminds Đắk Lắk's officers, nobody of Vĩnh Phúc.
        (await admin.PostAsJsonAsync("/api/v1/jobs/reporting-cycle/runs", new { asOf = "2026-12-01" })).EnsureSuccessStatusCode();
        using var scope = app.Services.CreateScope();
        var mailed = await scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>().OutboxMessages
            .Where(m => m.Kind == "reporting-cycle").Select(m => m.ToAddress).ToListAsync();
        Assert.Contains("canbo.dl.scope@test.local", mailed);
        Assert.DoesNotContain("canbo.noivu@plantracker.local", mailed);
    }

    [Fact]
    public async Task Should_refuse_a_secretariats_manual_job_run_and_record_no_run()
    {
        var secretariat = await app.ClientForAsync(Secretariat);
        var runs = await RunCount();

        var refused = await secretariat.PostAsJsonAsync("/api/v1/jobs/deadline-reminders/runs", new { asOf = "2016-12-17" });
        var page = await (await PageClient.SignInAsync(app, Secretariat)).GetStringAsync("/Admin/Jobs");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(runs, await RunCount());
        Assert.DoesNotContain("Chạy ngay", page); // the schedule is shown, the button is not
        Assert.Contains("deadline-reminders", page);
    }

    [Fact]
    public async Task Should_show_the_secretariat_its_province_and_the_steering_member_their_agencies_as_an_administrator_sees_them()
    {
        var admin = await app.ClientForAsync("admin@plantracker.local");
        var vinhPhuc = await Scalar("SELECT id FROM provinces WHERE key = 'vinh-phuc'");
        var steeringId = await Scalar("SELECT id FROM users WHERE email = 'bcd@plantracker.local'");

        var everything = await Total(admin, "/api/v1/dashboard");
        var province = await Total(admin, $"/api/v1/dashboard?provinceId={vinhPhuc}");
        var overseen = await Total(admin, $"/api/v1/dashboard?steeringMemberId={steeringId}");

        Assert.True(province < everything, $"{province} of {everything}");
        Assert.Equal(province, await Total(await app.ClientForAsync(Secretariat), "/api/v1/dashboard"));
        Assert.Equal(overseen, await Total(await app.ClientForAsync("bcd@plantracker.local"), "/api/v1/dashboard"));
        var other = await app.ClientForNewUserAsync(OtherSecretariat, "Secretariat", "dak-lak/so-tttt");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/v1/dashboard?provinceId={vinhPhuc}")).StatusCode);
        var drill = await (await app.ClientForAsync(Secretariat)).GetFromJsonAsync<JsonElement>("/api/v1/tasks/drilldown?pageSize=200");
        Assert.All(await TaskProvinces(drill.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetInt64()).ToList()),
            key => Assert.Equal("vinh-phuc", key));
    }

    [Fact]
    public async Task Should_mail_a_published_plan_to_active_users_only()
    {
        var secretariat = await app.ClientForAsync(Secretariat);
        var admin = await app.ClientForAsync("admin@plantracker.local");
        await app.ClientForNewUserAsync("nghi.viec@test.local", "AgencyOfficer", "vinh-phuc/so-noi-vu");
        var leaver = await Scalar("SELECT id FROM users WHERE email = 'nghi.viec@test.local'");
        (await admin.PostAsJsonAsync($"/api/v1/users/{leaver}", new { active = false })).EnsureSuccessStatusCode();
        var agency = await Scalar("SELECT id FROM agencies WHERE key = 'vinh-phuc/so-noi-vu'");
        var document = await Id(await secretariat.PostAsJsonAsync("/api/v1/documents", new { number = "77/KH-UBND", kind = "plan", issuer = "UBND tỉnh", title = "Kế hoạch thử" }));
        var plan = await Id(await secretariat.PostAsJsonAsync("/api/v1/plans", new { documentId = document, title = "Kế hoạch thử gửi thư" }));
        (await secretariat.PostAsJsonAsync($"/api/v1/plans/{plan}/tasks", new { code = "1", title = "Việc một", leadAgencyId = agency })).EnsureSuccessStatusCode();

        (await secretariat.PostAsync($"/api/v1/plans/{plan}/publish", null)).EnsureSuccessStatusCode();

        using var scope = app.Services.CreateScope();
        var mailed = await scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>().OutboxMessages
            .Where(m => m.Kind == "plan.published" && m.Subject.Contains("Kế hoạch thử gửi thư")).Select(m => m.ToAddress).ToListAsync();
        Assert.Contains("canbo.noivu@plantracker.local", mailed);
        Assert.DoesNotContain("nghi.viec@test.local", mailed);
    }

    private async Task<int> Total(HttpClient client, string url) =>
        (await client.GetFromJsonAsync<JsonElement>(url)).GetProperty("counts").GetProperty("total").GetInt32();

    private Task<long> Mail(string email) => Scalar($"""
        INSERT INTO outbox_messages (created_at, kind, to_address, user_id, subject, text_body, message_id, state, attempts, next_attempt_at, sent_at)
        SELECT now(), 'test', email, id, 'Thư thử', 'Nội dung', '<' || gen_random_uuid() || '@test>', 'Sent', 1, now(), now()
        FROM users WHERE email = '{email}' RETURNING id
        """);

    private async Task<List<string>> Provinces(List<long> agencyIds)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>().Agencies
            .Where(a => agencyIds.Contains(a.Id)).Select(a => a.Province!.Key).ToListAsync();
    }

    private async Task<List<string>> TaskProvinces(List<long> taskIds)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
        return await db.Tasks.Where(t => taskIds.Contains(t.Id))
            .Select(t => db.Set<Core.Domain.Province>().Where(p => p.Id == t.Plan.ProvinceId).Select(p => p.Key).First()).ToListAsync();
    }

    // Only the refused job: the scheduler may record a run of another job (outbox-dispatch) meanwhile.
    private Task<long> RunCount() => Scalar("SELECT count(*) FROM job_runs WHERE job = 'deadline-reminders'");

    private async Task<long> Scalar(string sql)
    {
        using var scope = app.Services.CreateScope();
        await using var cmd = scope.ServiceProvider.GetRequiredService<Npgsql.NpgsqlDataSource>().CreateCommand(sql);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }

    private static async Task<long> Id(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64();
    }
}
