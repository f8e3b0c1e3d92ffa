using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace PlanTracker.Tests.Infrastructure;

/// <summary>A browser-like client of the pages: signed in with the cookie, posting forms with their antiforgery token.</summary>
public static partial class PageClient
{
    public static async Task<HttpClient> SignInAsync(AppFactory app, string email, bool followRedirects = true)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = followRedirects });
        var login = await client.GetStringAsync("/Account/Login");
        var response = await client.PostAsync("/Account/Login", Form(login, new() { ["Email"] = email, ["Password"] = TestDatabases.DemoPassword }));
        if ((int)response.StatusCode >= 400) throw new InvalidOperationException($"Signing in {email} failed: {response.StatusCode}");
        return client;
    }

    /// <summary>The fields, with the antiforgery token of <paramref name="page"/> (any page of the signed-in user with a form).</summary>
    public static FormUrlEncodedContent Form(string page, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = Antiforgery().Match(page).Groups[1].Value;
        return new FormUrlEncodedContent(fields);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();
}
