using System.Security.Claims;

namespace PlanTracker.Core.Common;

/// <summary>Who sends a request; handlers check it, the UI only mirrors it.</summary>
public interface ICurrentUser
{
    long? UserId { get; }
    bool IsAuthenticated { get; }
    bool IsInRole(string role);
}

public sealed class ClaimsCurrentUser(Func<ClaimsPrincipal?> principal) : ICurrentUser
{
    public long? UserId => long.TryParse(principal()?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
    public bool IsAuthenticated => principal()?.Identity?.IsAuthenticated == true;
    public bool IsInRole(string role) => principal()?.IsInRole(role) == true;
}

/// <summary>Thrown by a handler when the current user may not do what was asked.</summary>
public sealed class ForbiddenException(string message) : Exception(message);
