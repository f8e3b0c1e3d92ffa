using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PlanTracker.Core.Common;
using PlanTracker.Core.Features.Mail;
using PlanTracker.Web.Pages.Shared;

namespace PlanTracker.Web.Pages.Admin;

/// <summary>
/// One outbox message as its recipient gets it. The HTML body is someone else's markup: it is
/// shown in a sandboxed frame (no scripts, no forms, its own origin), and the page's policy lets
/// nothing in it load from elsewhere (no tracking images, no remote styles).
/// </summary>
public sealed class OutboxMessageModel(IMediator mediator) : PageModel
{
    public GetOutboxMessage.Result Message { get; private set; } = null!;
    public bool Requeued { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, bool requeued, CancellationToken ct)
    {
        Requeued = requeued;
        return await Load(id, ct) ?? Page();
    }

    public Task<IActionResult> OnPostRequeueAsync(long id, CancellationToken ct) =>
        this.Attempt("Requeue", async () =>
        {
            await mediator.Send(new RequeueOutboxMessage.Command(id), ct);
            return RedirectToPage(new { id, requeued = true });
        }, async () => await Load(id, ct) ?? Page());

    private async Task<IActionResult?> Load(long id, CancellationToken ct)
    {
        try
        {
            Message = await mediator.Send(new GetOutboxMessage.Query(id), ct);
        }
        catch (ForbiddenException)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        // The frame's srcdoc inherits this policy: the mail's own markup may style itself, nothing more.
        Response.Headers.ContentSecurityPolicy =
            "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
        return null;
    }
}
