using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Drafting;
using PlanTracker.Core.Persistence;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Drafting;

/// <summary>Reading the drafting API's answers, and what the database holds, in the tests.</summary>
internal static class DraftJsonHelpers
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public sealed record Created(long DraftId, int Version, Proposal Proposal);
    public sealed record Draft(long Id, int Version, string SourceName, string SourceText, Proposal Proposal, long? ConfirmedPlanId);
    public sealed record Confirmed(long PlanId, long DocumentId, int Items, IReadOnlyList<long> CreatedAgencyIds);

    public static async Task<T> Read<T>(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(Json)) ?? throw new InvalidOperationException("empty body");

    public static async Task<Draft> GetDraft(this HttpClient client, long id) =>
        (await client.GetFromJsonAsync<Draft>($"/api/v1/imports/drafts/{id}", Json))!;

    /// <summary>How many rows of what a confirmation creates exist: nothing may change before confirming.</summary>
    public static async Task<(int Documents, int Plans, int Tasks, int Agencies, int Aliases, int Drafts)> Counts(this AppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
        return (await db.Documents.CountAsync(), await db.Plans.CountAsync(), await db.Tasks.CountAsync(), await db.Agencies.CountAsync(),
            await db.Set<AgencyAlias>().CountAsync(), await db.Set<DocumentDraft>().CountAsync());
    }

    /// <summary>
    /// A confirmed plan read back as a proposal, so that it can be scored like one: a task fanned out
    /// over a group's members counts as the one item it was typed as (its "#n" children are the fan-out).
    /// </summary>
    public static async Task<Proposal> PlanAsProposal(this AppFactory app, long planId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.PlanId == planId).OrderBy(t => t.SortOrder)
            .Include(t => t.LeadAgency).Include(t => t.CoordinatingAgencies).ThenInclude(c => c.Agency).Include(t => t.Targets)
            .AsSplitQuery().ToListAsync();
        var fanOut = tasks.Where(t => t.Code.Contains('#')).ToLookup(t => t.ParentId);
        return new Proposal
        {
            Items = tasks.Where(t => !t.Code.Contains('#')).Select(t => new ProposedItem
            {
                Id = t.Id.ToString(), ParentId = t.ParentId?.ToString(), Code = t.Code, Title = t.Title, Description = t.Description,
                IsGroup = t.IsGroup && !fanOut[t.Id].Any(),
                Lead = t.LeadAgency is null ? null : new ProposedAssignee { AgencyId = t.LeadAgency.Id, AgencyKey = t.LeadAgency.Key, Name = t.LeadAgency.Name },
                Coordinating = t.CoordinatingAgencies.Select(c => new ProposedAssignee { AgencyId = c.AgencyId, AgencyKey = c.Agency.Key, Name = c.Agency.Name }).ToList(),
                Deadline = ProposedDeadline.Of(t.Deadline, null, t.Deadline.Inherited),
                Targets = (fanOut[t.Id].FirstOrDefault()?.Targets ?? t.Targets).Select(x => new ProposedTarget
                {
                    Indicator = x.Indicator, Unit = x.Unit, UnitText = x.UnitText, Comparison = x.Comparison, Value = x.Value, DueOn = x.DueOn, Text = x.Text,
                }).ToList(),
            }).ToList(),
        };
    }
}
