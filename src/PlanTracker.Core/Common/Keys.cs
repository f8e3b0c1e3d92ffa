namespace PlanTracker.Core.Common;

/// <summary>Stable keys for rows created in the app (seed rows carry hand-made keys).</summary>
public static class Keys
{
    /// <summary>"vinh-phuc/plan-3f2a…": the province's key, the kind of row, a random suffix.</summary>
    public static string New(string provinceKey, string kind) => $"{provinceKey}/{kind}-{Guid.NewGuid().ToString("N")[..12]}";

    /// <summary>The province part of an agency's key ("vinh-phuc/so-tttt" → "vinh-phuc").</summary>
    public static string ProvinceOf(string key) => key.Split('/')[0];
}
