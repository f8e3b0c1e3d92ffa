using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Api;

/// <summary>
/// "My agency's tasks" reads its page and total in one statement and takes the agency's groups from the
/// account read (issue 17): the total must still be the whole list's on every page, also past the last
/// one, and the tasks a group of the agency leads must still be listed.
/// </summary>
public sealed class MyAgencyTasksTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Officer = "canbo.noivu@plantracker.local";

    [Fact]
    public async Task Should_give_the_whole_lists_total_on_every_page_and_past_the_last()
    {
        var officer = await app.ClientForAsync(Officer);
        var all = await officer.GetFromJsonAsync<JsonElement>("/api/v1/my/tasks?involvement=lead&pageSize=200");
        var total = all.GetProperty("total").GetInt32();
        var ids = all.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetInt64()).ToList();
        Assert.True(total > 4, $"the demo officer's agency leads {total} tasks; the test needs more than 4");
        Assert.Equal(total, ids.Count);

        // Page by page, in the same order, each page with the same total.
        var paged = new List<long>();
        var pages = (total + 3) / 4;
        for (var page = 1; page <= pages; page++)
        {
            var answer = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/my/tasks?involvement=lead&pageSize=4&page={page}");
            Assert.Equal(total, answer.GetProperty("total").GetInt32());
            paged.AddRange(answer.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetInt64()));
        }
        Assert.Equal(ids, paged);

        // Past the last page no row carries the total: it is counted on its own.
        var past = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/my/tasks?involvement=lead&pageSize=4&page={pages + 1}");
        Assert.Equal(total, past.GetProperty("total").GetInt32());
        Assert.Empty(past.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Should_list_the_tasks_a_group_of_the_agency_leads()
    {
        long agencyId;
        List<long> groupLed;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
            agencyId = (await db.Users.SingleAsync(u => u.Email == Officer)).AgencyId!.Value;
            groupLed = await db.Tasks.Where(t => !t.IsGroup && t.Plan.Status == PlanStatus.Published
                    && db.Agencies.Any(g => g.Id == t.LeadAgencyId && g.Members.Any(m => m.MemberId == agencyId)))
                .Select(t => t.Id).ToListAsync();
        }
        Assert.NotEmpty(groupLed); // the seed has tasks led by "các sở, ban, ngành", of which Sở Nội vụ is one

        var officer = await app.ClientForAsync(Officer);
        var mine = await officer.GetFromJsonAsync<JsonElement>("/api/v1/my/tasks?involvement=lead&pageSize=200");
        var listed = mine.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetInt64()).ToHashSet();
        Assert.Subset(listed, groupLed.ToHashSet());
    }
}
