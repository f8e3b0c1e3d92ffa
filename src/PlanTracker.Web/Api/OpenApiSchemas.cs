using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PlanTracker.Web.Api;

/// <summary>How /openapi/v1.json names and describes the request bodies.</summary>
public static class OpenApiSchemas
{
    public static void Configure(OpenApiOptions o)
    {
        o.CreateSchemaReferenceId = Name;
        o.AddSchemaTransformer(MarkRequired);
        o.AddSchemaTransformer(StringsAreStrings);
    }

    /// <summary>
    /// A string is described as a string. <see cref="TextWithoutControls"/> reads every string, and a type read by a
    /// converter of our own is described as "anything" by the schema exporter: clients, and the hostile-input walk
    /// that reads this document, would then not know the field is text.
    /// </summary>
    private static Task StringsAreStrings(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        if (context.JsonTypeInfo.Type == typeof(string) && schema.Type is null)
            schema.Type = context.JsonPropertyInfo is { } p && !p.IsSetNullable ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
        return Task.CompletedTask;
    }

    /// <summary>
    /// Names each type's schema after its declaring types as well ("AddTask.Command" → "AddTaskCommand",
    /// "DraftingApi.VersionBody" → "DraftingApiVersionBody"). The default names a schema by the type's
    /// own name, so every use case's nested Command shared one schema ("Command") and a client (or the
    /// hostile-input test) only ever saw the first one's fields.
    /// </summary>
    public static string? Name(JsonTypeInfo type)
    {
        var name = OpenApiOptions.CreateDefaultSchemaReferenceId(type);
        if (name is null) return null;
        for (var outer = type.Type.DeclaringType; outer is not null; outer = outer.DeclaringType)
            name = outer.Name + name;
        return name;
    }

    /// <summary>
    /// "required" lists what the API really requires (<see cref="RequiredFields"/>: non-nullable
    /// parameters without a default), not every constructor parameter, so that a client may leave out
    /// a nullable note or an optional list.
    /// </summary>
    private static Task MarkRequired(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        if (context.JsonPropertyInfo is null && context.JsonTypeInfo.Kind == JsonTypeInfoKind.Object && schema.Properties is { Count: > 0 })
        {
            var required = context.JsonTypeInfo.Properties.Where(p => p.IsRequired && schema.Properties.ContainsKey(p.Name)).Select(p => p.Name).ToHashSet();
            schema.Required = required.Count > 0 ? required : null;
        }
        return Task.CompletedTask;
    }
}
