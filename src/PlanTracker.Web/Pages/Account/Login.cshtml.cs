using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using PlanTracker.Core.Domain;
using PlanTracker.Web.Security;

namespace PlanTracker.Web.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(SignInSecurity.Policy)]
public sealed class LoginModel(SignInManager<AppUser> signIn, SignInGate gate) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public bool Failed { get; private set; }
    /// <summary>Set when this address must wait before trying this account again (decision 0012).</summary>
    public string? Throttled { get; private set; }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!string.IsNullOrWhiteSpace(Email) && !string.IsNullOrEmpty(Password))
        {
            var outcome = await gate.CheckAsync(Email, Password, HttpContext);
            if (outcome.User is { } user)
            {
                await signIn.SignInAsync(user, isPersistent: false);
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl != "/" ? ReturnUrl
                    // Steering members come to read the province's picture: their landing page is the dashboard.
                    : await signIn.UserManager.IsInRoleAsync(user, Roles.SteeringMember) ? "/Dashboard" : "/");
            }
            if (outcome.RetryAfter is { } wait)
            {
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString();
                Throttled = SignInSecurity.TooManyMessage(wait);
                return Page();
            }
        }
        Failed = true;
        return Page();
    }
}
