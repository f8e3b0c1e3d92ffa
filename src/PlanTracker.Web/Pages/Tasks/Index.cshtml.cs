using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Features.Dashboard;
using PlanTracker.Core.Features.Tasks;

namespace PlanTracker.Web.Pages.Tasks;

/// <summary>
/// The tasks behind a number of the dashboard: the same filter and the same condition the number
/// was counted with, read from the query string (so the link can be shared).
/// </summary>
public sealed class IndexModel(IMediator mediator, ProvinceClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public long? DocumentId { get; set; }
    [BindProperty(SupportsGet = true)] public long? PlanId { get; set; }
    [BindProperty(SupportsGet = true)] public long? AgencyId { get; set; }
    [BindProperty(SupportsGet = true)] public AgencyLevel? AgencyLevel { get; set; }
    [BindProperty(SupportsGet = true)] public long? SteeringMemberId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [BindProperty(SupportsGet = true)] public long? ProvinceId { get; set; }
    [BindProperty(SupportsGet = true)] public List<Timeliness> Timeliness { get; set; } = [];
    [BindProperty(SupportsGet = true)] public bool AtRisk { get; set; }
    [BindProperty(SupportsGet = true)] public string? CompletedIn { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? OverdueOn { get; set; }
    [BindProperty(SupportsGet = true)] public Attainment? Targets { get; set; }
    [BindProperty(SupportsGet = true)] public TaskSort Sort { get; set; }
    [BindProperty(SupportsGet = true)] public bool Desc { get; set; }
    /// <summary>"trang", not "page": see <see cref="PlanTracker.Web.Pages.Shared.Pager"/>.</summary>
    [BindProperty(SupportsGet = true, Name = PlanTracker.Web.Pages.Shared.Pager.Parameter)] public int PageNumber { get; set; } = 1;

    public const int PageSize = 50;
    public DrillDown Drill => new(new DashboardFilter(DocumentId, PlanId, AgencyId, AgencyLevel, SteeringMemberId, string.IsNullOrWhiteSpace(Period) ? null : Period, ProvinceId),
        Timeliness, AtRisk, string.IsNullOrWhiteSpace(CompletedIn) ? null : CompletedIn, OverdueOn, Targets);
    public Paged<TaskView> Tasks { get; private set; } = new([], 1, PageSize, 0);
    public DateOnly Today => clock.Today;
    public IReadOnlyDictionary<long, string> PlanNames { get; private set; } = new Dictionary<long, string>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            Tasks = await PlanTracker.Web.Pages.Shared.Pager.ReadAsync(PageNumber, page =>
                mediator.Send(new ListTasks.Query(null, null, null, null, null, page, PageSize, Drill, Sort, Desc), ct));
            PlanNames = (await mediator.Send(new PlanTracker.Core.Features.Plans.ListPlans.Query(), ct))
                .ToDictionary(p => p.Id, p => p.DocumentNumber ?? p.Title);
        }
        catch (Exception e) when (PlanTracker.Web.Pages.Shared.ErrorSummary.AddTo(ModelState, e, "Filter"))
        {
            // A hand-edited link (an unreadable quarter, say): the reason is shown, no list.
        }
        return Page();
    }
}
