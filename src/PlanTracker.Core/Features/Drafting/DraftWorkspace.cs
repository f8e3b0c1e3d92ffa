using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Drafting;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Drafting;

/// <summary>
/// Opening and saving a draft for a review step: only the secretariat of the draft's province may,
/// a stale version answers 409, and a confirmed draft is no longer edited.
/// </summary>
internal static class DraftWorkspace
{
    public static async Task<(DocumentDraft Draft, Proposal Proposal)> OpenAsync(PlanTrackerDbContext db, AccessContext access, long draftId,
        int? version, CancellationToken ct, bool forEditing = true)
    {
        var provinceId = await access.SecretariatProvinceAsync(db, ct);
        var draft = await db.Set<DocumentDraft>().SingleOrDefaultAsync(d => d.Id == draftId, ct)
            ?? throw new NotFoundException(Wording.Pick($"Không có bản dự thảo {draftId}.", $"Draft {draftId} does not exist."));
        if (draft.ProvinceId != provinceId) throw new ForbiddenException(Wording.Pick("Bản dự thảo này thuộc thường trực của tỉnh khác.", "This draft belongs to another province's secretariat."));
        if (forEditing && draft.IsConfirmed)
            throw new RuleViolationException("draftId", Wording.Pick($"Bản dự thảo này đã được xác nhận thành kế hoạch {draft.ConfirmedPlanId}; hãy sửa kế hoạch.", $"This draft was already confirmed as plan {draft.ConfirmedPlanId}; edit the plan instead."));
        if (version is { } v) await db.EnsureVersionAsync(draft, v, ct);
        return (draft, ProposalJson.Read(draft.Proposal));
    }

    public static async Task<int> SaveAsync(PlanTrackerDbContext db, DocumentDraft draft, Proposal proposal, TimeProvider time, CancellationToken ct)
    {
        draft.Revise(ProposalJson.Write(proposal), time.GetUtcNow());
        await db.SaveChangesAsync(ct); // a simultaneous save of the same version is refused by the context (409)
        return draft.Version;
    }

    public static ProposedItem Item(Proposal proposal, string itemId) =>
        proposal.Items.SingleOrDefault(i => i.Id == itemId) ?? throw new RuleViolationException("itemId", Wording.Pick($"Bản dự thảo không có mục '{itemId}'.", $"The draft has no item '{itemId}'."));

    /// <summary>The province's current agencies, groups and every name they go by, for the parser.</summary>
    public static async Task<AgencyDirectory> DirectoryAsync(PlanTrackerDbContext db, long provinceId, CancellationToken ct)
    {
        var province = await db.Provinces.Where(p => p.Id == provinceId).Select(p => p.Name).SingleAsync(ct);
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.ProvinceId == provinceId && a.DissolvedOn == null)
            .Select(a => new { a.Id, a.Key, a.Name, a.ShortName, a.IsSecretariat, a.Kind, Aliases = a.Aliases.Select(x => x.Alias).ToList(),
                Members = a.Members.Select(m => m.Member.Key).ToList() })
            .AsSplitQuery().ToListAsync(ct);
        return new AgencyDirectory(province, agencies.Select(a =>
            new DirectoryAgency(a.Id, a.Key, a.Name, a.ShortName, a.Aliases, a.IsSecretariat, a.Kind == AgencyKind.Group, a.Members)));
    }
}
