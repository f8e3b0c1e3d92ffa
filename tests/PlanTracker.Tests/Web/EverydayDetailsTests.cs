using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Web;

/// <summary>Issue 16 item 14: a favicon, codes in natural order, and a log free of EF Core warnings.</summary>
public sealed class EverydayDetailsTests(EverydayDetailsTests.LoggedApp app) : IClassFixture<EverydayDetailsTests.LoggedApp>
{
    private const string Secretariat = "thuongtruc@plantracker.local";

    [Fact]
    public async Task Should_serve_a_favicon_of_our_own_linked_from_every_page()
    {
        var anonymous = app.CreateClient();
        var ico = await anonymous.GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.OK, ico.StatusCode);
        Assert.Equal([0, 0, 1, 0], (await ico.Content.ReadAsByteArrayAsync())[..4]); // an ICO header
        var svg = await anonymous.GetAsync("/favicon.svg");
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<svg", await svg.Content.ReadAsStringAsync());
        var page = await anonymous.GetStringAsync("/Account/Login");
        Assert.Contains("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\" />", page);
    }

    [Fact]
    public async Task Should_sort_task_codes_naturally_in_SQL_and_in_the_published_mail()
    {
        var client = await app.ClientForAsync(Secretariat);
        var agencies = await client.GetFromJsonAsync<JsonElement>("/api/v1/agencies?province=vinh-phuc");
        var lead = agencies.EnumerateArray().Single(a => a.GetProperty("key").GetString() == "vinh-phuc/so-noi-vu").GetProperty("id").GetInt64();
        var documentId = (await (await client.PostAsJsonAsync("/api/v1/documents", new
        {
            number = "77/KH-UBND", kind = "plan", issuer = "UBND tỉnh Vĩnh Phúc", issuedOn = "2026-11-02", signer = "Nguyễn Văn A", title = "Kế hoạch thứ tự mã",
        })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var planId = (await (await client.PostAsJsonAsync("/api/v1/plans", new { documentId, title = "Kế hoạch thứ tự mã" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        foreach (var code in new[] { "2#10", "2#2", "2#1", "10", "9" }) // typed out of order: the sort order is not the answer
            (await client.PostAsJsonAsync($"/api/v1/plans/{planId}/tasks", new { code, title = "Nhiệm vụ " + code, leadAgencyId = lead, deadlineText = "Năm 2027" }))
                .EnsureSuccessStatusCode();
        (await client.PostAsync($"/api/v1/plans/{planId}/publish", null)).EnsureSuccessStatusCode();

        string[] natural = ["2#1", "2#2", "2#10", "9", "10"];
        async Task<string[]> Codes(string query) =>
            (await client.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/drilldown?planId={planId}&sort=Code{query}"))
            .GetProperty("items").EnumerateArray().Select(t => t.GetProperty("code").GetString()!).ToArray();
        Assert.Equal(natural, await Codes(""));
        Assert.Equal(natural.Reverse(), await Codes("&desc=true"));
        Assert.Equal(natural, new[] { "10", "2#10", "9", "2#2", "2#1" }.Order(TaskCodeOrder.Comparer));

        var page = await (await PageClient.SignInAsync(app, Secretariat)).GetStringAsync($"/Tasks?planId={planId}&sort=Code");
        Assert.True(page.IndexOf(">2#2<", StringComparison.Ordinal) < page.IndexOf(">2#10<", StringComparison.Ordinal), "2#2 before 2#10 on the page");

        using var scope = app.Services.CreateScope();
        var mail = await scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>().OutboxMessages
            .Where(m => m.ToAddress == "canbo.noivu@plantracker.local" && m.Subject.Contains("Kế hoạch thứ tự mã")).Select(m => m.TextBody ?? "").SingleAsync();
        Assert.Equal(natural, natural.OrderBy(c => mail.IndexOf($"- {c} ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Should_log_no_EF_Core_warning_on_the_pages_each_role_opens()
    {
        var taskId = app.TaskId("vinh-phuc/kh-36a", "III.5.b");
        var planId = await Scalar(db => db.Tasks.Where(t => t.Id == taskId).Select(t => t.PlanId).SingleAsync());
        string[] pages = ["/", "/My", "/Dashboard", "/Tasks?timeliness=InProgressOverdue", "/Tasks?timeliness=InProgressOverdue&sort=Code&desc=true",
            $"/Tasks/{taskId}", $"/Tasks/{taskId}/Progress", $"/Tasks/{taskId}/Edit", $"/Plans/{planId}", "/Reports", "/Search?q=s%E1%BB%91", "/Agencies",
            "/Imports/Drafts", "/Admin/Jobs", "/Admin/Outbox", "/Admin/Users"];
        app.Logs.Clear();
        foreach (var email in new[] { Secretariat, "canbo.noivu@plantracker.local", "bcd@plantracker.local", "admin@plantracker.local" })
        {
            var client = await PageClient.SignInAsync(app, email);
            foreach (var page in pages)
                Assert.True((int)(await client.GetAsync(page)).StatusCode < 500, $"{email} {page}");
        }
        Assert.Empty(app.Logs.Where(l => l.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) && l.Level >= LogLevel.Warning)
            .Select(l => $"{l.Category}: {l.Message}"));
    }

    private async Task<T> Scalar<T>(Func<PlanTrackerDbContext, Task<T>> read)
    {
        using var scope = app.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>());
    }

    /// <summary>The app with every log entry kept, to read what a request wrote.</summary>
    public sealed class LoggedApp : AppFactory
    {
        public ConcurrentQueue<(string Category, LogLevel Level, string Message)> Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(new Capture(Logs)));
        }

        private sealed class Capture(ConcurrentQueue<(string, LogLevel, string)> logs) : ILoggerProvider
        {
            public ILogger CreateLogger(string categoryName) => new Logger(categoryName, logs);
            public void Dispose() { }
        }

        private sealed class Logger(string category, ConcurrentQueue<(string, LogLevel, string)> logs) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel)) logs.Enqueue((category, logLevel, formatter(state, exception)));
            }
        }
    }
}
