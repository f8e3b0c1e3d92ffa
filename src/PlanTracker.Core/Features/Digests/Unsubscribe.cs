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
/// The token is bound to the preference it changes (decision 0016): it carries the preference's
/// version (<see cref="Stamp"/>) when the mail was sent, and once the user has chosen again (turned the
/// digest back on, changed its day) a link from an older mail changes nothing. A link whose digest is
/// already off says so, as it did before, however old.
/// </summary>
public static class Unsubscribe
{
    public const string Purpose = "digest-unsubscribe";

    public sealed record Query(string? Token) : IRequest<Result>;

    public sealed record Command(string? Token) : IRequest<Result>;

    /// <param name="Stale">The link is older than the user's latest choice: nothing was (or would be) changed.</param>
    public sealed record Result(string Email, DigestFrequency Frequency, bool Stale = false);

    /// <summary>The preference's version: when it was last set, in milliseconds (what the database keeps exactly); 0 without a row.</summary>
    public static long Stamp(DateTimeOffset? updatedAt) => updatedAt?.ToUnixTimeMilliseconds() ?? 0;

    /// <summary>The path (with its token) that a mail links to; the page opens in the reader's language even when signed out.</summary>
    /// <param name="stamp">The <see cref="Stamp"/> of the user's preference as the mail was composed.</param>
    public static async Task<string> PathForAsync(SignedTokens tokens, long userId, long stamp, CancellationToken ct, string? culture = null) =>
        $"Unsubscribe?token={Uri.EscapeDataString(await tokens.IssueAsync(Purpose, userId, stamp, ct))}"
        + (culture?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true ? "&culture=en-US" : "");

    /// <summary>The link for the user's preference as it stands now.</summary>
    public static async Task<string> PathForAsync(PlanTrackerDbContext db, SignedTokens tokens, long userId, CancellationToken ct, string? culture = null)
    {
        var updatedAt = await db.DigestPreferences.Where(p => p.UserId == userId).Select(p => (DateTimeOffset?)p.UpdatedAt).SingleOrDefaultAsync(ct);
        return await PathForAsync(tokens, userId, Stamp(updatedAt), ct, culture);
    }

    public sealed class QueryHandler(PlanTrackerDbContext db, SignedTokens tokens, DigestOptions options) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query q, CancellationToken ct)
        {
            var (userId, stamp) = await UserOf(tokens, q.Token, ct);
            var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
                .Select(u => new { u.Email, Preference = db.DigestPreferences.Where(p => p.UserId == u.Id).Select(p => new { p.Frequency, p.UpdatedAt }).FirstOrDefault() })
                .SingleOrDefaultAsync(ct) ?? throw NoAccount();
            var frequency = user.Preference?.Frequency ?? options.DefaultFrequency;
            return new Result(user.Email ?? "", frequency, Stale: frequency != DigestFrequency.None && stamp != Stamp(user.Preference?.UpdatedAt));
        }
    }

    public sealed class Handler(PlanTrackerDbContext db, SignedTokens tokens, DigestOptions options, TimeProvider time) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command c, CancellationToken ct)
        {
            var (userId, stamp) = await UserOf(tokens, c.Token, ct);
            var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(ct) ?? throw NoAccount();
            var now = time.GetUtcNow();
            var preference = await db.DigestPreferences.SingleOrDefaultAsync(p => p.UserId == userId, ct);
            // Chosen again since the mail was sent: the newer choice stands (a forwarded or leaked old mail cannot undo it).
            if (preference?.Frequency != DigestFrequency.None && stamp != Stamp(preference?.UpdatedAt))
                return new Result(email, preference?.Frequency ?? options.DefaultFrequency, Stale: true);
            if (preference is null) db.DigestPreferences.Add(new DigestPreference(userId, DigestFrequency.None, null, null, now));
            else if (preference.Frequency != DigestFrequency.None) preference.TurnOff(now);
            else return new Result(email, DigestFrequency.None);
            db.Record(now, userId, "digest.unsubscribed", nameof(AppUser), userId, null, new { Frequency = DigestFrequency.None, Via = "signed link" });
            await db.SaveChangesAsync(ct);
            return new Result(email, DigestFrequency.None);
        }
    }

    private static async Task<(long UserId, long Stamp)> UserOf(SignedTokens tokens, string? token, CancellationToken ct) =>
        await tokens.VerifyStampedAsync(Purpose, token, ct)
        ?? throw new RuleViolationException("token", Wording.Pick("Đường dẫn hủy đăng ký không hợp lệ: đường dẫn không đầy đủ hoặc đã bị sửa. Không có gì thay đổi.", "This unsubscribe link is not valid: it is incomplete or was altered. Nothing was changed."));

    private static RuleViolationException NoAccount() =>
        new("token", "This unsubscribe link belongs to an account that no longer exists. Nothing was changed.");
}
