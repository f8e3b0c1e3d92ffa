namespace PlanTracker.Core.Common;

/// <summary>
/// The one way an agency is named on screen. Two provinces share names such as "Sở Nội vụ", so a
/// list that can hold more than one province (the administrator's, a central body's, a picker fed
/// several provinces) names the province too: "Sở Nội vụ (Vĩnh Phúc)". A one-province viewer sees the name alone.
/// </summary>
public static class AgencyDisplay
{
    public static string Name(string name, string? province, bool manyProvinces) =>
        manyProvinces && !string.IsNullOrWhiteSpace(province) ? $"{name} ({province})" : name;
}
