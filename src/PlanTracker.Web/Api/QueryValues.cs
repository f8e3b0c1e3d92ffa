namespace PlanTracker.Web.Api;

/// <summary>Query-string values the framework's binder reads too strictly (enums are case-sensitive there).</summary>
public static class QueryValues
{
    public static T? ParseEnum<T>(string? value, string name) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (!int.TryParse(value, out _) && Enum.TryParse<T>(value, ignoreCase: true, out var parsed)) return parsed;
        var allowed = string.Join(", ", Enum.GetNames<T>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]));
        throw new BadHttpRequestException($"'{name}' must be one of {allowed}; '{value}' is not.");
    }
}
