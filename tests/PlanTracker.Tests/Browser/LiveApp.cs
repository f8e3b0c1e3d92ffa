using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Browser;

/// <summary>
/// The real app served by Kestrel on a free 127.0.0.1 port (its own seeded database, the fixed
/// clock of <see cref="AppFactory"/>), and Debian's Chromium driven by Playwright. Playwright's
/// own browser download is never used: the machine's /usr/bin/chromium is (test.sh installs it).
/// </summary>
public sealed class LiveApp : AppFactory, IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";
    private IPlaywright? _playwright;
    private readonly ConcurrentQueue<string> _policyViolations = new();

    /// <summary>What Chromium refused under the Content-Security-Policy on any page of any signed-in context (its console says so).</summary>
    public IReadOnlyCollection<string> PolicyViolations => _policyViolations;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    public string Screenshots { get; } = Path.Combine(RepoPaths.Root, "TestResults", "screenshots");

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        if (!File.Exists(Chromium)) throw new InvalidOperationException($"{Chromium} is missing: apt-get install chromium (./test.sh does it).");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--disable-dev-shm-usage"],
        });
        Directory.CreateDirectory(Screenshots);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await DisposeAsync();
    }

    /// <summary>A fresh browser context (its own cookies) signed in through the login page.</summary>
    public async Task<IPage> SignInAsync(string email, int width = 1366, int height = 768)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl, ViewportSize = new ViewportSize { Width = width, Height = height }, AcceptDownloads = true, Locale = "vi-VN",
        });
        context.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) _policyViolations.Enqueue($"{message.Location}: {message.Text}");
        };
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("input[name=Email]", email);
        await page.FillAsync("input[name=Password]", TestDatabases.DemoPassword);
        await page.ClickAsync("form button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase));
        return page;
    }

    public Task ShotAsync(IPage page, string name, bool fullPage = true) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = fullPage });
}
