using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Audit;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Digests;

/// <summary>
/// The link at the foot of every digest. Works without signing in: the signed token names the
/// user. Reading it (<see cref="Query"/>) changes nothing, since mail scanners open links; only
/// the confirmation (<see cref="Command"/>) turns that user's digest off, and nothing else.
/// </summary>
public static class Unsubscribe
{
    public const string Purpose = "digest-unsubscribe";

    public sealed record Query(string? Token) : IRequest<Result>;

    public sealed record Command(string? Token) : IRequest<Result>;

    public sealed record Result(string Email, DigestFrequency Frequency);

    /// <summary>The path (with its token) that a mail links to; the page opens in the reader's language even when signed out.</summary>
    public static async Task<string> PathForAsync(SignedTokens tokens, long userId, CancellationToken ct, string? culture = null) =>
        $"Unsubscribe?token={Uri.EscapeDataString(await tokens.IssueAsync(Purpose, userId, ct))}"
        + (culture?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true ? "&culture=en-US" : "");

    public sealed class QueryHandler(PlanTrackerDbContext db, SignedTokens tokens, DigestOptions options) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query q, CancellationToken ct)
        {
            var userId = await UserOf(tokens, q.Token, ct);
            var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
                .Select(u => new { u.Email, Frequency = db.DigestPreferences.Where(p => p.UserId == u.Id).Select(p => (DigestFrequency?)p.Frequency).FirstOrDefault() })
                .SingleOrDefaultAsync(ct) ?? throw NoAccount();
            return new Result(user.Email ?? "", user.Frequency ?? options.DefaultFrequency);
        }
    }

    public sealed class Handler(PlanTrackerDbContext db, SignedTokens tokens, TimeProvider time) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command c, CancellationToken ct)
        {
            var userId = await UserOf(tokens, c.Token, ct);
            var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(ct) ?? throw NoAccount();
            var now = time.GetUtcNow();
            var preference = await db.DigestPreferences.SingleOrDefaultAsync(p => p.UserId == userId, ct);
            if (preference is null) db.DigestPreferences.Add(new DigestPreference(userId, DigestFrequency.None, null, null, now));
            else if (preference.Frequency != DigestFrequency.None) preference.TurnOff(now);
            else return new Result(email, DigestFrequency.None);
            db.Record(now, userId, "digest.unsubscribed", nameof(AppUser), userId, null, new { Frequency = DigestFrequency.None, Via = "signed link" });
            await db.SaveChangesAsync(ct);
            return new Result(email, DigestFrequency.None);
        }
    }

    private static async Task<long> UserOf(SignedTokens tokens, string? token, CancellationToken ct) =>
        await tokens.VerifyAsync(Purpose, token, ct)
        ?? throw new RuleViolationException("token", "This unsubscribe link is not valid: it is incomplete or was altered. Nothing was changed.");

    private static RuleViolationException NoAccount() =>
        new("token", "This unsubscribe link belongs to an account that no longer exists. Nothing was changed.");
}
