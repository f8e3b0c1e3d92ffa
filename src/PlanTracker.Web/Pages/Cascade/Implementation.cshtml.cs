using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PlanTracker.Core.Common;
using PlanTracker.Core.Features.Cascade;

namespace PlanTracker.Web.Pages.Cascade;

/// <summary>The view from above: how the provinces carry out a parent plan, task by task (decision 0027).</summary>
public sealed class ImplementationModel(IMediator mediator) : PageModel
{
    public GetParentView.Result View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        try
        {
            View = await mediator.Send(new GetParentView.Query(id), ct);
            return Page();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }
}
