using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PlanTracker.Core.Common;
using PlanTracker.Core.Email;
using PlanTracker.Core.Features.Mail;

namespace PlanTracker.Web.Pages.Admin;

/// <summary>The outbox: pending, sent and dead messages, newest first, a page at a time (admins and the secretariat).</summary>
public sealed class OutboxModel(IMediator mediator) : PageModel
{
    public ListOutbox.Result Outbox { get; private set; } = new([], null, 0, 0, 0);
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [BindProperty(SupportsGet = true)] public long? Before { get; set; }
    public OutboxState? Filter => Enum.TryParse<OutboxState>(State, ignoreCase: true, out var state) ? state : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            Outbox = await mediator.Send(new ListOutbox.Query(Filter, Before), ct);
        }
        catch (ForbiddenException)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        return Page();
    }

    /// <summary>The link to another page of the list, keeping the state filter.</summary>
    public string Link(OutboxState? state, long? before = null) =>
        "/Admin/Outbox" + QueryString.Create(new Dictionary<string, string?> { ["State"] = state?.ToString(), ["Before"] = before?.ToString() }
            .Where(p => p.Value is not null));
}
