using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;

namespace PlanTracker.Core.Features.Dashboard;

public static class DashboardAccess
{
    /// <summary>
    /// The dashboard is the oversight view: steering committee members (the chair among them), the
    /// secretariat that serves them, and administrators. It shows every agency's reporting record,
    /// which agencies do not see of each other.
    /// </summary>
    public static void Demand(AccessContext access)
    {
        _ = access.UserId;
        if (!(access.IsSteeringMember || access.IsSecretariat || access.IsAdmin))
            throw new ForbiddenException("Only steering committee members, the secretariat and administrators may open the dashboard.");
    }
}
