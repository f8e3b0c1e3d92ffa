namespace PlanTracker.Core.Common;

/// <summary>
/// Marks a request's text field that may hold line breaks and tabs (notes, descriptions, reasons,
/// comments, pasted document text). Every other text field is one line: see <see cref="InputRules"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class MultiLineAttribute : Attribute;
