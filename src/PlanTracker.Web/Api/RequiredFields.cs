using System.Text.Json.Serialization.Metadata;

namespace PlanTracker.Web.Api;

/// <summary>
/// A command's non-nullable constructor parameter without a default (a version, a date, a list) must
/// be in the request body: left out, it would reach the handler as 0 or 01/01/0001 and, for a version,
/// pass the stale-save check. Nullable and defaulted parameters stay optional; parameters filled from
/// the route carry [JsonIgnore].
/// </summary>
public static class RequiredFields
{
    public static readonly IJsonTypeInfoResolver Resolver = new DefaultJsonTypeInfoResolver { Modifiers = { RequireNonNullableParameters } };

    private static void RequireNonNullableParameters(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object) return;
        foreach (var property in type.Properties)
            if (property.Set is not null && property.AssociatedParameter is { HasDefaultValue: false, IsNullable: false }) property.IsRequired = true;
    }
}
