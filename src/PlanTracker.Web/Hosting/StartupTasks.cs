using PlanTracker.Core.Features.Dashboard;
using PlanTracker.Core.Persistence;
using PlanTracker.Core.Seeding;

namespace PlanTracker.Web.Hosting;

public sealed class SeedOptions
{
    public string? Directory { get; set; }
    public bool Load { get; set; } = true;
    /// <summary>Demo accounts exist only in the embedded default unless asked for.</summary>
    public bool? DemoUsers { get; set; }
    public string DemoPassword { get; set; } = "Demo@2026";

    public string ResolveDirectory() => Directory ?? Path.Combine(AppContext.BaseDirectory, "seed-data");
}

/// <summary>Schema, then seed data, before the app takes requests or starts its scheduler.</summary>
public static class StartupTasks
{
    /// <returns>The demo accounts that were loaded, to be printed once the app listens.</returns>
    public static async Task<IReadOnlyList<DemoUserSeed>> PrepareDatabaseAsync(this WebApplication app, bool embedded)
    {
        await app.Services.GetRequiredService<SchemaMigrator>().MigrateAsync();
        await using (var dashboard = app.Services.CreateAsyncScope())
        {
            // The dashboard's stored at-risk days follow the configured margin (Dashboard__AtRiskMargin).
            await RollDashboardCounts.SetMarginAsync(dashboard.ServiceProvider.GetRequiredService<PlanTrackerDbContext>(),
                app.Services.GetRequiredService<DashboardOptions>().AtRiskMargin, CancellationToken.None);
        }
        var options = app.Configuration.GetSection("Seed").Get<SeedOptions>() ?? new SeedOptions();
        if (!options.Load) return [];
        // Reading validates every file first: a bad file stops start-up before anything is written.
        var seed = SeedReader.Read(options.ResolveDirectory());
        var withDemoUsers = options.DemoUsers ?? embedded;
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SeedLoader>().LoadAsync(seed, withDemoUsers, options.DemoPassword);
        // The demo accounts' work inside their agency (decision 0028): an assigned task and a report to approve.
        if (withDemoUsers) await scope.ServiceProvider.GetRequiredService<DemoAgencyWork>().LoadAsync();
        return withDemoUsers ? seed.DemoUsers : [];
    }

    public static void PrintWelcome(this WebApplication app, bool embedded, IReadOnlyList<DemoUserSeed> demoUsers)
    {
        Console.WriteLine();
        Console.WriteLine($"PlanTracker is listening on {string.Join(", ", app.Urls)}");
        if (embedded) Console.WriteLine("Database: embedded PostgreSQL (set ConnectionStrings__PlanTracker to use your own server).");
        if (demoUsers.Count > 0)
        {
            var password = (app.Configuration.GetSection("Seed").Get<SeedOptions>() ?? new SeedOptions()).DemoPassword;
            Console.WriteLine($"Demo accounts (password: {password}):");
            foreach (var user in demoUsers) Console.WriteLine($"  {user.Role,-15} {user.Email}");
        }
        Console.WriteLine();
    }
}
