using Microsoft.AspNetCore.Localization;

namespace PlanTracker.Web.Hosting;

/// <summary>GET /culture?c=en&amp;returnUrl=/x remembers the language in a cookie for a year.</summary>
public static class CultureSwitch
{
    public static void MapCultureSwitch(this WebApplication app) =>
        app.MapGet("/culture", (string? c, string? returnUrl, HttpContext http) =>
        {
            var culture = c == "en" ? "en-US" : "vi-VN";
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") ? returnUrl : "/");
        }).AllowAnonymous();
}
