using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PlanTracker.Core.Common;
using PlanTracker.Core.Features.Cascade;
using PlanTracker.Web.Pages.Shared;

namespace PlanTracker.Web.Pages.Cascade;

/// <summary>The secretariat chooses the parent plans its plan implements.</summary>
public sealed class PlanParentsModel(IMediator mediator) : PageModel
{
    public ListLinkChoices.Result Choices { get; private set; } = null!;
    [BindProperty] public long? ParentPlanId { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Choices = await mediator.Send(new ListLinkChoices.Query(id), ct);
        return Page();
    }

    public Task<IActionResult> OnPostLinkAsync(long id, CancellationToken ct) =>
        this.Attempt("Parent", async () =>
        {
            await mediator.Send(new LinkPlanParent.Command(id, ParentPlanId ?? 0), ct);
            this.Tell(Wording.Pick("Đã ghi kế hoạch cấp trên.", "The parent plan is recorded."));
            return Redirect($"/Plans/{id}/Parents");
        }, () => OnGetAsync(id, ct));

    public Task<IActionResult> OnPostUnlinkAsync(long id, long parentPlanId, CancellationToken ct) =>
        this.Attempt("Parent", async () =>
        {
            var removed = await mediator.Send(new UnlinkPlanParent.Command(id, parentPlanId), ct);
            this.Tell(Wording.Pick($"Đã bỏ kế hoạch cấp trên và {removed} liên kết nhiệm vụ.", $"The parent plan and {removed} task link(s) are removed."));
            return Redirect($"/Plans/{id}/Parents");
        }, () => OnGetAsync(id, ct));
}
