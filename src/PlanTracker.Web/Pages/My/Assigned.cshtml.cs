using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PlanTracker.Core.Common;
using PlanTracker.Core.Features.AgencyWork;
using PlanTracker.Core.Features.Progress;

namespace PlanTracker.Web.Pages.My;

/// <summary>"Việc được giao cho tôi", and for the head or a deputy the progress waiting for their approval.</summary>
public sealed class AssignedModel(IMediator mediator, ProvinceClock clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = Shared.Pager.Parameter)] public int AskedPage { get; set; } = 1;
    public Paged<ListMyAssignments.Item> Rows { get; private set; } = new([], 1, 1, 0);
    public ListProgressSubmissions.Result? Submissions { get; private set; }
    public DateOnly Today => clock.Today;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Rows = await Shared.Pager.ReadAsync(AskedPage, page => mediator.Send(new ListMyAssignments.Query(page, 50), ct));
        if (User.IsInRole(Core.Domain.Roles.AgencyOfficer) || User.IsInRole(Core.Domain.Roles.AgencyHead))
            Submissions = await mediator.Send(new ListProgressSubmissions.Query(PageSize: 100), ct);
        return Page();
    }
}
