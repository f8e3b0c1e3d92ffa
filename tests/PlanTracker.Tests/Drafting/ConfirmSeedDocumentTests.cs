using System.Net;
using System.Net.Http.Json;
using PlanTracker.Core.Domain;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Drafting;

/// <summary>
/// Pasting each seed document, confirming the proposal as it stands, and comparing the plan created
/// with the hand-made seed plan of that document. "Matches" means, in docs/decisions/0009-drafting.md:
/// the plan is exactly the proposal (every item a task with its number, title, lead agency and deadline,
/// group members fanned out as when typed by hand), and scored against the seed plan with the accuracy
/// test's rules it reaches the same bars (F1 0.9 for tasks, lead agencies and deadlines).
/// </summary>
public sealed class ConfirmSeedDocumentTests(AppFactory app) : IClassFixture<AppFactory>
{
    public static TheoryData<string> Names => new(SeedDocuments.All.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Should_create_the_plan_of_the_hand_made_decomposition_when_the_proposal_is_confirmed(string name)
    {
        var c = SeedDocuments.Named(name);
        var secretariat = c.Province.Agencies.Single(a => a.IsSecretariat).Key;
        var client = await app.ClientForNewUserAsync($"thuongtruc.{c.Province.Province.Key}@plantracker.local", Roles.Secretariat, secretariat);

        var created = await client.PostAsJsonAsync("/api/v1/imports", new { text = c.Text });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var draft = await created.Read<DraftJsonHelpers.Created>();
        var confirmed = await client.PostAsJsonAsync($"/api/v1/imports/drafts/{draft.DraftId}/confirm", new { version = draft.Version });
        Assert.True(confirmed.StatusCode == HttpStatusCode.Created, await confirmed.Content.ReadAsStringAsync());
        var result = await confirmed.Read<DraftJsonHelpers.Confirmed>();
        var plan = await app.PlanAsProposal(result.PlanId);

        // The plan is the proposal: nothing lost, added or changed on the way.
        Assert.Equal(draft.Proposal.Items.Select(i => i.Code), plan.Items.Select(i => i.Code));
        foreach (var (proposed, task) in draft.Proposal.Items.Zip(plan.Items))
        {
            Assert.Equal(proposed.Title, task.Title);
            Assert.Equal(proposed.IsGroup, task.IsGroup);
            Assert.Equal(proposed.Lead?.AgencyKey, task.Lead?.AgencyKey);
            Assert.Equal((proposed.Deadline?.Kind ?? DeadlineKind.Unspecified, proposed.Deadline?.StartOn, proposed.Deadline?.DueOn, proposed.Deadline?.Inherited ?? false),
                (task.Deadline!.Kind, task.Deadline.StartOn, task.Deadline.DueOn, task.Deadline.Inherited));
            Assert.Equal(proposed.Targets.Select(t => (t.Value, t.Unit, t.Comparison)), task.Targets.Select(t => (t.Value, t.Unit, t.Comparison)));
        }

        // And it is the hand-made plan, as far as the accuracy bars go.
        var score = DraftAccuracy.Measure(name, plan, c.Gold);
        Assert.True(score.Tasks.F1 >= 0.9, $"tasks {score.Tasks}");
        Assert.True(score.Leads.F1 >= 0.9, $"leads {score.Leads}");
        Assert.True(score.Deadlines.F1 >= 0.9, $"deadlines {score.Deadlines}");
        Assert.True(score.Targets.F1 >= 0.8, $"targets {score.Targets}");

        var again = await client.PostAsJsonAsync($"/api/v1/imports/drafts/{draft.DraftId}/confirm", new { version = draft.Version + 1 });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode); // a draft is confirmed once
    }
}
