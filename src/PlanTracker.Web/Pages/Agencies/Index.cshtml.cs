using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Features.Agencies;
using PlanTracker.Web.Pages.Shared;

namespace PlanTracker.Web.Pages.Agencies;

/// <summary>The province's agencies; the secretariat renames, merges and splits them here.</summary>
public sealed class IndexModel(IMediator mediator, ProvinceClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Province { get; set; }
    public IReadOnlyList<ListAgencies.AgencyItem> Agencies { get; private set; } = [];
    public DateOnly Today => clock.Today;

    public async Task OnGetAsync(CancellationToken ct) => await Load(ct);

    public Task<IActionResult> OnPostRenameAsync(long agencyId, string? name, string? shortName, DateOnly? effectiveOn, int? version, CancellationToken ct) =>
        Act(() => mediator.Send(new RenameAgency.Command(agencyId, name ?? "", shortName, effectiveOn ?? clock.Today, version), ct), ct);

    public Task<IActionResult> OnPostMergeAsync(List<long> sourceIds, long? intoId, DateOnly? effectiveOn, CancellationToken ct) =>
        Act(() => mediator.Send(new MergeAgencies.Command(sourceIds, intoId, null, null, effectiveOn ?? clock.Today), ct), ct);

    public Task<IActionResult> OnPostSplitAsync(long agencyId, string? into, DateOnly? effectiveOn, CancellationToken ct) =>
        Act(() => mediator.Send(new SplitAgency.Command(agencyId,
            (into ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(n => new SplitAgency.Successor(n, null)).ToList(),
            effectiveOn ?? clock.Today), ct), ct);

    private Task<IActionResult> Act<T>(Func<Task<T>> send, CancellationToken ct) =>
        this.Attempt("Agency", async () => { await send(); return RedirectToPage(new { Province }); }, async () => { await Load(ct); return Page(); });

    private async Task Load(CancellationToken ct) =>
        Agencies = (await mediator.Send(new ListAgencies.Query(Province), ct)).Where(a => a.Kind != AgencyKind.Group).ToList();
}
