using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using PlanTracker.Core.Email;

namespace PlanTracker.Web.Hosting;

/// <summary>
/// The address links in mails start with. <c>Mail__PublicUrl</c> when it is set (behind a proxy it must be);
/// otherwise the address the server was started on (<c>--urls</c>, <c>Urls</c>), read from the bound
/// addresses once it listens — never from a request's Host header, which a client chooses.
/// </summary>
public static class PublicAddress
{
    public static void FollowServer(WebApplication app)
    {
        if (!string.IsNullOrWhiteSpace(app.Configuration["Mail:PublicUrl"])) return;
        var mail = app.Services.GetRequiredService<MailOptions>();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
            if (addresses is not null && From(addresses, Dns.GetHostName()) is { } url) mail.PublicUrl = url;
        });
    }

    /// <summary>HTTPS before HTTP; a wildcard host (0.0.0.0, [::], *, +) becomes the machine's name, the one others can reach.</summary>
    public static string? From(IEnumerable<string> addresses, string machine)
    {
        var uris = addresses.Select(a => Uri.TryCreate(a.Replace("://+", "://wildcard").Replace("://*", "://wildcard"), UriKind.Absolute, out var u) ? u : null)
            .OfType<Uri>().Where(u => u.Scheme is "http" or "https").OrderBy(u => u.Scheme == "https" ? 0 : 1).ToList();
        if (uris.FirstOrDefault() is not { } first) return null;
        var host = first.Host is "wildcard" or "0.0.0.0" or "[::]" or "::" ? machine : first.Host;
        return new UriBuilder(first.Scheme, host, first.Port).Uri.GetLeftPart(UriPartial.Authority);
    }
}
