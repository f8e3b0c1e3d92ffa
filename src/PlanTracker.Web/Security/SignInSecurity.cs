using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using PlanTracker.Core.Common;
using PlanTracker.Web.Hosting;

namespace PlanTracker.Web.Security;

/// <summary>Wires decision 0012: the per-address rate limit, the per-account throttle, the session check, the reset links.</summary>
public static class SignInSecurity
{
    /// <summary>The rate-limiter policy on every endpoint and page that checks a password or sends a reset mail.</summary>
    public const string Policy = "sign-in";

    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static IServiceCollection AddSignInSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = Settings.Read<SignInLimits>(configuration, "SignIn");
        services.AddSingleton(limits);
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<SignInGate>();
        // A mailed reset link works for two hours (and once: the reset renews the stamp it carries).
        services.Configure<DataProtectionTokenProviderOptions>(o =>
            o.TokenLifespan = TimeSpan.FromMinutes(limits.ResetLinkMinutes));
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(Policy, http => HttpMethods.IsPost(http.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(SignInGate.Address(http), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.PerAddressPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter(""));
            o.OnRejected = (context, ct) =>
            {
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
                return WriteTooManyAsync(context.HttpContext, wait);
            };
        });
        return services;
    }

    public static string TooManyMessage(TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        return Wording.Pick($"Quá nhiều lần đăng nhập từ nơi này. Vui lòng thử lại sau {seconds} giây.",
            $"Too many sign-in attempts from here. Try again in {seconds} seconds.");
    }

    /// <summary>429 with Retry-After: ProblemDetails for the API, a short page in the user's language for people.</summary>
    public static async ValueTask WriteTooManyAsync(HttpContext http, TimeSpan wait)
    {
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var message = TooManyMessage(wait);
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = Wording.Pick("Quá nhiều yêu cầu.", "Too many requests."), Detail = message },
            });
            return;
        }
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync($"<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>429</title></head><body><p role=\"alert\">{Html.Encode(message)}</p><p><a href=\"/Account/Login\">{Html.Encode(Wording.Pick("Quay lại trang đăng nhập", "Back to sign-in"))}</a></p></body></html>");
    }
}
