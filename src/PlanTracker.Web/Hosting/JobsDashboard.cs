using Hangfire;
using Hangfire.Dashboard;
using PlanTracker.Core.Domain;

namespace PlanTracker.Web.Hosting;

/// <summary>
/// Hangfire's own dashboard at /hangfire, linked from the Jobs page: administrators in full, the
/// secretariat read-only (they see the jobs but neither trigger, retry nor delete them, as on the Jobs
/// page), everyone else 403, anonymous callers too. Its forms carry ASP.NET Core's antiforgery token.
/// </summary>
public static class JobsDashboard
{
    public const string Path = "/hangfire";

    private static bool MayRead(System.Security.Claims.ClaimsPrincipal user) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Secretariat);

    /// <summary>Ahead of the fallback policy, which would send an anonymous caller to the sign-in page instead.</summary>
    public static void UseJobsDashboardGate(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (!http.Request.Path.StartsWithSegments(Path))
        {
            await next(http);
            return;
        }
        // A dashboard command's refusal (403 here or Hangfire's for a missing antiforgery token, 401 when
        // read-only) stays bare: re-executed as a POST, the status page would ask for its own token (400).
        if (!HttpMethods.IsGet(http.Request.Method) && http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages)
            pages.Enabled = false;
        if (!MayRead(http.User))
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }
        await next(http);
    });

    public static void MapJobsDashboard(this IEndpointRouteBuilder endpoints) => endpoints.MapHangfireDashboard(Path, new DashboardOptions
    {
        Authorization = [new Access()],
        IsReadOnlyFunc = context => !context.GetHttpContext().User.IsInRole(Roles.Admin),
        IgnoreAntiforgeryToken = false,
        AppPath = "/Admin/Jobs",
        DashboardTitle = "PlanTracker · Hangfire",
        DisplayStorageConnectionString = false,
    });

    /// <summary>The same rule inside the dashboard, should it ever be reached another way.</summary>
    private sealed class Access : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => MayRead(context.GetHttpContext().User);
    }
}
