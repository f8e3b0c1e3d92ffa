using Microsoft.Extensions.DependencyInjection;
using PlanTracker.Core.Common;

namespace PlanTracker.Benchmarks.Infrastructure;

/// <summary>
/// The app's services as one signed-in user sees them on the dataset's day: handlers that read
/// the current user (AccessContext) and today (ProvinceClock) answer as they would in a request
/// from that user at 10:00 in Hà Nội on <paramref name="today"/>. Each scope is one request.
/// </summary>
public static class SignedInServices
{
    public static ServiceProvider For(BenchDatabase database, long userId, string role, DateOnly today) =>
        database.Services(services =>
        {
            services.AddSingleton<TimeProvider>(new FixedTime(new DateTimeOffset(today.ToDateTime(new TimeOnly(3, 0)), TimeSpan.Zero)));
            services.AddScoped<ICurrentUser>(_ => new BenchUser(userId, role));
        });

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class BenchUser(long id, string role) : ICurrentUser
    {
        public long? UserId => id;
        public bool IsAuthenticated => true;
        public bool IsInRole(string r) => r == role;
    }
}
