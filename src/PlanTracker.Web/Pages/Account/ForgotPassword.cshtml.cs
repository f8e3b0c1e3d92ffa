using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using PlanTracker.Core.Features.Account;
using PlanTracker.Web.Pages.Shared;
using PlanTracker.Web.Security;

namespace PlanTracker.Web.Pages.Account;

/// <summary>Asks for a reset link; the page says the same thing whether the address has an account or not.</summary>
[AllowAnonymous]
[EnableRateLimiting(SignInSecurity.Policy)]
public sealed class ForgotPasswordModel(IMediator mediator) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    public bool Sent { get; private set; }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => this.Attempt("", async () =>
    {
        await mediator.Send(new RequestPasswordReset.Command(Email ?? ""), ct);
        Sent = true;
        return Page();
    }, () => Task.FromResult<IActionResult>(Page()));
}
