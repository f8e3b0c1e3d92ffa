using Microsoft.AspNetCore.Localization;
using PlanTracker.Core.Common;

namespace PlanTracker.Web.Hosting;

/// <summary>GET /culture?c=en&amp;returnUrl=/x remembers the language in a cookie for a year.</summary>
public static class CultureSwitch
{
    public static void MapCultureSwitch(this WebApplication app) =>
        app.MapGet("/culture", (string? c, string? returnUrl, HttpContext http) =>
        {
            // Only back into the site: another site's address ("//evil", "/\evil") is refused, not followed.
            if (returnUrl is { Length: > 0 } && !IsLocal(returnUrl))
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["returnUrl"] = [NotLocal()] });
            var culture = c == "en" ? "en-US" : "vi-VN";
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(returnUrl is { Length: > 0 } ? returnUrl : "/");
        }).AllowAnonymous();

    /// <summary>The rule LocalRedirect applies (it throws on anything else): a path of this site.</summary>
    public static bool IsLocal(string url) =>
        url.StartsWith('/') && (url.Length == 1 || url[1] is not ('/' or '\\')) && InputRules.ForbiddenCharacter(url, false) is null;

    private static string NotLocal() =>
        Core.Common.Wording.Pick("'returnUrl' phải là một địa chỉ của trang này, ví dụ /Plans.",
            "'returnUrl' must be an address of this site, such as /Plans.");
}
