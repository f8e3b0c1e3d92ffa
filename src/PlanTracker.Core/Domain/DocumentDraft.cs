namespace PlanTracker.Core.Domain;

/// <summary>
/// A proposal read from a document's text, under review by the secretariat of one province. It holds
/// the normalised source (the proposal's spans index it) and the proposal as JSON; confirming creates
/// the plan and records which one.
/// </summary>
public sealed class DocumentDraft : Common.IVersioned
{
    private DocumentDraft() { }

    public DocumentDraft(long provinceId, long userId, DateTimeOffset at, string sourceName, string sourceText, string proposal)
    {
        ProvinceId = provinceId;
        CreatedByUserId = userId;
        CreatedAt = UpdatedAt = at;
        SourceName = sourceName;
        SourceText = sourceText;
        Proposal = proposal;
        Version = 1;
    }

    public long Id { get; private set; }
    public long ProvinceId { get; private set; }
    public long CreatedByUserId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Version { get; private set; }
    public string SourceName { get; private set; } = "";
    public string SourceText { get; private set; } = "";
    public string Proposal { get; private set; } = "";
    public long? ConfirmedPlanId { get; private set; }
    public DateTimeOffset? ConfirmedAt { get; private set; }

    public bool IsConfirmed => ConfirmedPlanId is not null;

    public void Revise(string proposal, DateTimeOffset at)
    {
        Proposal = proposal;
        UpdatedAt = at;
        Version++;
    }

    public void Confirmed(long planId, DateTimeOffset at)
    {
        ConfirmedPlanId = planId;
        ConfirmedAt = at;
        UpdatedAt = at;
        Version++;
    }
}
