using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Domain;

namespace PlanTracker.Core.Features.Dashboard;

/// <summary>How the overdue list and the task list behind a number are ordered.</summary>
public enum TaskSort { Delay, Agency, Plan, Document, Code }

public static class TaskSorting
{
    /// <summary>Delay: the earliest due date (the longest overdue) first; ties by due date, then id.</summary>
    public static IQueryable<PlanTask> Sort(this IQueryable<PlanTask> tasks, TaskSort sort, bool descending)
    {
        var sorted = (sort, descending) switch
        {
            (TaskSort.Agency, false) => tasks.OrderBy(t => t.LeadAgency!.ShortName ?? t.LeadAgency!.Name),
            (TaskSort.Agency, true) => tasks.OrderByDescending(t => t.LeadAgency!.ShortName ?? t.LeadAgency!.Name),
            (TaskSort.Plan, false) => tasks.OrderBy(t => t.Plan.Title),
            (TaskSort.Plan, true) => tasks.OrderByDescending(t => t.Plan.Title),
            (TaskSort.Document, false) => tasks.OrderBy(t => t.Plan.Document.Number),
            (TaskSort.Document, true) => tasks.OrderByDescending(t => t.Plan.Document.Number),
            (TaskSort.Code, false) => tasks.OrderBy(t => EF.Functions.Collate(t.Code, TaskCodeOrder.Collation)),
            (TaskSort.Code, true) => tasks.OrderByDescending(t => EF.Functions.Collate(t.Code, TaskCodeOrder.Collation)),
            (_, false) => tasks.OrderBy(t => t.ExtendedDueOn ?? t.Deadline.DueOn),
            (_, true) => tasks.OrderByDescending(t => t.ExtendedDueOn ?? t.Deadline.DueOn),
        };
        return sorted.ThenBy(t => t.ExtendedDueOn ?? t.Deadline.DueOn).ThenBy(t => t.PlanId).ThenBy(t => t.SortOrder).ThenBy(t => t.Id);
    }
}
