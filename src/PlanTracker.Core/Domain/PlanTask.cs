namespace PlanTracker.Core.Domain;

public enum PlanTaskStatus { NotStarted, InProgress, Done, Paused, Cancelled }

/// <summary>A task (nhiệm vụ) of a plan: a group heading or an actionable item, in the document's numbering.</summary>
public sealed class PlanTask : Common.IVersioned
{
    private readonly List<TaskCoordinatingAgency> _coordinatingAgencies = [];
    private readonly List<Target> _targets = [];

    private PlanTask() { }

    internal PlanTask(Plan plan, PlanTask? parent, string code, string title, bool isGroup, int sortOrder)
    {
        Plan = plan;
        Parent = parent;
        Code = code;
        Title = title;
        IsGroup = isGroup;
        SortOrder = sortOrder;
        Deadline = Deadline.Unspecified();
    }

    public long Id { get; private set; }
    public long PlanId { get; private set; }
    public Plan Plan { get; private set; } = null!;
    public long? ParentId { get; private set; }
    public PlanTask? Parent { get; private set; }
    public string Code { get; private set; } = "";
    public int SortOrder { get; private set; }
    public string Title { get; private set; } = "";
    public string? Description { get; private set; }
    public bool IsGroup { get; private set; }
    public long? LeadAgencyId { get; private set; }
    public Agency? LeadAgency { get; private set; }
    public string? ExpectedOutput { get; private set; }
    public Deadline Deadline { get; private set; } = null!;
    /// <summary>The due date after an approved extension; the original stays in <see cref="Deadline"/>.</summary>
    public DateOnly? ExtendedDueOn { get; private set; }
    public PlanTaskStatus Status { get; private set; }
    public int PercentComplete { get; private set; }
    public DateOnly? CompletedOn { get; private set; }
    /// <summary>Raised by every change; a save that names an older version is refused.</summary>
    public int Version { get; private set; }
    public IReadOnlyList<TaskCoordinatingAgency> CoordinatingAgencies => _coordinatingAgencies;
    /// <summary>Shadow property: the first day the task is at risk, kept by a database trigger (migration 0017).</summary>
    public const string AtRiskFromColumn = "AtRiskFrom";
    /// <summary>Shadow properties: how many of the task's targets are met, not met, without an actual (triggers, migration 0020).</summary>
    public const string TargetsMetColumn = "TargetsMet", TargetsNotMetColumn = "TargetsNotMet", TargetsNoDataColumn = "TargetsNoData";
    public IReadOnlyList<Target> Targets => _targets;

    /// <summary>The date the task is judged against: an approved extension, else the document's deadline.</summary>
    public DateOnly? EffectiveDueOn => Deadline.IsOngoing ? null : ExtendedDueOn ?? Deadline.DueOn;

    public Timeliness TimelinessOn(DateOnly today) =>
        TimelinessRules.Compute(Status, CompletedOn, EffectiveDueOn, Deadline.IsOngoing, today);

    public void Retitle(string code, string title)
    {
        Code = code;
        Title = title;
        Version++;
    }

    /// <summary>Moves the task under another heading (or to the top), last among its new siblings.</summary>
    public void MoveUnder(PlanTask? parent, int sortOrder)
    {
        for (var p = parent; p is not null; p = p.Parent)
            if (p == this) throw new Common.RuleViolationException("parentId", Common.Wording.Pick($"Không thể chuyển '{Code}' vào chính nó.", $"'{Code}' cannot be moved under itself."));
        if (parent is { IsGroup: false }) throw new Common.RuleViolationException("parentId", Common.Wording.Pick($"'{parent.Code}' không phải là mục tiêu đề.", $"'{parent.Code}' is not a group heading."));
        Parent = parent;
        SortOrder = sortOrder;
        Version++;
    }

    /// <summary>Splitting turns an item into a heading whose parts carry the work.</summary>
    public void BecomeGroup()
    {
        if (Status != PlanTaskStatus.NotStarted)
            throw new Common.RuleViolationException("taskId", Common.Wording.Pick($"'{Code}' đã có báo cáo tiến độ; hãy thêm nhiệm vụ mới thay vì tách.", $"'{Code}' already has progress; add new tasks instead of splitting it."));
        IsGroup = true;
        _targets.Clear();
        Version++;
    }

    public void RemoveTarget(Target target) => _targets.Remove(target);

    public void Describe(string? description, string? expectedOutput)
    {
        Description = description;
        ExpectedOutput = expectedOutput;
    }

    public void Assign(Agency? lead, IEnumerable<Agency> coordinating)
    {
        if (lead is null && !IsGroup) throw new InvalidOperationException($"Task '{Code}' needs a lead agency.");
        LeadAgency = lead;
        _coordinatingAgencies.Clear();
        foreach (var agency in coordinating.DistinctBy(a => a.Key))
        {
            if (agency.Key == lead?.Key) continue;
            _coordinatingAgencies.Add(new TaskCoordinatingAgency(agency));
        }
    }

    public void SetDeadline(Deadline deadline) => Deadline = deadline;

    public bool IsOpen => Status is PlanTaskStatus.NotStarted or PlanTaskStatus.InProgress or PlanTaskStatus.Paused;

    /// <summary>An open task follows its agency into a merger or split; finished ones keep the agency that did them.</summary>
    public void MoveAgency(long fromAgencyId, Agency to)
    {
        if (!IsOpen) return;
        if (LeadAgencyId == fromAgencyId) LeadAgency = to;
        var coordinating = _coordinatingAgencies.FirstOrDefault(c => c.AgencyId == fromAgencyId);
        if (coordinating is not null)
        {
            _coordinatingAgencies.Remove(coordinating);
            if (LeadAgency != to && _coordinatingAgencies.All(c => c.AgencyId != to.Id)) _coordinatingAgencies.Add(new TaskCoordinatingAgency(to));
        }
        Version++;
    }

    /// <summary>
    /// The lead agency reports where the task stands. Throws, changing nothing, when a rule is broken.
    /// Cancelling takes the task out of oversight (never overdue again), so only the secretariat, which
    /// manages the plan, decides it; the lead agency asks for an extension instead.
    /// </summary>
    public void RecordProgress(PlanTaskStatus status, int percentComplete, DateOnly? completedOn, DateOnly today, bool bySecretariat)
    {
        if (IsGroup) throw new Common.RuleViolationException("taskId", Common.Wording.Pick($"'{Code}' là mục tiêu đề; hãy cập nhật tiến độ ở các nhiệm vụ bên trong.", $"'{Code}' is a group heading; report progress on its items."));
        if (status == PlanTaskStatus.Cancelled && Status != PlanTaskStatus.Cancelled && !bySecretariat)
            throw new Common.RuleViolationException("status", Common.Wording.Pick(
                $"Chỉ cơ quan thường trực được hủy nhiệm vụ '{Code}'; nếu không kịp thời hạn, hãy đề nghị gia hạn.",
                $"Only the secretariat may cancel task '{Code}'; ask for an extension if the deadline cannot be met."));
        if (Status == PlanTaskStatus.Cancelled)
            throw new Common.RuleViolationException("status", Common.Wording.Pick($"Nhiệm vụ '{Code}' đã bị hủy theo quyết định; không thể cập nhật tiến độ.", $"Task '{Code}' was cancelled by decision; progress can no longer be recorded."));
        if (percentComplete is < 0 or > 100)
            throw new Common.RuleViolationException("percentComplete", Common.Wording.Pick($"Tỷ lệ hoàn thành phải từ 0 đến 100; {percentComplete} không hợp lệ.", $"Percent complete must be between 0 and 100; {percentComplete} is not."));
        if (status == PlanTaskStatus.Done)
        {
            var done = completedOn ?? today;
            if (done > today) throw new Common.RuleViolationException("completedOn", Common.Wording.Pick("Ngày hoàn thành không được sau ngày hôm nay.", "A task cannot be completed in the future."));
            if (Deadline.StartOn is { } start && done < start)
                throw new Common.RuleViolationException("completedOn", Common.Wording.Pick($"Ngày hoàn thành {done:dd/MM/yyyy} trước ngày bắt đầu {start:dd/MM/yyyy} của nhiệm vụ.", $"Completion {done:dd/MM/yyyy} is before the task's start {start:dd/MM/yyyy}."));
            CompletedOn = done;
            PercentComplete = 100;
        }
        else
        {
            if (completedOn is not null) throw new Common.RuleViolationException("completedOn", Common.Wording.Pick("Chỉ nhiệm vụ đã hoàn thành mới có ngày hoàn thành.", "Only a task that is done has a completion date."));
            CompletedOn = null;
            PercentComplete = status == PlanTaskStatus.NotStarted ? 0 : percentComplete;
        }
        Status = status;
        Version++;
    }

    /// <summary>An approved extension moves the due date; the document's deadline stays as it was.</summary>
    public void ExtendTo(DateOnly newDueOn)
    {
        ExtendedDueOn = newDueOn;
        Version++;
    }

    public Target AddTarget(string indicator, TargetUnit unit, string? unitText, TargetComparison comparison,
        decimal value, DateOnly? dueOn, decimal? baseline, string? text)
    {
        var target = new Target(indicator, unit, unitText, comparison, value, dueOn, baseline, text, _targets.Count);
        _targets.Add(target);
        return target;
    }
}

public sealed class TaskCoordinatingAgency
{
    private TaskCoordinatingAgency() { }
    internal TaskCoordinatingAgency(Agency agency) => Agency = agency;
    public long TaskId { get; private set; }
    public long AgencyId { get; private set; }
    public Agency Agency { get; private set; } = null!;
}
