using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Features.Account;
using PlanTracker.Web.Pages.Shared;
using PlanTracker.Web.Security;

namespace PlanTracker.Web.Pages.Account;

/// <summary>The signed-in user's own password. Other sessions end; this browser is signed in again with the new stamp.</summary>
[EnableRateLimiting(SignInSecurity.Policy)]
public sealed class ChangePasswordModel(IMediator mediator, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    public bool Saved { get; private set; }

    public void OnGet(bool saved) => Saved = saved;

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => this.Attempt("", async () =>
    {
        await mediator.Send(new ChangePassword.Command(CurrentPassword ?? "", NewPassword ?? ""), ct);
        if (await signIn.UserManager.GetUserAsync(User) is { } me) await signIn.SignInAsync(me, isPersistent: false);
        return RedirectToPage(new { saved = true });
    }, () => Task.FromResult<IActionResult>(Page()));
}
