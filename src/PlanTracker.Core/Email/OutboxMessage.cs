namespace PlanTracker.Core.Email;

public enum OutboxState { Pending, Sent, Dead }

/// <summary>One e-mail waiting in (or delivered from) the outbox, with a stable Message-ID.</summary>
public sealed class OutboxMessage
{
    private OutboxMessage() { }

    public OutboxMessage(string kind, string toAddress, long? userId, string subject, string textBody, string? htmlBody, DateTimeOffset createdAt)
    {
        Kind = kind;
        ToAddress = toAddress;
        UserId = userId;
        Subject = subject;
        TextBody = textBody;
        HtmlBody = htmlBody;
        CreatedAt = createdAt;
        NextAttemptAt = createdAt;
        MessageId = $"<{Guid.NewGuid():N}@plantracker>";
    }

    public long Id { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string Kind { get; private set; } = "";
    public string ToAddress { get; private set; } = "";
    public long? UserId { get; private set; }
    public string Subject { get; private set; } = "";
    public string TextBody { get; private set; } = "";
    public string? HtmlBody { get; private set; }
    public string MessageId { get; private set; } = "";
    public OutboxState State { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
}
