namespace PlanTracker.Web;

/// <summary>Anchor for the UI strings in Resources/SharedResource(.en).resx; Vietnamese is the neutral language.</summary>
public sealed class SharedResource;
