namespace PlanTracker.Web.Hosting;

/// <summary>
/// Defence in depth on every response (decision 0016): should markup ever slip through unencoded, the
/// browser still runs no script but the app's own files, and no other site can frame, sniff or read
/// what PlanTracker answers. A page with stricter needs sets its own policy first (the outbox preview).
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Scripts only from the app's own files (no inline script or handler remains in the pages, so no nonce
    /// is needed); styles from its files and style attributes (the dashboard's bars are sized inline, and
    /// htmx and Chart.js style what they draw); nothing loads from, posts to or frames from elsewhere.
    /// </summary>
    public const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            if (!headers.ContainsKey("Content-Security-Policy")) headers.ContentSecurityPolicy = Policy;
            headers.XFrameOptions = "DENY";
            headers.XContentTypeOptions = "nosniff";
            // Unsubscribe and other mailed links carry tokens in their address: no address leaves in a Referer.
            headers["Referrer-Policy"] = "no-referrer";
            // Whatever is answered after routing (pages, API answers, downloads) is someone's data or carries a
            // token: no shared or browser cache keeps it. Static files (no endpoint) stay cacheable.
            if (http.GetEndpoint() is not null || http.User.Identity?.IsAuthenticated == true)
                headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        return next(http);
    });
}
