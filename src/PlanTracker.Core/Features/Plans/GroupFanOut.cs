using PlanTracker.Core.Common;

namespace PlanTracker.Core.Features.Plans;

/// <summary>
/// The members of a group lead ("các sở, ban, ngành") that get a task each when it is not all of them: checked the same
/// way when a draft is reviewed (<see cref="Drafting.EditDraftItem"/>) and when the task is added (<see cref="AddTask"/>),
/// so that review refuses what confirming would.
/// </summary>
public static class GroupFanOut
{
    public static RuleViolationException NotAGroup() => new("fanOutAgencyIds", Wording.Pick(
        "Chỉ chọn các cơ quan thành viên khi cơ quan chủ trì là một nhóm (như “các sở, ban, ngành”).",
        "Choose member agencies only when the lead is a group (such as “các sở, ban, ngành”)."));

    /// <summary>The chosen members, or null when none were chosen (all of them); an empty choice or an outsider is refused.</summary>
    public static IReadOnlySet<long>? Chosen(string groupName, IReadOnlyCollection<long> memberIds, IReadOnlyList<long>? chosen)
    {
        if (chosen is null) return null;
        if (chosen.Count == 0)
            throw new RuleViolationException("fanOutAgencyIds", Wording.Pick($"Hãy chọn ít nhất một cơ quan thuộc “{groupName}” (hoặc chọn một cơ quan làm chủ trì thay cho cả nhóm).",
                $"Choose at least one agency of “{groupName}” (or choose one agency as the lead instead of the group)."));
        if (chosen.Where(id => !memberIds.Contains(id)).ToList() is [var stranger, ..])
            throw new RuleViolationException("fanOutAgencyIds", Wording.Pick($"Cơ quan {stranger} không thuộc “{groupName}”.", $"Agency {stranger} is not a member of “{groupName}”."));
        return chosen.ToHashSet();
    }
}
