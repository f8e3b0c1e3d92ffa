using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanTracker.Core.Email;
using PlanTracker.Core.Persistence;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Jobs;

public sealed class DeadlineReminderTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Should_send_one_mail_per_officer_listing_all_due_items_and_nothing_twice()
    {
        var admin = await app.ClientForAsync("admin@plantracker.local"); // only administrators run jobs by hand

        // 14 days before 31/12/2016: Sở Nội vụ leads II.2.c-8 and III.5.b, coordinates II.2.c-9, and through the groups
        // it belongs to ("các sở, ban, ngành, địa phương"…) coordinates III.2.c, III.4bis.b and II.2.c-2+2.
        var first = await admin.PostAsJsonAsync("/api/v1/jobs/deadline-reminders/runs", new { asOf = "2016-12-17" });
        var again = await admin.PostAsJsonAsync("/api/v1/jobs/deadline-reminders/runs", new { asOf = "2016-12-17" });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.StartsWith("0 mail(s)", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
        // One mail to the agency's officers (the seed's Sở Nội vụ has one), queued as template and model.
        var mail = await db.OutboxMessages.SingleAsync(m => m.Kind == "deadline-reminders" && m.ToAddress.Contains("canbo.noivu@plantracker.local"));
        Assert.Equal("Nhắc hạn: 6 nhiệm vụ sắp đến hạn", mail.Subject);
        Assert.Equal("deadline-reminder", mail.Template);
        var (text, html) = scope.ServiceProvider.GetRequiredService<MailTemplates>().Bodies(mail);
        Assert.Contains("III.4bis.b", text);
        Assert.Contains("II.2.c-8", text);
        Assert.Contains("III.5.b", text);
        Assert.Contains("II.2.c-9", text);
        Assert.Contains("31/12/2016 (còn 14 ngày)", text);
        Assert.Contains("phối hợp", text);
        Assert.Contains("<td>phối hợp</td>", html); // Vietnamese as letters, not &#x...; entities
        Assert.Equal(6, await db.AgencyNotices.CountAsync(n => n.Job == "deadline-reminders" && n.AsOf == new DateOnly(2016, 12, 17)
            && n.AgencyId == db.Users.Single(u => u.Email == "canbo.noivu@plantracker.local").AgencyId));
    }

    [Fact]
    public async Task Should_send_no_mail_on_a_day_nothing_is_due_and_refuse_officers()
    {
        var admin = await app.ClientForAsync("admin@plantracker.local"); // only administrators run jobs by hand
        var officer = await app.ClientForAsync("canbo.noivu@plantracker.local");

        var quiet = await admin.PostAsJsonAsync("/api/v1/jobs/deadline-reminders/runs", new { asOf = "2016-12-18" });
        var refused = await officer.PostAsJsonAsync("/api/v1/jobs/deadline-reminders/runs", new { asOf = "2016-12-17" });
        var unknown = await admin.PostAsJsonAsync("/api/v1/jobs/no-such-job/runs", new { asOf = "2016-12-17" });

        Assert.StartsWith("0 mail(s)", (await quiet.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
