using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PlanTracker.Core.Features.Plans;

namespace PlanTracker.Web.Pages;

public sealed class IndexModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<ListPlans.PlanSummary> Plans { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Plans = await mediator.Send(new ListPlans.Query(), ct);
}
