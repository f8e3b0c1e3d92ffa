using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Drafting;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Drafting;

/// <summary>
/// The parent tasks a draft's items may carry out (issue 18, item 1; decision 0027): the tasks of the
/// plans of the documents the draft implements ("Thực hiện Nghị quyết số 36a/NQ-CP …") or whose tasks
/// its items cite, national or of the draft's own province, as <see cref="LinkTask"/> allows.
/// </summary>
public static class DraftParentTasks
{
    public sealed record TargetChoice(long TargetId, string Text, TargetUnit Unit, TargetComparison Comparison, decimal Value);
    public sealed record TaskChoice(long TaskId, long PlanId, string PlanTitle, string Code, string Title, string? DocumentNumber, string Text,
        IReadOnlyList<TargetChoice> Targets);

    internal static async Task<List<TaskChoice>> LoadAsync(PlanTrackerDbContext db, Proposal proposal, long provinceId, CancellationToken ct)
    {
        var documents = proposal.Document.Implements.Where(r => r.Selected).Select(r => r.DocumentId).OfType<long>().Distinct().ToList();
        var cited = proposal.Items.SelectMany(i => ParentLinks.CitedNumbers(i.Description ?? i.Title))
            .Select(n => n.ToLowerInvariant()).Distinct().ToList();
        if (documents.Count == 0 && cited.Count == 0) return [];
        // The draft's own document (when registered already) is no parent of itself.
        var own = proposal.Document.ExistingDocumentId ?? 0;
        return await db.Tasks.AsNoTracking()
            .Where(t => !t.IsGroup && t.Plan.DocumentId != own && (t.Plan.ProvinceId == null || t.Plan.ProvinceId == provinceId)
                && (documents.Contains(t.Plan.DocumentId) || (t.Plan.Document.Number != null && cited.Contains(t.Plan.Document.Number.ToLower()))))
            .OrderBy(t => t.Plan.Title).ThenBy(t => t.SortOrder)
            .Select(t => new TaskChoice(t.Id, t.PlanId, t.Plan.Title, t.Code, t.Title, t.Plan.Document.Number, t.Description ?? t.Title,
                t.Targets.OrderBy(x => x.SortOrder).Select(x => new TargetChoice(x.Id, x.Text ?? x.Indicator, x.Unit, x.Comparison, x.Value)).ToList()))
            .AsSplitQuery().ToListAsync(ct);
    }

    /// <summary>The reader's proposals for every item (groups carry out nothing themselves).</summary>
    internal static void Propose(Proposal proposal, IReadOnlyList<TaskChoice> choices)
    {
        if (choices.Count == 0) return;
        var candidates = choices.Select(c => new ParentTaskCandidate(c.TaskId, c.Code, c.Text, c.DocumentNumber,
            c.Targets.Select(t => new ParentTargetCandidate(t.TargetId, t.Unit, t.Comparison, t.Value)).ToList())).ToList();
        foreach (var item in proposal.Items.Where(i => !i.IsGroup))
            item.Links = ParentLinks.Propose(item, candidates);
    }
}
