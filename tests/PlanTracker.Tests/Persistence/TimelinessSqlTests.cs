using Npgsql;
using PlanTracker.Core.Domain;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Persistence;

/// <summary>The SQL function task_timeliness and TimelinessRules.Compute must never disagree.</summary>
public sealed class TimelinessSqlTests
{
    [Fact]
    public async Task Should_agree_with_the_domain_rule_for_every_status_kind_and_date()
    {
        var today = new DateOnly(2026, 11, 22);
        DateOnly?[] dates = [null, today.AddDays(-1), today, today.AddDays(1)];
        var cases = (from status in Enum.GetValues<PlanTaskStatus>()
                     from kind in Enum.GetValues<DeadlineKind>()
                     from due in dates
                     from completed in dates
                     select (status, kind, due, completed)).ToList();

        await using var connection = new NpgsqlConnection(await TestDatabases.CreateAsync(seeded: false));
        await connection.OpenAsync();
        var disagreements = new List<string>();
        foreach (var (status, kind, due, completed) in cases)
        {
            await using var cmd = new NpgsqlCommand("SELECT task_timeliness($1, $2, $3, $4, $5)", connection);
            cmd.Parameters.AddWithValue(status.ToString());
            cmd.Parameters.AddWithValue(completed is { } c ? c : DBNull.Value);
            cmd.Parameters.AddWithValue(kind.ToString());
            cmd.Parameters.AddWithValue(due is { } d ? d : DBNull.Value);
            cmd.Parameters.AddWithValue(today);
            var sql = (string)(await cmd.ExecuteScalarAsync())!;
            var ongoing = Deadline.IsOngoingKind(kind);
            var domain = TimelinessRules.Compute(status, completed, ongoing ? null : due, ongoing, today).ToString();
            if (sql != domain) disagreements.Add($"{status}/{kind}/due {due}/done {completed}: SQL {sql}, C# {domain}");
        }

        Assert.Empty(disagreements);
        Assert.Equal(5 * 14 * 16, cases.Count);
    }
}
