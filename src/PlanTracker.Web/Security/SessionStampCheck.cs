using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Web.Security;

/// <summary>
/// Every authenticated request, cookie or bearer token, is checked against the account as it is now: one
/// primary-key read of its security stamp and lockout (with the agency, province and steering assignments the handlers
/// then use, so that read is the request's only one of the account). A deactivation, lockout, password change or reset,
/// role or agency change renews the stamp (or sets the lockout), so the old session is treated as never
/// authenticated at its next request: 401 on the API, the login page for people. See decision 0012.
/// </summary>
public static class SessionStampCheck
{
    /// <summary>Right after UseAuthentication: a stale session becomes a failed authentication, so authorization challenges it.</summary>
    public static IApplicationBuilder UseSessionStampCheck(this IApplicationBuilder app) => app.Use(async (HttpContext http, RequestDelegate next) =>
    {
        if (http.User.Identity?.IsAuthenticated == true && !await IsCurrentAsync(http))
        {
            // Authorization reads this result, not only HttpContext.User: a failed result makes it challenge (401 or
            // the login page) instead of forbid.
            if (http.Features.Get<IAuthenticateResultFeature>() is { } feature)
                feature.AuthenticateResult = AuthenticateResult.Fail("The session ended: the account changed since it signed in.");
            http.User = new ClaimsPrincipal(new ClaimsIdentity());
            if (!http.Request.Path.StartsWithSegments("/api"))
                await http.SignOutAsync(IdentityConstants.ApplicationScheme); // the browser forgets the dead cookie
        }
        await next(http);
    });

    private static async Task<bool> IsCurrentAsync(HttpContext http)
    {
        var claims = http.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var stamp = http.User.FindFirstValue(claims.SecurityStampClaimType);
        if (!long.TryParse(http.User.FindFirstValue(claims.UserIdClaimType), out var id) || stamp is null) return false;
        // The same read gives the access rules the user's agency, province and steering assignments,
        // kept for the request's handlers (issue 17: one round trip instead of three).
        var account = await AccessContext.ReadAccountAsync(http.RequestServices.GetRequiredService<PlanTrackerDbContext>(), id, http.RequestAborted);
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        if (account is null || account.SecurityStamp != stamp || account.LockoutEnd > now) return false;
        http.RequestServices.GetRequiredService<AccessContext>().Remember(id, account);
        return true;
    }
}
