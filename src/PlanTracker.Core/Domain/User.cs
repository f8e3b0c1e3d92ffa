using Microsoft.AspNetCore.Identity;

namespace PlanTracker.Core.Domain;

public static class Roles
{
    public const string Admin = "Admin";
    public const string Secretariat = "Secretariat";
    public const string AgencyOfficer = "AgencyOfficer";
    public const string AgencyHead = "AgencyHead";
    public const string SteeringMember = "SteeringMember";

    public static readonly IReadOnlyList<string> All = [Admin, Secretariat, AgencyOfficer, AgencyHead, SteeringMember];
}

public sealed class AppUser : IdentityUser<long>
{
    public string DisplayName { get; set; } = "";
    public long? AgencyId { get; set; }
    public Agency? Agency { get; set; }
    /// <summary>"vi" or "en"; the UI follows it after sign-in.</summary>
    public string PreferredCulture { get; set; } = "vi";
    /// <summary>Raised by an administrator's change of the account (decision 0014); not by sign-ins, which Identity's ConcurrencyStamp already guards.</summary>
    public int Version { get; set; }
}

/// <summary>A steering committee member is assigned the agencies they oversee.</summary>
public sealed class SteeringAssignment
{
    private SteeringAssignment() { }
    public SteeringAssignment(long userId, long agencyId) { UserId = userId; AgencyId = agencyId; }
    public long UserId { get; private set; }
    public long AgencyId { get; private set; }
}
