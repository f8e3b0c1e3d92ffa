using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PlanTracker.Core.Common;
using PlanTracker.Core.Features.Plans;

namespace PlanTracker.Web.Pages.Plans;

public sealed class DetailsModel(IMediator mediator, ProvinceClock clock) : PageModel
{
    public GetPlan.Result? Plan { get; private set; }
    public DateOnly Today => clock.Today;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Plan = await mediator.Send(new GetPlan.Query(id), ct);
        return Plan is null ? NotFound() : Page();
    }

    public IEnumerable<(GetPlan.TaskNode Node, int Depth)> Flatten() => Walk(Plan!.Tasks, 0);

    private static IEnumerable<(GetPlan.TaskNode, int)> Walk(IEnumerable<GetPlan.TaskNode> nodes, int depth) =>
        nodes.SelectMany(n => Walk(n.Children, depth + 1).Prepend((n, depth)));
}
