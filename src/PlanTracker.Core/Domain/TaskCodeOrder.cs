using System.Globalization;

namespace PlanTracker.Core.Domain;

/// <summary>
/// Task codes in natural order: the numbers in a code compare as numbers, so "2#2" comes before
/// "2#10" and "I.9" before "I.10". In SQL through the ICU collation of migration 0030; in memory
/// through .NET's own numeric ordering (CompareOptions.NumericOrdering, ICU as well).
/// </summary>
public static class TaskCodeOrder
{
    public const string Collation = "natural_sort";

    public static StringComparer Comparer { get; } = StringComparer.Create(CultureInfo.InvariantCulture, CompareOptions.NumericOrdering);
}
