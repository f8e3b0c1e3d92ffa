using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using PlanTracker.Core.Features.Account;
using PlanTracker.Web.Pages.Shared;
using PlanTracker.Web.Security;

namespace PlanTracker.Web.Pages.Account;

/// <summary>The page a mailed reset link opens: a new password, once, before the link expires.</summary>
[AllowAnonymous]
[EnableRateLimiting(SignInSecurity.Policy)]
public sealed class ResetPasswordModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)] public long Uid { get; set; }
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    public bool Done { get; private set; }

    public void OnGet() { }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => this.Attempt("", async () =>
    {
        await mediator.Send(new ResetPassword.Command(Uid, Token ?? "", NewPassword ?? ""), ct);
        Done = true;
        return Page();
    }, () => Task.FromResult<IActionResult>(Page()));
}
