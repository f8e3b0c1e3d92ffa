using FluentValidation;
using FluentValidation.Results;

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

    /// <summary>
    /// Sends a query whose fields the client knows by other names (?q= is the search's Text, ?quarter=
    /// the compliance query's Number): a refusal names the parameter the client sent, not the field
    /// behind it.
    /// </summary>
    public static async Task<T> Named<T>(Task<T> sending, string field, string parameter)
    {
        try
        {
            return await sending;
        }
        catch (ValidationException e) when (e.Errors.Any(f => string.Equals(f.PropertyName, field, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ValidationException(e.Errors.Select(f => string.Equals(f.PropertyName, field, StringComparison.OrdinalIgnoreCase)
                ? new ValidationFailure(parameter, f.ErrorMessage
                    .Replace($"'{PlanTracker.Core.Common.FieldLabels.Of(f.PropertyName)}'", $"'{parameter}'", StringComparison.OrdinalIgnoreCase)
                    .Replace($"'{f.PropertyName}'", $"'{parameter}'", StringComparison.OrdinalIgnoreCase), f.AttemptedValue)
                : f));
        }
        catch (PlanTracker.Core.Common.RuleViolationException e) when (string.Equals(e.Field, field, StringComparison.OrdinalIgnoreCase))
        {
            throw new PlanTracker.Core.Common.RuleViolationException(parameter, e.Message);
        }
    }
}
