using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PlanTracker.Tests.Infrastructure;
using PlanTracker.Web.Hosting;

namespace PlanTracker.Tests.Jobs;

/// <summary>
/// Each app keeps its own Hangfire storage and job activator. Hangfire's defaults are the process-wide
/// JobStorage.Current and JobActivator.Current, which the last app to configure itself sets; with two apps
/// in one process (the test run), an app that resolved its storage just after another configured itself
/// triggered its dashboard commands into the other's database (an intermittent CI failure).
/// </summary>
public sealed class JobStoragePerAppTests
{
    [Fact]
    public async Task Should_keep_its_own_storage_and_activator_when_another_app_configures_hangfire_in_between()
    {
        await using var first = Services(await TestDatabases.CreateAsync(seeded: false));
        await using var second = Services(await TestDatabases.CreateAsync(seeded: false));

        // The first app configures Hangfire, then the second one does before the first resolves its storage:
        // the interleaving two apps starting at once can produce.
        first.GetRequiredService<IGlobalConfiguration>();
        second.GetRequiredService<IGlobalConfiguration>();
        var firstStorage = first.GetRequiredService<JobStorage>();
        var firstActivator = first.GetRequiredService<JobActivator>();

        Assert.NotSame(second.GetRequiredService<JobStorage>(), firstStorage);
        Assert.NotSame(second.GetRequiredService<JobActivator>(), firstActivator);
        Assert.Same(firstStorage, first.GetRequiredService<JobStorage>());
    }

    private static ServiceProvider Services(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPlanTrackerJobs(connectionString, new ConfigurationBuilder().Build(), runsScheduler: false);
        return services.BuildServiceProvider();
    }
}
