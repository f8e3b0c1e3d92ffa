using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PlanTracker.Core.Common;

namespace PlanTracker.Web.Pages;

public sealed class SearchModel(IMediator mediator, ProvinceClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    public Core.Features.Search.Search.Result? Result { get; private set; }
    public DateOnly Today => clock.Today;

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Q)) return;
        try
        {
            Result = await mediator.Send(new Core.Features.Search.Search.Query(Q), ct);
        }
        catch (ValidationException e)
        {
            foreach (var f in e.Errors) ModelState.AddModelError(nameof(Q), f.ErrorMessage);
        }
    }
}
