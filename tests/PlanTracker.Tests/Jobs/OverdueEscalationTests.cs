using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Email;
using PlanTracker.Core.Persistence;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Jobs;

public sealed class OverdueEscalationTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Job = "overdue-escalations";

    [Fact]
    public async Task Should_escalate_to_the_head_and_the_overseer_and_list_the_newly_overdue_for_the_secretariat_once()
    {
        var admin = await app.ClientForAsync("admin@plantracker.local"); // only administrators run jobs by hand

        // 01/01/2017 is one day after 31/12/2016, the deadline of Sở Nội vụ's II.2.c-8 and III.5.b.
        var first = await Run(admin, "2017-01-01");
        var again = await Run(admin, "2017-01-01");

        Assert.StartsWith("0 mail(s)", again);
        Assert.NotEqual(again, first);
        var head = await Single("giamdoc.noivu@plantracker.local");
        Assert.StartsWith("Cảnh báo quá hạn:", head.Subject);
        Assert.Contains("II.2.c-8", head.TextBody);
        Assert.Contains("III.5.b", head.TextBody);
        Assert.Contains("quá hạn 1 ngày", head.TextBody);
        Assert.Matches(@"<a href=""http://127\.0\.0\.1:5080/Tasks/\d+"">II\.2\.c-8 ", head.HtmlBody); // leads to the task
        var overseer = await Single("bcd@plantracker.local");
        Assert.Contains("II.2.c-8", overseer.TextBody);
        var list = await Single("thuongtruc@plantracker.local");
        Assert.Equal("Nhiệm vụ mới quá hạn ngày 01/01/2017: " + await NewlyOverdueInVinhPhuc(new DateOnly(2016, 12, 31)), list.Subject);
        Assert.Contains("II.2.c-8", list.TextBody);
        // Officers are reminded before the deadline, not escalated to after it.
        Assert.False(await Mails().AnyAsync(m => m.ToAddress == "canbo.noivu@plantracker.local"));
    }

    [Fact]
    public async Task Should_escalate_again_at_seven_days_and_not_on_days_between()
    {
        var admin = await app.ClientForAsync("admin@plantracker.local"); // only administrators run jobs by hand
        var headMails = Mails().Where(m => m.ToAddress == "giamdoc.noivu@plantracker.local");
        var before = await headMails.Select(m => m.Id).ToListAsync();

        await Run(admin, "2017-01-03");
        var afterThreeDays = await headMails.CountAsync();
        await Run(admin, "2017-01-07");

        Assert.Equal(before.Count, afterThreeDays);
        var mail = await headMails.SingleAsync(m => !before.Contains(m.Id));
        Assert.Contains("II.2.c-8", mail.TextBody);
        Assert.Contains("quá hạn 7 ngày", mail.TextBody);
    }

    private static async Task<string> Run(HttpClient client, string asOf)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/jobs/{Job}/runs", new { asOf });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString()!;
    }

    private IQueryable<OutboxMessage> Mails() =>
        app.Services.CreateScope().ServiceProvider.GetRequiredService<PlanTrackerDbContext>().OutboxMessages.Where(m => m.Kind == Job);

    private Task<OutboxMessage> Single(string to) => Mails().SingleAsync(m => m.ToAddress == to);

    private async Task<int> NewlyOverdueInVinhPhuc(DateOnly due)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
        var province = await db.Set<Province>().Where(p => p.Key == "vinh-phuc").Select(p => p.Id).SingleAsync();
        return await db.Tasks.CountAsync(t => !t.IsGroup && t.Plan.ProvinceId == province && t.Plan.Status == PlanStatus.Published
            && (t.ExtendedDueOn ?? t.Deadline.DueOn) == due && !Deadline.OngoingKinds.Contains(t.Deadline.Kind)
            && (t.Status == PlanTaskStatus.NotStarted || t.Status == PlanTaskStatus.InProgress));
    }
}
