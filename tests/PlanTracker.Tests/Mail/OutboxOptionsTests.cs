using Microsoft.Extensions.Configuration;
using PlanTracker.Core.Features.Mail;

namespace PlanTracker.Tests.Mail;

/// <summary>The outbox back-off as Program.cs reads it from configuration (Outbox__Backoff__N).</summary>
public sealed class OutboxOptionsTests
{
    [Fact]
    public void Should_use_the_configured_back_off_instead_of_appending_it_to_the_default()
    {
        var options = Bind(new() { ["Outbox:Backoff:0"] = "00:00:01", ["Outbox:Backoff:1"] = "00:00:03" });

        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3)],
            new[] { 1, 2, 7 }.Select(options.WaitAfter));
    }

    [Fact]
    public void Should_wait_30_seconds_then_longer_when_nothing_is_configured()
    {
        var options = Bind(new() { ["Outbox:MaxAttempts"] = "5" });

        Assert.Equal([TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromHours(2)], new[] { 1, 2, 9 }.Select(options.WaitAfter));
    }

    private static OutboxOptions Bind(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("Outbox").Get<OutboxOptions>()!;
}
