using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Features.Plans;
using PlanTracker.Core.Features.Tasks;

namespace PlanTracker.Web.Pages.My;

/// <summary>My agency's tasks, lead and coordinating apart; the filters live in the URL.</summary>
public sealed class IndexModel(IMediator mediator, ProvinceClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public long? PlanId { get; set; }
    [BindProperty(SupportsGet = true)] public Timeliness? Timeliness { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? DueAfter { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? DueBefore { get; set; }
    /// <summary>Each list pages on its own; "trang" rather than "page" (see <see cref="Shared.Pager"/>).</summary>
    [BindProperty(SupportsGet = true, Name = Shared.Pager.Parameter)] public int LeadPage { get; set; } = 1;
    [BindProperty(SupportsGet = true, Name = CoordinatingParameter)] public int CoordinatingPage { get; set; } = 1;

    public const string CoordinatingParameter = "trangPhoiHop";
    public const int PageSize = 50;

    public Paged<TaskView> Lead { get; private set; } = new([], 1, 1, 0);
    public Paged<TaskView> Coordinating { get; private set; } = new([], 1, 1, 0);
    public IReadOnlyList<ListPlans.PlanSummary> Plans { get; private set; } = [];
    public DateOnly Today => clock.Today;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            Lead = await Shared.Pager.ReadAsync(LeadPage, page =>
                mediator.Send(new ListMyAgencyTasks.Query(Involvement.Lead, PlanId, Timeliness, DueBefore, DueAfter, page, PageSize), ct));
            Coordinating = await Shared.Pager.ReadAsync(CoordinatingPage, page =>
                mediator.Send(new ListMyAgencyTasks.Query(Involvement.Coordinating, PlanId, Timeliness, DueBefore, DueAfter, page, PageSize), ct));
        }
        catch (ForbiddenException)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        Plans = await mediator.Send(new ListPlans.Query(), ct);
        return Page();
    }
}
