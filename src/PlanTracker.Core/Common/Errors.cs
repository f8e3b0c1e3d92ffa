namespace PlanTracker.Core.Common;

/// <summary>A request broke a business rule; <see cref="Field"/> names what was wrong. Nothing was saved.</summary>
public sealed class RuleViolationException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>The item changed since the caller read it (a stale version). Nothing was saved.</summary>
public sealed class ConflictException(string message) : Exception(message);

/// <summary>The item asked for does not exist (or is not visible to the caller).</summary>
public sealed class NotFoundException(string message) : Exception(message);
