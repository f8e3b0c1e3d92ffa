using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanTracker.Core.Email;
using PlanTracker.Core.Persistence;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Jobs;

public sealed class ReportingCycleTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Job = "reporting-cycle";

    [Fact]
    public async Task Should_remind_agencies_that_have_not_submitted_then_give_the_secretariat_the_missing_list_with_urging_letters()
    {
        var secretariat = await app.ClientForAsync("thuongtruc@plantracker.local");
        var admin = await app.ClientForAsync("admin@plantracker.local"); // only administrators run jobs by hand
        var officer = await app.ClientForAsync("canbo.noivu@plantracker.local");
        var head = await app.ClientForAsync("giamdoc.noivu@plantracker.local");
        await app.ClientForNewUserAsync("canbo.taichinh@plantracker.local", "AgencyOfficer", "vinh-phuc/so-tai-chinh");

        // Quý IV/2026 is due on 20/12/2026; 13/12 is 7 days before.
        await Run(admin, "2026-12-13");
        var reminder = await Mails().SingleAsync(m => m.ToAddress == "canbo.noivu@plantracker.local");
        Assert.Equal("Nhắc gửi báo cáo Quý IV/2026", reminder.Subject);
        Assert.Contains("Hạn gửi: 20/12/2026 (còn 7 ngày)", reminder.TextBody);
        Assert.Contains("<a href=\"http://127.0.0.1:5080/Reports?year=2026&amp;quarter=4\">", reminder.HtmlBody); // leads to the report to send
        Assert.True(await Mails().AnyAsync(m => m.ToAddress == "giamdoc.noivu@plantracker.local"));
        Assert.StartsWith("0 mail(s)", await Run(admin, "2026-12-13"));

        // Sở Nội vụ submits; on 17/12 (3 days before) its people are no longer reminded, the others are.
        var draft = await (await officer.PostAsJsonAsync("/api/v1/reports/draft", new { day = "2026-12-01", content = "Báo cáo quý IV" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        (await head.PostAsJsonAsync($"/api/v1/reports/{draft.GetProperty("reportId").GetInt64()}/submit",
            new { version = draft.GetProperty("version").GetInt32() })).EnsureSuccessStatusCode();
        await Run(admin, "2026-12-17");
        Assert.Equal(2, await Mails().CountAsync(m => m.ToAddress == "canbo.taichinh@plantracker.local"));
        Assert.Equal(1, await Mails().CountAsync(m => m.ToAddress == "canbo.noivu@plantracker.local"));

        // 21/12: the secretariat's list of missing agencies with one Word draft per agency.
        var compliance = await secretariat.GetFromJsonAsync<JsonElement>("/api/v1/reports/compliance?year=2026&number=4");
        var missing = compliance.GetProperty("missing").GetInt32();
        Assert.DoesNotContain("0 mail(s)", await Run(admin, "2026-12-21"));
        Assert.StartsWith("0 mail(s)", await Run(admin, "2026-12-21"));

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
        var list = await db.OutboxMessages.Include(m => m.Attachments).SingleAsync(m => m.Kind == Job && m.ToAddress == "thuongtruc@plantracker.local");
        Assert.Equal($"Danh sách cơ quan chưa gửi báo cáo Quý IV/2026: {missing}", list.Subject);
        Assert.DoesNotContain("Sở Nội vụ", list.TextBody);
        Assert.Equal(missing, list.Attachments.Count);
        var letter = list.Attachments.Single(a => a.FileName == "Cong-van-don-doc-so-tai-chinh.docx");
        using var document = WordprocessingDocument.Open(new MemoryStream(letter.Content), false);
        var text = document.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("Kính gửi: Sở Tài chính.", text);
        Assert.Contains("V/v đôn đốc gửi báo cáo Quý IV/2026", text);
        Assert.Contains("thời hạn gửi báo cáo Quý IV/2026 là ngày 20/12/2026", text);
        Assert.Contains("UBND TỈNH VĨNH PHÚC", text);
    }

    private static async Task<string> Run(HttpClient client, string asOf)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/jobs/{Job}/runs", new { asOf });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString()!;
    }

    private IQueryable<OutboxMessage> Mails() =>
        app.Services.CreateScope().ServiceProvider.GetRequiredService<PlanTrackerDbContext>().OutboxMessages.Where(m => m.Kind == Job);
}
