using MimeKit;

namespace PlanTracker.Core.Email;

/// <summary>
/// SMTP through MailKit when a host is configured (<see cref="MailKitSession"/>: one connection per batch),
/// otherwise a pickup folder of .eml files written by MimeKit.
/// </summary>
public sealed class MailKitTransport(MailOptions options) : IMailTransport
{
    public async Task<IMailSession> OpenSessionAsync(CancellationToken ct) =>
        options.Smtp.Host is { Length: > 0 } ? await MailKitSession.OpenAsync(options, ct) : new PickupSession(options);

    private sealed class PickupSession(MailOptions options) : IMailSession
    {
        public async Task<IReadOnlyList<string>> SendAsync(MailMessageData data, CancellationToken ct)
        {
            using var message = MimeMessages.Compose(data, options);
            // 7-bit transfer encodings, as a relay that picks the file up may not speak 8BITMIME.
            message.Prepare(EncodingConstraint.SevenBit);
            var folder = Path.GetFullPath(options.PickupDirectory);
            Directory.CreateDirectory(folder);
            // Named as System.Net.Mail named them (a GUID and .eml); written aside and moved, so that whatever
            // watches the folder never picks up half a message.
            var path = Path.Combine(folder, Guid.NewGuid() + ".eml");
            await message.WriteToAsync(path + ".part", ct);
            File.Move(path + ".part", path);
            return [];
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
