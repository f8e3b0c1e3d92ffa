using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PlanTracker.Core.Common;
using PlanTracker.Core.Features.Tasks;

namespace PlanTracker.Web.Pages;

public sealed class SearchModel(IMediator mediator, ProvinceClock clock) : PageModel
{
    public const int PageSize = 50;
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    /// <summary>"trang", not "page": see <see cref="Shared.Pager"/>. Pages the tasks found.</summary>
    [BindProperty(SupportsGet = true, Name = Shared.Pager.Parameter)] public int PageNumber { get; set; } = 1;
    public Core.Features.Search.Search.Result? Result { get; private set; }
    public Paged<TaskView> Tasks { get; private set; } = new([], 1, PageSize, 0);
    public DateOnly Today => clock.Today;

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Q)) return;
        try
        {
            Tasks = await Shared.Pager.ReadAsync(PageNumber, async page =>
            {
                Result = await mediator.Send(new Core.Features.Search.Search.Query(Q, PageSize, page), ct);
                return new Paged<TaskView>(Result.Tasks, page, PageSize, Result.TasksTotal);
            });
        }
        catch (ValidationException e)
        {
            foreach (var f in e.Errors) ModelState.AddModelError(nameof(Q), f.ErrorMessage);
        }
    }
}
