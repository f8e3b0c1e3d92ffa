using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PlanTracker.Core.Common;
using PlanTracker.Core.Features.Tasks;

namespace PlanTracker.Web.Pages.Tasks;

public sealed class DetailsModel(IMediator mediator, ProvinceClock clock) : PageModel
{
    public GetTask.Result? Result { get; private set; }
    public DateOnly Today => clock.Today;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Result = await mediator.Send(new GetTask.Query(id), ct);
        return Result is null ? NotFound() : Page();
    }
}
