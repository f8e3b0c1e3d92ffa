using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PlanTracker.Core.Domain;

namespace PlanTracker.Web.Pages.Account;

[AllowAnonymous]
public sealed class LoginModel(SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public bool Failed { get; private set; }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = string.IsNullOrWhiteSpace(Email) ? null : await signIn.UserManager.FindByEmailAsync(Email);
        if (user is not null && !string.IsNullOrEmpty(Password)
            && (await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true)).Succeeded)
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl != "/" ? ReturnUrl
                // Steering members come to read the province's picture: their landing page is the dashboard.
                : await signIn.UserManager.IsInRoleAsync(user, Roles.SteeringMember) ? "/Dashboard" : "/");
        Failed = true;
        return Page();
    }
}
