using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PlanTracker.Core.Common;
using PlanTracker.Core.Features.Plans;

namespace PlanTracker.Web.Pages;

public sealed class IndexModel(IMediator mediator) : PageModel
{
    public const int PageSize = 50;
    /// <summary>"trang", not "page": see <see cref="Shared.Pager"/>.</summary>
    [BindProperty(SupportsGet = true, Name = Shared.Pager.Parameter)] public int PageNumber { get; set; } = 1;
    public Paged<ListPlans.PlanSummary> Plans { get; private set; } = new([], 1, PageSize, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        try
        {
            Plans = await Shared.Pager.ReadAsync(PageNumber, page => mediator.Send(new ListPlans.PageQuery(page, PageSize), ct));
        }
        catch (Exception e) when (Shared.ErrorSummary.AddTo(ModelState, e, "Filter"))
        {
            // A hand-edited page number beyond any list (over 100 000): the reason is shown, no list.
        }
    }
}
