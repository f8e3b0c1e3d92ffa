using System.Collections;
using System.Globalization;
using System.Reflection;
using FluentValidation;
using FluentValidation.Results;

namespace PlanTracker.Web.Api;

/// <summary>
/// What every /api/v1 request's bound values must be, whatever the use case: no text longer than
/// <see cref="MaxText"/> characters (a 300,000-character comment reached the database and failed there
/// as a 500, or was stored), ids in a body positive (0 meant "none" to some handlers and failed later),
/// and no null inside a list. Refused as a 400 naming the field, before the handler runs. Done on the
/// bound arguments rather than with JSON converters, which would hide the fields' types from
/// /openapi/v1.json.
/// </summary>
public static class BoundedValues
{
    /// <summary>Longer than any report, note or title; a whole document goes up as a file.</summary>
    public const int MaxText = 100_000;

    public static async ValueTask<object?> Filter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var parameters = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>()?.GetParameters();
        var errors = new List<ValidationFailure>();
        for (var i = 0; i < context.Arguments.Count; i++)
        {
            var name = parameters is not null && i < parameters.Length ? parameters[i].Name ?? "" : "";
            var argument = context.Arguments[i];
            if (argument is string or null) Check(argument, name, errors, 0);
            else if (IsOurs(argument.GetType())) Properties(argument, "", errors, 1); // a body: its fields by their own names
        }
        if (errors.Count > 0) throw new ValidationException(errors);
        return await next(context);
    }

    private static void Check(object? value, string path, List<ValidationFailure> errors, int depth)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                if (text.Length > MaxText) errors.Add(new(path, Message(path, $"có tối đa {MaxText:N0} ký tự", $"must be at most {MaxText:N0} characters long")));
                return;
            case long id when depth > 0 && IsId(path) && id <= 0:
                errors.Add(new(path, Message(path, "phải là mã số dương của một bản ghi", "must be a positive id")));
                return;
            case IEnumerable list when depth > 0:
                var index = 0;
                foreach (var item in list)
                {
                    var itemPath = $"{path}[{index++}]";
                    if (item is null) errors.Add(new(itemPath, Message(itemPath, "không được để trống", "must not be null")));
                    else Check(item, itemPath, errors, depth + 1);
                }
                return;
            default:
                if (depth > 0 && depth < 6 && IsOurs(value.GetType())) Properties(value, path + ".", errors, depth + 1);
                return;
        }
    }

    private static void Properties(object value, string prefix, List<ValidationFailure> errors, int depth)
    {
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            if (property.GetIndexParameters().Length == 0 && property.GetCustomAttribute<System.Text.Json.Serialization.JsonIgnoreAttribute>() is null)
                Check(property.GetValue(value), prefix + char.ToLowerInvariant(property.Name[0]) + property.Name[1..], errors, depth);
    }

    /// <summary>"coordinatingAgencyIds[0]" is an id, named by its list.</summary>
    private static bool IsId(string path)
    {
        var name = path[(path.LastIndexOf('.') + 1)..];
        name = name.Contains('[') ? name[..name.IndexOf('[')] : name;
        return name.EndsWith("Id") || name.EndsWith("Ids");
    }

    private static bool IsOurs(Type type) => type.Namespace?.StartsWith("PlanTracker.", StringComparison.Ordinal) == true && !type.IsEnum;

    private static string Message(string field, string vietnamese, string english) =>
        Core.Common.Wording.Pick($"'{field}' {vietnamese}.", $"'{field}' {english}.");
}
