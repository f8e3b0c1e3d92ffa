using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Email;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Notifications;

/// <summary>
/// Queues one job run's mails. Every item told to a person is logged under (job, as-of date,
/// person, item) with the outbox row, in the run's transaction; items already logged are left
/// out, and a mail left with nothing new is not written at all. That makes a second run for the
/// same date a no-op.
/// </summary>
public sealed class JobMailer
{
    private readonly PlanTrackerDbContext _db;
    private readonly HashSet<(long UserId, string Item)> _told;
    private readonly DateTimeOffset _now;

    private JobMailer(PlanTrackerDbContext db, string job, DateOnly asOf, HashSet<(long, string)> told, DateTimeOffset now)
    {
        _db = db;
        Job = job;
        AsOf = asOf;
        _told = told;
        _now = now;
    }

    public string Job { get; }
    public DateOnly AsOf { get; }
    public int Mails { get; private set; }
    public int Items { get; private set; }

    public static async Task<JobMailer> OpenAsync(PlanTrackerDbContext db, string job, DateOnly asOf, TimeProvider time, CancellationToken ct)
    {
        var told = await db.NotificationLog.Where(n => n.Job == job && n.AsOf == asOf).Select(n => new { n.UserId, n.Item }).ToListAsync(ct);
        return new JobMailer(db, job, asOf, told.Select(n => (n.UserId, n.Item)).ToHashSet(), time.GetUtcNow());
    }

    /// <summary>The items not yet told to this person for this run's date.</summary>
    public List<T> Fresh<T>(Recipient to, IEnumerable<T> items, Func<T, string> key) =>
        items.Where(i => !_told.Contains((to.Id, key(i)))).ToList();

    /// <summary>Writes the mail and logs its items; <paramref name="compose"/> fills the body and returns the subject.</summary>
    public OutboxMessage Queue(Recipient to, IReadOnlyCollection<string> items, Func<MailComposer, string> compose)
    {
        var mail = new MailComposer(to.Culture);
        var subject = compose(mail);
        var (text, html) = mail.Build();
        var message = new OutboxMessage(Job, to.Email, to.Id, subject, text, html, _now);
        foreach (var attachment in mail.Attachments) message.Attach(attachment.FileName, attachment.ContentType, attachment.Content);
        _db.OutboxMessages.Add(message);
        foreach (var item in items)
        {
            var log = new NotificationLog(Job, AsOf, to.Id, item);
            log.SentIn(message);
            _db.NotificationLog.Add(log);
            _told.Add((to.Id, item));
        }
        Mails++;
        Items += items.Count;
        return message;
    }

    public MailRunResult Result => new(Mails, Items);
}

/// <summary>What a mail job's run did, as the Jobs page shows it; <see cref="People"/> when a mail has several recipients.</summary>
public sealed record MailRunResult(int Mails, int Items, int? People = null)
{
    public override string ToString() =>
        People is { } people && people != Mails ? $"{Mails} mail(s) to {people} people, {Items} item(s)" : $"{Mails} mail(s), {Items} item(s)";
}
