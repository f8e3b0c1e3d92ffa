namespace PlanTracker.Core.Email;

/// <summary>One item told to one agency (all its officers) by one job run: the key that makes a re-run a no-op.</summary>
public sealed class AgencyNotice
{
    private AgencyNotice() { }

    public string Job { get; private set; } = "";
    public DateOnly AsOf { get; private set; }
    public long AgencyId { get; private set; }
    public string Item { get; private set; } = "";
}
