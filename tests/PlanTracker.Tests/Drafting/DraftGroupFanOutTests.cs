using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanTracker.Core.Persistence;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Drafting;

/// <summary>
/// A group's fan-out edited in review (issue 15, "Review"): "Các sở, ban, ngành báo cáo …" fans out to every member
/// unless the reviewer leaves some out; confirming creates a task for the members chosen only, and the same choice
/// made when adding a task by hand. A choice that could not be confirmed is refused in review and changes nothing.
/// </summary>
public sealed class DraftGroupFanOutTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string GroupKey = "vinh-phuc/cac-so-ban-nganh";

    [Fact]
    public async Task Should_confirm_a_task_for_each_member_the_reviewer_kept_and_refuse_a_choice_that_could_not_be_confirmed()
    {
        var client = await app.ClientForAsync("thuongtruc@plantracker.local");
        var (members, outsider, agencyOf) = await GroupOf(client);
        var draft = await (await client.PostAsJsonAsync("/api/v1/imports/drafts", new { text = DraftReviewApiTests.Plan })).Read<DraftJsonHelpers.Created>();
        var item = draft.Proposal.Items.ToDictionary(i => i.Code);
        Assert.Equal(GroupKey, item["II.2-2"].Lead!.AgencyKey);
        Assert.Null(item["II.2-2"].FanOut); // as the document says: every member
        var url = $"/api/v1/imports/drafts/{draft.DraftId}/items";
        var version = draft.Version;

        foreach (var (itemCode, chosen, says) in new (string, long[], string)[]
                 {
                     ("II.2-2", [], "ít nhất một cơ quan"),
                     ("II.2-2", [members[0], outsider], $"Cơ quan {outsider} không thuộc"),
                     ("II.1.a", [members[0]], "cơ quan chủ trì là một nhóm"),
                 })
        {
            var refused = await client.PutAsJsonAsync($"{url}/{item[itemCode].Id}", new { version, fanOutAgencyIds = chosen });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var message = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("fanOutAgencyIds")[0].GetString();
            Assert.Contains(says, message);
        }
        var unchanged = await client.GetDraft(draft.DraftId);
        Assert.Equal(version, unchanged.Version);
        Assert.Null(unchanged.Proposal.Items.Single(i => i.Code == "II.2-2").FanOut);

        var kept = new[] { members[^1], members[0] };
        var edited = await client.PutAsJsonAsync($"{url}/{item["II.2-2"].Id}", new { version, fanOutAgencyIds = kept });
        Assert.True(edited.StatusCode == HttpStatusCode.OK, await edited.Content.ReadAsStringAsync());
        version = (await edited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
        Assert.Equal(kept.Order(), (await client.GetDraft(draft.DraftId)).Proposal.Items.Single(i => i.Code == "II.2-2").FanOut!);

        // The two names the province does not have go to existing agencies, so that the draft can be confirmed.
        foreach (var unknown in draft.Proposal.UnknownAgencies)
        {
            var mapped = await client.PutAsJsonAsync($"/api/v1/imports/drafts/{draft.DraftId}/agencies/{unknown.Id}", new { version, agencyId = agencyOf("vinh-phuc/vp-ubnd") });
            version = (await mapped.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
        }
        var confirmed = await client.PostAsJsonAsync($"/api/v1/imports/drafts/{draft.DraftId}/confirm", new { version });
        Assert.True(confirmed.StatusCode == HttpStatusCode.Created, await confirmed.Content.ReadAsStringAsync());
        var planId = (await confirmed.Read<DraftJsonHelpers.Confirmed>()).PlanId;

        var fannedOut = await LeadsUnder(planId, "II.2-2");
        Assert.Equal(kept.Order(), fannedOut.Order());

        // The same choice when a task is added by hand, and the same refusal.
        var byHand = await client.PostAsJsonAsync($"/api/v1/plans/{planId}/tasks",
            new { code = "IV.1", title = "Rà soát thủ tục hành chính", leadAgencyId = agencyOf(GroupKey), deadlineText = "Quý IV năm 2025", fanOutAgencyIds = new[] { members[1] } });
        Assert.True(byHand.StatusCode == HttpStatusCode.Created, await byHand.Content.ReadAsStringAsync());
        Assert.Equal([members[1]], await LeadsUnder(planId, "IV.1"));
        var tasksBefore = await TaskCount(planId);
        var stranger = await client.PostAsJsonAsync($"/api/v1/plans/{planId}/tasks",
            new { code = "IV.2", title = "Rà soát thủ tục hành chính", leadAgencyId = agencyOf(GroupKey), deadlineText = "Quý IV năm 2025", fanOutAgencyIds = new[] { outsider } });
        Assert.Equal(HttpStatusCode.BadRequest, stranger.StatusCode);
        Assert.Contains("fanOutAgencyIds", await stranger.Content.ReadAsStringAsync());
        Assert.Equal(tasksBefore, await TaskCount(planId));
    }

    [Fact]
    public async Task Should_start_from_all_members_again_when_the_reviewer_chooses_another_lead()
    {
        var client = await app.ClientForAsync("thuongtruc@plantracker.local");
        var (members, _, agencyOf) = await GroupOf(client);
        var draft = await (await client.PostAsJsonAsync("/api/v1/imports/drafts", new { text = DraftReviewApiTests.Plan })).Read<DraftJsonHelpers.Created>();
        var itemId = draft.Proposal.Items.Single(i => i.Code == "II.2-2").Id;
        var url = $"/api/v1/imports/drafts/{draft.DraftId}/items/{itemId}";
        var narrowed = await client.PutAsJsonAsync(url, new { version = draft.Version, fanOutAgencyIds = new[] { members[0] } });
        var version = (await narrowed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();

        var otherLead = await client.PutAsJsonAsync(url, new { version, leadAgencyId = agencyOf("vinh-phuc/so-noi-vu") });

        Assert.Equal(HttpStatusCode.OK, otherLead.StatusCode);
        var reviewed = (await client.GetDraft(draft.DraftId)).Proposal.Items.Single(i => i.Id == itemId);
        Assert.Equal(("vinh-phuc/so-noi-vu", (List<long>?)null), (reviewed.Lead!.AgencyKey, reviewed.FanOut));
    }

    /// <summary>The province's "các sở, ban, ngành" members, an agency of the province outside it, and agency ids by key.</summary>
    private static async Task<(List<long> Members, long Outsider, Func<string, long> AgencyOf)> GroupOf(HttpClient client)
    {
        var agencies = (await client.GetFromJsonAsync<JsonElement>("/api/v1/agencies?province=vinh-phuc")).EnumerateArray().ToList();
        var group = agencies.Single(a => a.GetProperty("key").GetString() == GroupKey);
        var members = group.GetProperty("memberIds").EnumerateArray().Select(m => m.GetInt64()).ToList();
        Assert.True(members.Count > 3);
        var outsider = agencies.Select(a => a.GetProperty("id").GetInt64()).First(id => !members.Contains(id) && id != group.GetProperty("id").GetInt64());
        return (members, outsider, key => agencies.Single(a => a.GetProperty("key").GetString() == key).GetProperty("id").GetInt64());
    }

    private async Task<List<long>> LeadsUnder(long planId, string code)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
        return await db.Tasks.Where(t => t.PlanId == planId && t.Code.StartsWith(code + "#")).Select(t => t.LeadAgencyId!.Value).ToListAsync();
    }

    private async Task<int> TaskCount(long planId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>().Tasks.CountAsync(t => t.PlanId == planId);
    }
}
