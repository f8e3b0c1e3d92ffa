using Microsoft.Extensions.Configuration;
using PlanTracker.Core.Features.Escalations;
using PlanTracker.Core.Features.Mail;
using PlanTracker.Core.Features.Reminders;
using PlanTracker.Web.Hosting;

namespace PlanTracker.Tests.Mail;

/// <summary>Options as Program.cs reads them from configuration: a configured array (Outbox__Backoff__N) replaces the default.</summary>
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

    [Fact]
    public void Should_remind_on_the_configured_days_only()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            { ["Reminders:DaysBefore:0"] = "10", ["Reminders:DaysBefore:1"] = "2" }).Build();

        Assert.Equal([10, 2], Settings.Read<ReminderOptions>(configuration, "Reminders").DaysBefore);
        Assert.Equal([1, 7, 30], Settings.Read<EscalationOptions>(configuration, "Escalations").DaysOverdue); // unconfigured: the default
    }

    private static OutboxOptions Bind(Dictionary<string, string?> values) =>
        Settings.Read<OutboxOptions>(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), "Outbox");
}
