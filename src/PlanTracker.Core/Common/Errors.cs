namespace PlanTracker.Core.Common;

/// <summary>A request broke a business rule; <see cref="Field"/> names what was wrong. Nothing was saved.</summary>
public sealed class RuleViolationException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>The item changed since the caller read it (a stale version). Nothing was saved.</summary>
public sealed class ConflictException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The item asked for does not exist (or is not visible to the caller).</summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>
/// The database refused a second record where only one may exist (a unique rule), usually because
/// someone else saved the same thing a moment earlier. <see cref="Field"/> names what is duplicated. Nothing was saved.
/// </summary>
public sealed class DuplicateException(string field, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Field { get; } = field;
}

/// <summary>An entity whose saves name the version they read; the context raises it on every update (decision 0014).</summary>
public interface IVersioned
{
    int Version { get; }
}
