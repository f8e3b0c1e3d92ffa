namespace PlanTracker.Core.Domain;

/// <summary>One report of progress on a task; a coordinating agency's contribution changes no status.</summary>
public sealed class ProgressUpdate
{
    private ProgressUpdate() { }

    public ProgressUpdate(long taskId, long agencyId, string agencyName, long? userId, bool isContribution,
        PlanTaskStatus? status, int? percentComplete, string note, DateTimeOffset recordedAt)
    {
        TaskId = taskId;
        AgencyId = agencyId;
        AgencyName = agencyName;
        UserId = userId;
        IsContribution = isContribution;
        Status = status;
        PercentComplete = percentComplete;
        Note = note;
        RecordedAt = recordedAt;
    }

    public long Id { get; private set; }
    public long TaskId { get; private set; }
    public long AgencyId { get; private set; }
    /// <summary>The agency's name when this was written; renames and mergers do not rewrite history.</summary>
    public string AgencyName { get; private set; } = "";
    public long? UserId { get; private set; }
    public bool IsContribution { get; private set; }
    public PlanTaskStatus? Status { get; private set; }
    public int? PercentComplete { get; private set; }
    public string Note { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }
}

public enum ExtensionState { Pending, Approved, Rejected }

/// <summary>The lead agency asks for a new deadline (đề nghị gia hạn); the secretariat decides.</summary>
public sealed class ExtensionRequest : Common.IVersioned
{
    private ExtensionRequest() { }

    public ExtensionRequest(long taskId, DateOnly? originalDueOn, DateOnly requestedDueOn, string reason, long requestedByUserId, DateTimeOffset requestedAt)
    {
        TaskId = taskId;
        OriginalDueOn = originalDueOn;
        RequestedDueOn = requestedDueOn;
        Reason = reason;
        RequestedByUserId = requestedByUserId;
        RequestedAt = requestedAt;
    }

    public long Id { get; private set; }
    public long TaskId { get; private set; }
    public DateOnly? OriginalDueOn { get; private set; }
    public DateOnly RequestedDueOn { get; private set; }
    public string Reason { get; private set; } = "";
    public ExtensionState State { get; private set; }
    public long RequestedByUserId { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public long? DecidedByUserId { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecisionComment { get; private set; }
    /// <summary>Raised by the decision (decision 0014): of two simultaneous decisions only one is saved.</summary>
    public int Version { get; private set; }

    public void Decide(bool approve, string? comment, long userId, DateTimeOffset at)
    {
        if (State != ExtensionState.Pending)
            throw new Common.RuleViolationException("state", Common.Wording.Pick("Đề nghị này đã được quyết định.", $"This request was already {State.ToString().ToLowerInvariant()}."));
        if (!approve && string.IsNullOrWhiteSpace(comment))
            throw new Common.RuleViolationException("comment", Common.Wording.Pick("Hãy ghi lý do không chấp nhận gia hạn.", "Say why the extension is rejected."));
        State = approve ? ExtensionState.Approved : ExtensionState.Rejected;
        DecisionComment = comment;
        DecidedByUserId = userId;
        DecidedAt = at;
    }
}
