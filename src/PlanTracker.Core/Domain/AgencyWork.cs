using PlanTracker.Core.Common;

namespace PlanTracker.Core.Domain;

/// <summary>What an agency's head decides for the agency (decision 0028). No row: progress publishes directly.</summary>
public sealed class AgencySettings : IVersioned
{
    private AgencySettings() { }
    public AgencySettings(long agencyId) => AgencyId = agencyId;

    public long AgencyId { get; private set; }
    /// <summary>An officer's progress waits for the head (or a deputy) before it becomes the agency's progress.</summary>
    public bool ProgressNeedsApproval { get; private set; }
    public int Version { get; private set; }
    public long? UpdatedByUserId { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public void Change(bool progressNeedsApproval, long userId, DateTimeOffset at)
    {
        ProgressNeedsApproval = progressNeedsApproval;
        UpdatedByUserId = userId;
        UpdatedAt = at;
    }
}

/// <summary>Someone the head names to assign tasks and approve progress in the head's place.</summary>
public sealed class AgencyDeputy
{
    private AgencyDeputy() { }
    public AgencyDeputy(long agencyId, long userId) { AgencyId = agencyId; UserId = userId; }
    public long AgencyId { get; private set; }
    public long UserId { get; private set; }
}

/// <summary>A task handed to one officer of the agency (giao việc), with a due date and the head's directions.</summary>
public sealed class TaskAssignment : IVersioned
{
    private TaskAssignment() { }

    public TaskAssignment(long taskId, long agencyId, long assigneeUserId) { TaskId = taskId; AgencyId = agencyId; AssigneeUserId = assigneeUserId; }

    public long Id { get; private set; }
    public long TaskId { get; private set; }
    public long AgencyId { get; private set; }
    public long AssigneeUserId { get; private set; }
    public DateOnly DueOn { get; private set; }
    public string Directions { get; private set; } = "";
    public long AssignedByUserId { get; private set; }
    /// <summary>The name of who assigned it, as it was then.</summary>
    public string AssignedByName { get; private set; } = "";
    public DateTimeOffset AssignedAt { get; private set; }
    public int Version { get; private set; }

    public void Give(DateOnly dueOn, string directions, long byUserId, string byName, DateTimeOffset at)
    {
        DueOn = dueOn;
        Directions = directions;
        AssignedByUserId = byUserId;
        AssignedByName = byName;
        AssignedAt = at;
    }
}

public enum SubmissionState { Pending, Approved, Returned }

/// <summary>An officer's progress report waiting for the head's approval (or returned with a comment).</summary>
public sealed class ProgressSubmission : IVersioned
{
    private ProgressSubmission() { }

    public ProgressSubmission(long taskId, long agencyId, long userId, string userName, DateTimeOffset at, PlanTaskStatus status,
        int percentComplete, string note, DateOnly? completedOn, string targetActuals)
    {
        TaskId = taskId;
        AgencyId = agencyId;
        SubmittedByUserId = userId;
        SubmittedByName = userName;
        SubmittedAt = at;
        Status = status;
        PercentComplete = percentComplete;
        Note = note;
        CompletedOn = completedOn;
        TargetActuals = targetActuals;
    }

    public long Id { get; private set; }
    public long TaskId { get; private set; }
    public long AgencyId { get; private set; }
    public long SubmittedByUserId { get; private set; }
    public string SubmittedByName { get; private set; } = "";
    public DateTimeOffset SubmittedAt { get; private set; }
    public PlanTaskStatus Status { get; private set; }
    public int PercentComplete { get; private set; }
    public string Note { get; private set; } = "";
    public DateOnly? CompletedOn { get; private set; }
    /// <summary>The target actuals as the officer entered them (JSON), applied only on approval.</summary>
    public string TargetActuals { get; private set; } = "[]";
    public SubmissionState State { get; private set; }
    public long? DecidedByUserId { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecisionComment { get; private set; }
    public long? ProgressUpdateId { get; private set; }
    public int Version { get; private set; }

    public void Decide(bool approve, string? comment, long userId, DateTimeOffset at, long? progressUpdateId)
    {
        if (State != SubmissionState.Pending)
            throw new RuleViolationException("submissionId", Wording.Pick("Báo cáo tiến độ này đã được xử lý.", "This progress report was already decided."));
        if (!approve && string.IsNullOrWhiteSpace(comment))
            throw new RuleViolationException("comment", Wording.Pick("Hãy ghi ý kiến khi trả lại báo cáo tiến độ.", "Say why the progress report is returned."));
        State = approve ? SubmissionState.Approved : SubmissionState.Returned;
        DecisionComment = string.IsNullOrWhiteSpace(comment) ? null : comment;
        DecidedByUserId = userId;
        DecidedAt = at;
        ProgressUpdateId = progressUpdateId;
    }
}

/// <summary>A message in a task's thread among its lead, coordinating agencies and the secretariat.</summary>
public sealed class TaskComment
{
    private TaskComment() { }

    public TaskComment(long taskId, long userId, string authorName, string? agencyName, string body, DateTimeOffset at)
    {
        TaskId = taskId; UserId = userId; AuthorName = authorName; AgencyName = agencyName; Body = body; CreatedAt = at;
    }

    public long Id { get; private set; }
    public long TaskId { get; private set; }
    public long UserId { get; private set; }
    public string AuthorName { get; private set; } = "";
    public string? AgencyName { get; private set; }
    public string Body { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
}

public enum NotificationKind { Assigned, ProgressSubmitted, ProgressApproved, ProgressReturned, Mentioned, AssignmentDue }

/// <summary>One line of a user's bell; worded when read, in the reader's language.</summary>
public sealed class Notification
{
    private Notification() { }

    public Notification(long userId, NotificationKind kind, long taskId, string taskCode, string actorName, string? excerpt, DateTimeOffset at)
    {
        UserId = userId; Kind = kind; TaskId = taskId; TaskCode = taskCode; ActorName = actorName;
        Excerpt = excerpt is { Length: > 200 } ? excerpt[..200] + "…" : excerpt;
        CreatedAt = at;
    }

    public long Id { get; private set; }
    public long UserId { get; private set; }
    public NotificationKind Kind { get; private set; }
    public long? TaskId { get; private set; }
    public string TaskCode { get; private set; } = "";
    public string ActorName { get; private set; } = "";
    public string? Excerpt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }

    public void MarkRead(DateTimeOffset at) => ReadAt ??= at;
}
