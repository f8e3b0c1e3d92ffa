using PlanTracker.Core.Domain;

namespace PlanTracker.Core.Drafting;

/// <summary>What one piece of text says on its own, read as the parser reads an item: used when the reviewer splits an item.</summary>
public static class ItemReader
{
    public sealed record Reading(AgencyMention? Lead, IReadOnlyList<AgencyMention> Coordinating, DeadlinePhrase? Deadline, IReadOnlyList<TargetPhrase> Targets);

    public static Reading Read(string text, int offset, AgencyDirectory directory, DateOnly? issuedOn, WorkingDayCalendar? calendar)
    {
        var assignment = Assignments.Read(text, offset, directory, issuedOn);
        var deadline = DeadlinePhrases.Choose(DeadlinePhrases.Find(text, offset, issuedOn, calendar));
        return new Reading(assignment.Lead?.Agency is null ? null : assignment.Lead,
            assignment.Coordinating.Where(c => c.Agency is not null).ToList(), deadline, TargetPhrases.Find(text, offset));
    }
}
