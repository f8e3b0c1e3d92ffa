using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.AgencyWork;

/// <summary>The user's agency's settings: whether officers' progress waits for approval, and the head's deputies.</summary>
public static class GetAgencySettings
{
    public sealed record Query : IRequest<Result>;

    public sealed record Result(long AgencyId, string Agency, bool ProgressNeedsApproval, IReadOnlyList<long> DeputyUserIds,
        IReadOnlyList<ListTaskAssignments.Person> Staff, bool CanChange, int Version);

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, AgencyWorkAccess work) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query q, CancellationToken ct)
        {
            if (!access.IsAgencyStaff || await access.AgencyAsync(ct) is not { } agency)
                throw new ForbiddenException(Wording.Pick("Chỉ cán bộ và lãnh đạo của một cơ quan có cài đặt cơ quan.", "Only an agency's officers and head have agency settings."));
            var settings = await db.AgencySettings.AsNoTracking().SingleOrDefaultAsync(s => s.AgencyId == agency.Id, ct);
            var deputies = await db.AgencyDeputies.Where(d => d.AgencyId == agency.Id).Select(d => d.UserId).OrderBy(d => d).ToListAsync(ct);
            var staff = await work.StaffOf(agency.Id).OrderBy(u => u.DisplayName).ThenBy(u => u.Id)
                .Select(u => new ListTaskAssignments.Person(u.Id, u.DisplayName, u.Email!)).ToListAsync(ct);
            return new Result(agency.Id, agency.Name, settings?.ProgressNeedsApproval ?? false, deputies, staff, access.IsAgencyHead, settings?.Version ?? 0);
        }
    }
}
