using Microsoft.AspNetCore.Localization;

namespace PlanTracker.Web.Hosting;

/// <summary>Accept-Language, but only for /api: a browser's own language must not override the Vietnamese default.</summary>
public sealed class ApiAcceptLanguageProvider : RequestCultureProvider
{
    private readonly AcceptLanguageHeaderRequestCultureProvider _inner = new();

    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/api") ? _inner.DetermineProviderCultureResult(http) : NullProviderCultureResult;
}
