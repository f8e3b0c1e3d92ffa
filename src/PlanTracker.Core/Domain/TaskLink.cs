namespace PlanTracker.Core.Domain;

/// <summary>
/// A plan implements a parent plan (kế hoạch thực hiện Nghị quyết …): the view from above counts the
/// provinces whose plans implement it, and the coverage lists the parent's tasks none of its tasks carries out.
/// </summary>
public sealed class PlanParent
{
    private PlanParent() { }

    public PlanParent(long planId, long parentPlanId, DateTimeOffset linkedAt)
    {
        PlanId = planId;
        ParentPlanId = parentPlanId;
        LinkedAt = linkedAt;
    }

    public long PlanId { get; private set; }
    public long ParentPlanId { get; private set; }
    public DateTimeOffset LinkedAt { get; private set; }
}

/// <summary>
/// A task of an implementing plan carries out a task of a parent plan ("thực hiện nhiệm vụ … tại Nghị
/// quyết …"); optionally one of the parent's targets, measured by one of the task's own targets, whose
/// actuals the view from above rolls up.
/// </summary>
public sealed class TaskLink
{
    private TaskLink() { }

    public TaskLink(long taskId, long parentTaskId, long? parentTargetId, long? targetId, long? linkedByUserId, DateTimeOffset linkedAt)
    {
        TaskId = taskId;
        ParentTaskId = parentTaskId;
        ParentTargetId = parentTargetId;
        TargetId = targetId;
        LinkedByUserId = linkedByUserId;
        LinkedAt = linkedAt;
    }

    public long Id { get; private set; }
    public long TaskId { get; private set; }
    public long ParentTaskId { get; private set; }
    public long? ParentTargetId { get; private set; }
    public long? TargetId { get; private set; }
    public long? LinkedByUserId { get; private set; }
    public DateTimeOffset LinkedAt { get; private set; }
}
