using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;
using PlanTracker.Core.Seeding;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Seeding;

public sealed class SeedLoaderTests : IAsyncLifetime
{
    private ServiceProvider _services = null!;

    public async Task InitializeAsync() => _services = TestDatabases.CoreServices(await TestDatabases.CreateAsync(seeded: true));

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private PlanTrackerDbContext Db() => _services.CreateScope().ServiceProvider.GetRequiredService<PlanTrackerDbContext>();

    [Theory]
    [InlineData("dak-lak/ict-index-2018", 48, 33, 12)]
    [InlineData("nam-dinh/ct-06-2016", 20, 15, 1)]
    [InlineData("bac-kan/kl-bcd-cqdt-2019-04", 20, 17, 0)]
    [InlineData("dak-nong/kh-35-ctr-tu", 165, 130, 18)]
    [InlineData("vinh-phuc/kh-36a", 72, 58, 15)]
    public async Task Should_hold_every_task_of_each_seed_document(string planKey, int nodes, int actionable, int targets)
    {
        var db = Db();
        var tasks = db.Tasks.Where(t => t.Plan.Key == planKey);

        Assert.Equal(nodes, await tasks.CountAsync());
        Assert.Equal(actionable, await tasks.CountAsync(t => !t.IsGroup));
        Assert.Equal(0, await tasks.CountAsync(t => !t.IsGroup && t.LeadAgencyId == null));
        Assert.Equal(targets, await db.Targets.CountAsync(x => tasks.Any(t => t.Id == x.TaskId)));
    }

    [Fact]
    public async Task Should_keep_lead_agency_deadline_and_targets_as_the_documents_state_them()
    {
        var db = Db();

        // Đắk Lắk 168/QĐ-UBND, IV.3.b, first bullet: the three online-service targets.
        var dakLak = await Load(db, "dak-lak/ict-index-2018", "IV.3.b-1");
        Assert.Equal("dak-lak/so-tttt", dakLak.LeadAgency!.Key);
        Assert.Equal([(TargetComparison.AtLeast, 30m, TargetUnit.Percent), (TargetComparison.AtLeast, 20m, TargetUnit.Percent),
            (TargetComparison.AtLeast, 10m, TargetUnit.PercentPerYear)],
            dakLak.Targets.OrderBy(t => t.SortOrder).Select(t => (t.Comparison, t.Value, t.Unit)));
        var quarter = await Load(db, "dak-lak/ict-index-2018", "IV.3.a-2+2");
        Assert.Equal((DeadlineKind.Quarter, "Quý III năm 2018", new DateOnly(2018, 9, 30)), (quarter.Deadline.Kind, quarter.Deadline.Text, quarter.Deadline.DueOn!.Value));

        // Nam Định 06/CT-UBND 3.b: Sở KH&CN leads with Sở TT&TT, every year.
        var namDinh = await Load(db, "nam-dinh/ct-06-2016", "3.b");
        Assert.Equal("nam-dinh/so-khcn", namDinh.LeadAgency!.Key);
        Assert.Equal(["nam-dinh/so-tttt"], namDinh.CoordinatingAgencies.Select(c => c.Agency.Key));
        Assert.Equal(DeadlineKind.RecurringYearly, namDinh.Deadline.Kind);

        // Bắc Kạn conclusion notice, item 4: Sở Nội vụ with Sở TT&TT.
        var bacKan = await Load(db, "bac-kan/kl-bcd-cqdt-2019-04", "4");
        Assert.Equal("bac-kan/so-noi-vu", bacKan.LeadAgency!.Key);
        Assert.Equal(["bac-kan/so-tttt"], bacKan.CoordinatingAgencies.Select(c => c.Agency.Key));

        // Đắk Nông 671a/QĐ-UBND II.2-7: level 3 at 100%, level 4 above 50%, over 2016-2020.
        var dakNong = await Load(db, "dak-nong/kh-35-ctr-tu", "II.2-7");
        Assert.Equal((DeadlineKind.Period, new DateOnly(2020, 12, 31)), (dakNong.Deadline.Kind, dakNong.Deadline.DueOn!.Value));
        Assert.Equal([(TargetComparison.AtLeast, 100m), (TargetComparison.MoreThan, 50m)],
            dakNong.Targets.OrderBy(t => t.SortOrder).Select(t => (t.Comparison, t.Value)));

        // Vĩnh Phúc 36a plan: online business registration 10%, investment 5%, before 31/12/2016.
        var vinhPhuc = await Load(db, "vinh-phuc/kh-36a", "III.4bis.b");
        Assert.Equal("vinh-phuc/so-khdt", vinhPhuc.LeadAgency!.Key);
        Assert.Equal((DeadlineKind.Date, "trước ngày 31/12/2016", new DateOnly(2016, 12, 31)),
            (vinhPhuc.Deadline.Kind, vinhPhuc.Deadline.Text, vinhPhuc.Deadline.DueOn!.Value));
        Assert.Equal([10m, 5m], vinhPhuc.Targets.OrderBy(t => t.SortOrder).Select(t => t.Value));
        var beforeJuly = await Load(db, "vinh-phuc/kh-36a", "II.2.c-3");
        Assert.Equal(new DateOnly(2016, 6, 30), beforeJuly.Deadline.DueOn);
    }

    [Fact]
    public async Task Should_load_nothing_twice()
    {
        var before = await Counts();
        await using (var scope = _services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<SeedLoader>()
                .LoadAsync(SeedFixture.Seed, withDemoUsers: true, TestDatabases.DemoPassword);
            Assert.Equal(new SeedResult(0, 0, 0, 0, 0, 0, 0), result);
        }
        Assert.Equal(before, await Counts());
    }

    [Fact]
    public async Task Should_store_the_holiday_calendar_and_the_documents_it_implements()
    {
        var db = Db();
        Assert.True(await db.Holidays.CountAsync(h => h.Date.Year == 2026) >= 6);
        var implemented = await db.Documents.Where(d => d.Key == "dak-lak/168-qd-ubnd-2018")
            .SelectMany(d => d.Implements.Select(l => l.Implemented.Number)).ToListAsync();
        Assert.Contains("36a/NQ-CP", implemented);
        Assert.Contains("36-NQ/TW", implemented);
    }

    private async Task<(int, int, int, int, int)> Counts()
    {
        var db = Db();
        return (await db.Agencies.CountAsync(), await db.Documents.CountAsync(), await db.Tasks.CountAsync(),
            await db.Holidays.CountAsync(), await db.Users.CountAsync());
    }

    private static Task<PlanTask> Load(PlanTrackerDbContext db, string planKey, string code) =>
        db.Tasks.AsNoTracking()
            .Include(t => t.LeadAgency).Include(t => t.Targets).Include(t => t.CoordinatingAgencies).ThenInclude(c => c.Agency)
            .SingleAsync(t => t.Plan.Key == planKey && t.Code == code);
}
