using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using FluentValidation;
using FluentValidation.Results;
using MediatR;

namespace PlanTracker.Core.Common;

/// <summary>
/// Holds every request to <see cref="InputRules"/> before validators and handlers see it, whatever sent
/// it (page, API, job): each text field free of control characters (line breaks only in
/// <see cref="MultiLineAttribute"/> fields), each date 1945–2100, each Year, Page, PageSize and Limit
/// bounded, down through nested records and lists. PostgreSQL refuses U+0000 and turns year 9999 into
/// 'infinity'; refused here, such a value is a 400 naming the field and never reaches the database.
/// </summary>
public sealed class InputBehavior<TRequest, TResponse> : IPipelineBehavior<TRequest, TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var failures = new List<ValidationFailure>();
        if (request is not null) InputWalker.Check(request, "", failures, depth: 0);
        if (failures.Count > 0) throw new ValidationException(failures);
        return next();
    }
}

/// <summary>The per-type list of checks, built once by reflection and cached.</summary>
public static class InputWalker
{
    private const int MaxDepth = 6;
    private delegate void Rule(object value, string path, List<ValidationFailure> failures, int depth);
    private static readonly ConcurrentDictionary<Type, Rule[]> Checks = new();

    public static IReadOnlyList<ValidationFailure> Validate(object value)
    {
        var failures = new List<ValidationFailure>();
        Check(value, "", failures, 0);
        return failures;
    }

    internal static void Check(object value, string path, List<ValidationFailure> failures, int depth)
    {
        if (depth > MaxDepth) return;
        foreach (var check in Checks.GetOrAdd(value.GetType(), Build)) check(value, path, failures, depth);
    }

    private static Rule[] Build(Type type)
    {
        var parameters = type.GetConstructors().SelectMany(c => c.GetParameters()).ToList();
        var checks = new List<Rule>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            // Stored values only: computed properties (a quarter's Start) derive from them and may throw on bad ones.
            if (property.GetIndexParameters().Length > 0 || property.SetMethod is null || property.GetMethod is null) continue;
            var multiLine = property.IsDefined(typeof(MultiLineAttribute))
                || parameters.Any(p => p.Name == property.Name && p.IsDefined(typeof(MultiLineAttribute)));
            if (For(property.PropertyType, property.Name, multiLine) is { } check)
            {
                var name = property.Name;
                checks.Add((o, path, failures, depth) =>
                {
                    if (property.GetValue(o) is { } v) check(v, Join(path, name), failures, depth);
                });
            }
        }
        return [.. checks];
    }

    /// <summary>The check of one value of <paramref name="type"/> (the value is never null when called).</summary>
    private static Rule? For(Type type, string name, bool multiLine)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
            return (v, path, failures, _) =>
            {
                if (InputRules.ForbiddenCharacter((string)v, multiLine) is { } c)
                    failures.Add(Failure(path, InputRules.ControlCharacterMessage(Field(path), c)));
            };
        if (type == typeof(DateOnly)) return Date(v => InputRules.IsInRange((DateOnly)v));
        if (type == typeof(DateTime)) return Date(v => InputRules.IsInRange((DateTime)v));
        if (type == typeof(DateTimeOffset)) return Date(v => InputRules.IsInRange((DateTimeOffset)v));
        if (type == typeof(int))
            return name switch
            {
                "Year" => (v, path, failures, _) =>
                {
                    if (!InputRules.IsYearInRange((int)v)) failures.Add(Failure(path, InputRules.YearMessage(Field(path))));
                },
                "Page" => Range(1, InputRules.MaxPage),
                "PageSize" or "Limit" => Range(1, InputRules.MaxPageSize),
                _ => null,
            };
        if (type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) && ElementType(type) is { } element
            && For(element, name, multiLine) is { } each)
            return (v, path, failures, depth) =>
            {
                var i = 0;
                foreach (var item in (IEnumerable)v)
                {
                    if (item is not null) each(item, $"{path}[{i}]", failures, depth);
                    i++;
                }
            };
        if (IsWalkable(type)) return (v, path, failures, depth) => Check(v, path, failures, depth + 1);
        return null;
    }

    private static Rule Date(Func<object, bool> inRange) => (v, path, failures, _) =>
    {
        if (!inRange(v)) failures.Add(Failure(path, InputRules.DateMessage(Field(path))));
    };

    private static Rule Range(int min, int max) => (v, path, failures, _) =>
    {
        if ((int)v < min || (int)v > max) failures.Add(Failure(path, InputRules.RangeMessage(Field(path), min, max)));
    };

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            ?.GetGenericArguments()[0];

    /// <summary>The app's own records (a command's nested inputs); never delegates, streams or framework types.</summary>
    private static bool IsWalkable(Type type) =>
        type.Namespace?.StartsWith("PlanTracker", StringComparison.Ordinal) == true
        && !type.IsEnum && !typeof(Delegate).IsAssignableFrom(type) && !typeof(Stream).IsAssignableFrom(type);

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    /// <summary>The name the message shows: the field's label, as the person sees it (FieldLabels).</summary>
    private static string Field(string path) => FieldLabels.Of(path);

    private static ValidationFailure Failure(string path, string message) => new(path, message);
}
