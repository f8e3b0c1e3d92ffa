using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Features.Digests;

namespace PlanTracker.Web.Pages;

/// <summary>
/// The digest's unsubscribe link, for people who are not signed in. Opening it only asks (mail
/// scanners open links); the button turns the digest off. A bad token answers 400 and changes nothing.
/// No antiforgery token: the signed token already proves the request came from the mail, and a form
/// rendered by one node must post to any other (their Data Protection keys are not shared).
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    public Unsubscribe.Result? Account { get; private set; }
    public bool Done { get; private set; }
    public bool Invalid { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => Answer(() => mediator.Send(new Unsubscribe.Query(Token), ct));

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => Answer(async () =>
    {
        var result = await mediator.Send(new Unsubscribe.Command(Token), ct);
        // An older mail's link against a newer choice: nothing changed, and the page says why.
        if (result.Stale) Response.StatusCode = StatusCodes.Status409Conflict;
        else Done = true;
        return result;
    });

    private async Task<IActionResult> Answer(Func<Task<Unsubscribe.Result>> send)
    {
        try
        {
            Account = await send();
        }
        catch (RuleViolationException)
        {
            Invalid = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }

    public bool AlreadyOff => !Done && Account?.Frequency == DigestFrequency.None;
}
