using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace PlanTracker.Core.Common;

/// <summary>
/// Tokens for links that act without signing in (the digest's unsubscribe link):
/// "userId.HMAC-SHA256(key, purpose:userId)" in base64url. The key is made once, by the first node
/// that needs it, and kept in <c>signing_keys</c>, so every node signs and verifies alike and a
/// restart invalidates nothing. A token names one user and one purpose and cannot be turned into another.
/// A stamped token ("userId.stamp.HMAC(purpose:userId:stamp)") also carries a number the caller binds it
/// to (the digest preference's version for the unsubscribe link): the caller compares it with the current one.
/// </summary>
public sealed class SignedTokens(NpgsqlDataSource dataSource)
{
    private const string KeyName = "mail-links";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private byte[]? _key;

    public async Task<string> IssueAsync(string purpose, long userId, CancellationToken ct) =>
        $"{userId}.{Base64Url(Sign(await KeyAsync(ct), purpose, userId))}";

    /// <returns>The user the token was issued for, or null when it was not issued here for this purpose.</returns>
    public async Task<long?> VerifyAsync(string purpose, string? token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Split('.') is not [var idText, var signature]
            || !long.TryParse(idText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var userId)
            || idText != userId.ToString(System.Globalization.CultureInfo.InvariantCulture)
            || FromBase64Url(signature) is not { } given)
            return null;
        var expected = Sign(await KeyAsync(ct), purpose, userId);
        return CryptographicOperations.FixedTimeEquals(expected, given) ? userId : null;
    }

    public async Task<string> IssueAsync(string purpose, long userId, long stamp, CancellationToken ct) =>
        $"{Number(userId)}.{Number(stamp)}.{Base64Url(Sign(await KeyAsync(ct), $"{purpose}:{Number(userId)}:{Number(stamp)}"))}";

    /// <returns>The user and stamp the token was issued with, or null when it was not issued here for this purpose.</returns>
    public async Task<(long UserId, long Stamp)?> VerifyStampedAsync(string purpose, string? token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Split('.') is not [var idText, var stampText, var signature]
            || ParseNumber(idText) is not { } userId || ParseNumber(stampText) is not { } stamp
            || FromBase64Url(signature) is not { } given)
            return null;
        var expected = Sign(await KeyAsync(ct), $"{purpose}:{Number(userId)}:{Number(stamp)}");
        return CryptographicOperations.FixedTimeEquals(expected, given) ? (userId, stamp) : null;
    }

    private static string Number(long n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Digits only, in their one canonical spelling: "012" is not 12, so one number has one token.</summary>
    private static long? ParseNumber(string text) =>
        long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && text == Number(n) ? n : null;

    private static byte[] Sign(byte[] key, string purpose, long userId) => Sign(key, $"{purpose}:{Number(userId)}");

    private static byte[] Sign(byte[] key, string payload) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(payload));

    private async Task<byte[]> KeyAsync(CancellationToken ct)
    {
        if (_key is { } cached) return cached;
        await _gate.WaitAsync(ct);
        try
        {
            if (_key is not null) return _key;
            // Concurrent first uses on several nodes: one insert wins and everyone reads the winner
            // (two statements, so that the read sees a row another node committed meanwhile).
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await using (var insert = new NpgsqlCommand("INSERT INTO signing_keys (name, key) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING", connection))
            {
                insert.Parameters.Add(new NpgsqlParameter { Value = KeyName });
                insert.Parameters.Add(new NpgsqlParameter { Value = RandomNumberGenerator.GetBytes(32) });
                await insert.ExecuteNonQueryAsync(ct);
            }
            await using var read = new NpgsqlCommand("SELECT key FROM signing_keys WHERE name = $1", connection);
            read.Parameters.Add(new NpgsqlParameter { Value = KeyName });
            return _key = (byte[])(await read.ExecuteScalarAsync(ct))!;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[]? FromBase64Url(string text)
    {
        if (text.Length is 0 or > 100) return null;
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - padded.Length % 4) % 4);
        try { return Convert.FromBase64String(padded); }
        catch (FormatException) { return null; }
    }
}
