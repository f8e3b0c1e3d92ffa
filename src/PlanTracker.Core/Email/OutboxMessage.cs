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
        // Built from what users typed (a plan's title): one line, whatever they typed, so the mail can be sent.
        Subject = MailHeaders.OneLine(subject);
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
    /// <summary>The recipient's province, set by the database when queued (migration 0023); who of the secretariat may read it.</summary>
    public long? ProvinceId { get; private set; }
    public string Subject { get; private set; } = "";
    /// <summary>Null when the mail is queued as <see cref="Template"/> and <see cref="Model"/>: see <see cref="MailTemplates"/>.</summary>
    public string? TextBody { get; private set; }
    public string? HtmlBody { get; private set; }
    public string? Template { get; private set; }
    /// <summary>The template's model as JSON (jsonb), frozen when the mail was queued.</summary>
    public string? Model { get; private set; }
    public string MessageId { get; private set; } = "";
    public OutboxState State { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public List<OutboxAttachment> Attachments { get; private set; } = [];

    public void Attach(string fileName, string contentType, byte[] content) => Attachments.Add(new OutboxAttachment(fileName, contentType, content));
}

/// <summary>A file that travels with an outbox message, stored with it so a queued mail is complete on its own.</summary>
public sealed class OutboxAttachment
{
    private OutboxAttachment() { }

    public OutboxAttachment(string fileName, string contentType, byte[] content)
    {
        FileName = fileName;
        ContentType = contentType;
        Content = content;
    }

    public long Id { get; private set; }
    public long OutboxMessageId { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public byte[] Content { get; private set; } = [];
}
