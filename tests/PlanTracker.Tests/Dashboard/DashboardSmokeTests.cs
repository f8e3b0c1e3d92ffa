using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanTracker.Core.Features.Dashboard;
using PlanTracker.Core.Persistence;
using PlanTracker.Core.Reporting;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Dashboard;

public sealed class DashboardSmokeTests
{
    [Fact]
    public async Task Should_compute_the_whole_dashboard_on_the_seed()
    {
        var cs = await TestDatabases.CreateAsync(seeded: true);
        await using var services = TestDatabases.CoreServices(cs);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
        var calendar = new ReportingCalendar(db, new ReportingOptions());
        var result = await GetDashboard.ComputeAsync(db, calendar, new DashboardOptions(), new GetDashboard.Query(DashboardFilter.None), new DateOnly(2026, 11, 22), default);
        Assert.True(result.Counts.Total > 200, System.Text.Json.JsonSerializer.Serialize(result));
        var steering = await db.Users.Where(u => u.Email == "bcd@plantracker.local").Select(u => u.Id).SingleAsync();
        var mine = await GetDashboard.ComputeAsync(db, calendar, new DashboardOptions(), new GetDashboard.Query(new DashboardFilter(SteeringMemberId: steering, Period: "2026")), new DateOnly(2026, 11, 22), default);
        File.WriteAllText("/tmp/dash-all.json", System.Text.Json.JsonSerializer.Serialize(result, new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        File.WriteAllText("/tmp/dash-mine.json", System.Text.Json.JsonSerializer.Serialize(mine, new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
    }
}
