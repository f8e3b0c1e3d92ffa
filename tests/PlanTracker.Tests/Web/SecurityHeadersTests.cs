using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Web;

/// <summary>Defence in depth on every response: the policy, framing, sniffing, referrer, HSTS and cache headers.</summary>
public sealed partial class SecurityHeadersTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Should_send_the_policy_and_the_protective_headers_on_pages_API_answers_errors_and_static_files()
    {
        var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await PageClient.SignInAsync(app, "thuongtruc@plantracker.local");
        var api = await app.ClientForAsync("canbo.noivu@plantracker.local");

        var responses = new Dictionary<string, HttpResponseMessage>
        {
            ["sign-in page"] = await anonymous.GetAsync("/Account/Login"),
            ["signed-in page"] = await page.GetAsync("/Dashboard"),
            ["API answer"] = await api.GetAsync("/api/v1/me/digest"),
            ["API refusal"] = await anonymous.GetAsync("/api/v1/me/digest"),
            ["missing page"] = await page.GetAsync("/no-such-page"),
            ["static file"] = await anonymous.GetAsync("/css/site.css"),
        };

        foreach (var (what, response) in responses)
        {
            var policy = Header(response, "Content-Security-Policy");
            Assert.True(policy is not null, what);
            Assert.Contains("script-src 'self';", policy);
            Assert.Contains("frame-ancestors 'none'", policy);
            Assert.Contains("object-src 'none'", policy);
            Assert.DoesNotContain("unsafe-eval", policy);
            Assert.Equal(("DENY", "nosniff", "no-referrer"),
                (Header(response, "X-Frame-Options"), Header(response, "X-Content-Type-Options"), Header(response, "Referrer-Policy")));
            Assert.Null(Header(response, "Strict-Transport-Security")); // plain http: a browser would ignore it anyway
        }
        Assert.Equal(HttpStatusCode.OK, responses["API answer"].StatusCode);
        foreach (var what in new[] { "sign-in page", "signed-in page", "API answer", "API refusal", "missing page" })
            Assert.Equal("no-store", Header(responses[what], "Cache-Control"));
        Assert.NotEqual("no-store", Header(responses["static file"], "Cache-Control")); // the app's own files stay cacheable
    }

    [Fact]
    public async Task Should_send_HSTS_on_answers_over_https()
    {
        var https = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://plantracker.vinhphuc.gov.vn"), AllowAutoRedirect = false,
        });

        var response = await https.GetAsync("/Account/Login");

        Assert.Equal("max-age=31536000", Header(response, "Strict-Transport-Security"));
    }

    [Fact]
    public void Should_keep_no_inline_script_or_event_handler_in_any_page()
    {
        // script-src 'self' without nonces holds only while every script is a file under wwwroot.
        var pages = Directory.GetFiles(Path.Combine(RepoPaths.Root, "src", "PlanTracker.Web", "Pages"), "*.cshtml", SearchOption.AllDirectories);
        Assert.NotEmpty(pages);
        var offending = pages
            .SelectMany(p => File.ReadAllLines(p).Select((line, i) => (Page: Path.GetFileName(p), Line: i + 1, Text: line)))
            .Where(l => InlineScript().IsMatch(l.Text) || EventHandler().IsMatch(l.Text) || l.Text.Contains("javascript:", StringComparison.OrdinalIgnoreCase))
            .Select(l => $"{l.Page}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.Empty(offending);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : null;

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"\son(click|change|submit|input|load|error|focus|blur|reset|select|key[a-z]+|mouse[a-z]+|pointer[a-z]+|before[a-z]+|after[a-z]+)\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandler();
}
