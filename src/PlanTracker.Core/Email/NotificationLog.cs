namespace PlanTracker.Core.Email;

/// <summary>One item told to one person by one job run: the key that makes a re-run a no-op.</summary>
public sealed class NotificationLog
{
    private NotificationLog() { }

    public NotificationLog(string job, DateOnly asOf, long userId, string item)
    {
        Job = job;
        AsOf = asOf;
        UserId = userId;
        Item = item;
    }

    public string Job { get; private set; } = "";
    public DateOnly AsOf { get; private set; }
    public long UserId { get; private set; }
    public string Item { get; private set; } = "";
    public OutboxMessage? OutboxMessage { get; private set; }
    public long? OutboxMessageId { get; private set; }

    public void SentIn(OutboxMessage message) => OutboxMessage = message;
}
