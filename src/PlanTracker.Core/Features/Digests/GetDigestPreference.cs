using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Digests;

/// <summary>The signed-in user's digest preference, or the default when they have not chosen one.</summary>
public static class GetDigestPreference
{
    public sealed record Query : IRequest<Result>;

    /// <param name="Weekday">Only for a weekly digest.</param>
    /// <param name="Hour">0–23, province time (Asia/Ho_Chi_Minh); none when digests are off.</param>
    /// <param name="IsDefault">True while the user has not chosen.</param>
    public sealed record Result(DigestFrequency Frequency, DayOfWeek? Weekday, int? Hour, bool IsDefault);

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, DigestOptions options) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query q, CancellationToken ct)
        {
            var userId = access.UserId;
            var stored = await db.DigestPreferences.AsNoTracking().Where(p => p.UserId == userId)
                .Select(p => new Result(p.Frequency, p.Weekday, p.Hour, false)).SingleOrDefaultAsync(ct);
            var fallback = options.Default;
            return stored ?? new Result(fallback.Frequency, fallback.Weekday, fallback.Hour, true);
        }
    }
}
