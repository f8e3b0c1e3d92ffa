using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Jobs;

public sealed class QuarterlyReportJobTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Should_compile_each_province_once_and_mail_each_steering_member_once_for_the_quarter()
    {
        var admin = await app.ClientForAsync("admin@plantracker.local"); // only administrators run jobs by hand

        // 22/11/2026: Quý III/2026's reports were due on 20/09/2026. A rerun on the same day, or on a later day
        // of the same quarter, neither compiles again nor mails again.
        var first = await RunAsync(admin, "2026-11-22");
        var again = await RunAsync(admin, "2026-11-22");
        var later = await RunAsync(admin, "2026-12-01");

        Assert.Equal("2026-Q3: 5 report(s) compiled, 1 mail(s)", first); // the five seed provinces; bcd@ is the only steering member
        Assert.Equal("2026-Q3: 0 report(s) compiled, 0 mail(s)", again);
        Assert.Equal("2026-Q3: 0 report(s) compiled, 0 mail(s)", later);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
        var files = await db.QuarterlyReports.Where(r => db.ReportingPeriods.Any(p => p.Id == r.ReportingPeriodId && p.Year == 2026 && p.Number == 3))
            .OrderBy(r => r.Kind).ToListAsync();
        Assert.Equal(10, files.Count);
        Assert.All(files, f => Assert.Equal(("quarterly-report", (long?)null, 1, new DateOnly(2026, 9, 30)), (f.CreatedByJob, f.CreatedByUserId, f.Version, f.DataAsOf)));
        Assert.All(files, f => Assert.True(File.Exists(Path.Combine(app.EvidenceDirectory, "reports", f.StorageKey)), f.StorageKey));

        var mail = await db.OutboxMessages.SingleAsync(m => m.Kind == "quarterly-report" && m.Subject.Contains("Quý III/2026"));
        Assert.Equal("bcd@plantracker.local", mail.ToAddress);
        Assert.Equal("Báo cáo tình hình thực hiện Quý III/2026 - tỉnh Vĩnh Phúc", mail.Subject);
        var vinhPhuc = files.Where(f => db.Provinces.Any(p => p.Id == f.ProvinceId && p.Key == "vinh-phuc")).ToList();
        Assert.Equal(2, vinhPhuc.Count);
        Assert.All(vinhPhuc, f => Assert.Contains($"http://127.0.0.1:5080/reports/quarterly/{f.Id}/file", mail.TextBody));
        Assert.Contains("số liệu tính đến ngày 30/09/2026", mail.TextBody);
        Assert.Contains("Word (.docx)", mail.HtmlBody);
        Assert.Equal(1, await db.NotificationLog.CountAsync(n => n.Job == "quarterly-report" && n.Item == "quarter:2026-Q3/vinh-phuc"));
    }

    [Fact]
    public async Task Should_report_the_previous_quarter_until_the_submission_deadline_has_passed()
    {
        var admin = await app.ClientForAsync("admin@plantracker.local"); // only administrators run jobs by hand

        var onDeadline = await RunAsync(admin, "2025-12-20");
        var dayAfter = await RunAsync(admin, "2025-12-21");

        Assert.StartsWith("2025-Q3: 5 report(s) compiled", onDeadline);
        Assert.StartsWith("2025-Q4: 5 report(s) compiled", dayAfter);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
        var q4 = await db.QuarterlyReports.Where(r => db.ReportingPeriods.Any(p => p.Id == r.ReportingPeriodId && p.Year == 2025 && p.Number == 4))
            .Select(r => r.DataAsOf).Distinct().ToListAsync();
        Assert.Equal([new DateOnly(2025, 12, 21)], q4); // the quarter is not over: its report stands as of the run's day
    }

    [Fact]
    public async Task Should_compile_again_when_the_only_version_predates_the_deadline_and_mail_the_new_one()
    {
        var admin = await app.ClientForAsync("admin@plantracker.local"); // only administrators run jobs by hand
        var early = await RunAsync(admin, "2024-06-20"); // Quý I/2024 (deadline 20/03) compiled and mailed
        using (var scope = app.Services.CreateScope())
        {
            // A person compiled Quý II/2024 before its deadline: that version lacks the reports still due.
            var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
            var compiler = scope.ServiceProvider.GetRequiredService<PlanTracker.Core.Reports.QuarterlyReportCompiler>();
            var period = await scope.ServiceProvider.GetRequiredService<PlanTracker.Core.Reporting.ReportingCalendar>()
                .PeriodNumberAsync(ReportingRegime.Quarterly, 2024, 2, default);
            var province = await db.Provinces.SingleAsync(p => p.Key == "vinh-phuc");
            await compiler.CompileAsync(province.Id, period, new DateOnly(2024, 6, 15), null, "test", default);
        }

        var after = await RunAsync(admin, "2024-06-21");

        Assert.StartsWith("2024-Q1: 5 report(s) compiled, 1 mail(s)", early);
        Assert.Equal("2024-Q2: 5 report(s) compiled, 1 mail(s)", after);
        using var check = app.Services.CreateScope();
        var reports = check.ServiceProvider.GetRequiredService<PlanTrackerDbContext>().QuarterlyReports;
        Assert.Equal(2, await reports.Where(r => r.CreatedByJob == "quarterly-report" && r.Version == 2).CountAsync());
    }

    private static async Task<string> RunAsync(HttpClient client, string asOf)
    {
        var response = await client.PostAsJsonAsync("/api/v1/jobs/quarterly-report/runs", new { asOf });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString()!;
    }
}
