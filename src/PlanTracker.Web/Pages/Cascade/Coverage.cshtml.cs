using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PlanTracker.Core.Common;
using PlanTracker.Core.Features.Agencies;
using PlanTracker.Core.Features.Cascade;
using PlanTracker.Web.Pages.Shared;

namespace PlanTracker.Web.Pages.Cascade;

/// <summary>Coverage for the province: the parent tasks and targets its plans do not yet carry out, each draftable in one step.</summary>
public sealed class CoverageModel(IMediator mediator) : PageModel
{
    public GetCoverage.Result Coverage { get; private set; } = null!;
    public IReadOnlyList<ListAgencies.AgencyItem> Agencies { get; private set; } = [];

    [BindProperty] public DraftFromParentTask.Command Draft { get; set; } = new(0, 0, "", null);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Coverage = await mediator.Send(new GetCoverage.Query(), ct);
        Agencies = await mediator.Send(new ListAgencies.Query(ProvinceId: Coverage.ProvinceId, CurrentOnly: true), ct);
        return Page();
    }

    public Task<IActionResult> OnPostDraftAsync(long planId, CancellationToken ct) =>
        this.Attempt("Draft", async () =>
        {
            var result = await mediator.Send(Draft with { PlanId = planId }, ct);
            this.Tell(Wording.Pick($"Đã soạn nhiệm vụ {Draft.Code} từ nhiệm vụ cấp trên và liên kết.", $"Task {Draft.Code} is drafted from the parent task and linked."));
            // The new task's links page: it names the task (a link to it) and shows what it now carries out.
            return Redirect($"/Tasks/{result.TaskId}/Links");
        }, () => OnGetAsync(ct));
}
