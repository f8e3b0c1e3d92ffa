using MediatR;
using Microsoft.AspNetCore.Identity;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Features.Account;

namespace PlanTracker.Web.Security;

/// <summary>The one way in with e-mail and password, for the login page and the token endpoint alike.</summary>
public sealed class SignInGate(SignInManager<AppUser> signIn, IPasswordHasher<AppUser> hasher, SignInThrottle throttle,
    SignInLimits limits, IMediator mediator, TimeProvider time, ILogger<SignInGate> log)
{
    public sealed record Outcome(AppUser? User, TimeSpan? RetryAfter)
    {
        public bool Succeeded => User is not null;
    }

    // A hash made by the same hasher (same algorithm and iteration count as every stored password), so
    // that checking a password for a missing or inactive account costs what checking a real one costs.
    private static string? _decoyHash;

    public static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    public async Task<Outcome> CheckAsync(string email, string password, HttpContext http)
    {
        var account = SignInThrottle.Key(email);
        var address = Address(http);
        // A waiting address is refused before any password is checked: waiting gives no guess away.
        if (throttle.RetryAfter(account, address) is { } wait) return new Outcome(null, wait);

        var user = await signIn.UserManager.FindByEmailAsync(email.Trim());
        var ok = false;
        if (user is null || user.LockoutEnd > time.GetUtcNow())
        {
            // Same work as for a real account: the answer's timing does not tell whether the address exists.
            _decoyHash ??= hasher.HashPassword(new AppUser(), Guid.NewGuid().ToString());
            hasher.VerifyHashedPassword(new AppUser(), _decoyHash, password);
        }
        else
        {
            // No lockout on failure: strangers' wrong guesses must not lock the owner out; the throttle slows them instead.
            ok = (await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: false)).Succeeded;
        }

        if (ok)
        {
            throttle.Succeeded(account, address);
            return new Outcome(user, null);
        }
        if (throttle.Failed(account, address) is { } alert)
        {
            try
            {
                await mediator.Send(new ReportSignInAttack.Command(email, alert.Failures, alert.Addresses,
                    TimeSpan.FromMinutes(limits.AccountWindowMinutes)), http.RequestAborted);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Telling the administrators must never turn a refused sign-in into an error page.
                log.LogError(e, "Could not report repeated failed sign-ins to {Account}", account);
            }
        }
        return new Outcome(null, null);
    }
}
