using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Features.Account;
using PlanTracker.Web.Security;

namespace PlanTracker.Web.Api;

/// <summary>Sign-in and passwords on /api/v1 (decision 0012). Every route here carries the per-address rate limit.</summary>
public static class AccountApi
{
    public sealed record ResetRequestBody(string? Email);
    public sealed record ResetBody(long UserId, string? Token, string? NewPassword);
    public sealed record ChangePasswordBody(string? CurrentPassword, string? NewPassword);

    public static void MapAccountApi(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/token", IssueToken).AllowAnonymous().RequireRateLimiting(SignInSecurity.Policy);
        // The same answer whether the address has an account or not.
        api.MapPost("/auth/password-reset", async (ResetRequestBody body, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new RequestPasswordReset.Command(body.Email ?? ""), ct);
            return Results.Accepted();
        }).AllowAnonymous().RequireRateLimiting(SignInSecurity.Policy);
        api.MapPost("/auth/password-reset/confirm", async (ResetBody body, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new ResetPassword.Command(body.UserId, body.Token ?? "", body.NewPassword ?? ""), ct);
            return Results.NoContent();
        }).AllowAnonymous().RequireRateLimiting(SignInSecurity.Policy);
        // The change ends every other session of the account; this client gets a fresh token to go on with.
        api.MapPost("/me/password", async (ChangePasswordBody body, IMediator m, UserManager<AppUser> users, SignInManager<AppUser> signIn,
            ICurrentUser me, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider time, CancellationToken ct) =>
        {
            await m.Send(new ChangePassword.Command(body.CurrentPassword ?? "", body.NewPassword ?? ""), ct);
            var user = await users.FindByIdAsync(me.UserId!.Value.ToString());
            return Results.Ok(await TokenAsync(user!, signIn, bearer, time));
        }).RequireRateLimiting(SignInSecurity.Policy);
    }

    /// <summary>
    /// Exchanges e-mail and password for a bearer token of ASP.NET Core's own bearer scheme (the JWT
    /// package's dependencies are not in the registry). The token carries the security stamp that
    /// SessionStampCheck compares on every request.
    /// </summary>
    private static async Task<IResult> IssueToken(PlanTrackerApi.TokenRequest request, SignInGate gate, SignInManager<AppUser> signIn,
        IOptionsMonitor<BearerTokenOptions> bearerOptions, TimeProvider time, HttpContext http)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
            return Results.ValidationProblem(new Dictionary<string, string[]>
            {
                ["email"] = string.IsNullOrWhiteSpace(request.Email) ? [Wording.Pick("Hãy nhập thư điện tử ('email').", "'email' is required.")] : [],
                ["password"] = string.IsNullOrEmpty(request.Password) ? [Wording.Pick("Hãy nhập mật khẩu ('password').", "'password' is required.")] : [],
            }.Where(e => e.Value.Length > 0).ToDictionary());

        var outcome = await gate.CheckAsync(request.Email, request.Password, http);
        if (outcome.RetryAfter is { } wait)
        {
            await SignInSecurity.WriteTooManyAsync(http, wait);
            return Results.Empty;
        }
        if (outcome.User is not { } user)
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized,
                title: Wording.Pick("Sai thư điện tử hoặc mật khẩu.", "Wrong e-mail or password."));
        return Results.Ok(await TokenAsync(user, signIn, bearerOptions, time));
    }

    private static async Task<PlanTrackerApi.TokenResponse> TokenAsync(AppUser user, SignInManager<AppUser> signIn,
        IOptionsMonitor<BearerTokenOptions> bearerOptions, TimeProvider time)
    {
        var options = bearerOptions.Get(IdentityConstants.BearerScheme);
        var principal = await signIn.CreateUserPrincipalAsync(user);
        var now = time.GetUtcNow();
        var expiresAt = now + options.BearerTokenExpiration;
        var ticket = new AuthenticationTicket(principal,
            new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = expiresAt },
            $"{IdentityConstants.BearerScheme}:AccessToken");
        return new PlanTrackerApi.TokenResponse(options.BearerTokenProtector.Protect(ticket), expiresAt);
    }
}
