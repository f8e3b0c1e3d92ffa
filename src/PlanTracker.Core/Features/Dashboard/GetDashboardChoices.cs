using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;
using PlanTracker.Core.Reporting;

namespace PlanTracker.Core.Features.Dashboard;

/// <summary>What the dashboard's filters offer: documents and plans published, agencies that must report, steering members.</summary>
public static class GetDashboardChoices
{
    public sealed record Query : IRequest<Result>;

    public sealed record Choice(long Id, string Name);

    public sealed record PlanChoice(long Id, string Name, long DocumentId);

    /// <param name="Provinces">The provinces the user may look at: every one for an administrator (who chooses), their own otherwise.</param>
    public sealed record Result(IReadOnlyList<Choice> Documents, IReadOnlyList<PlanChoice> Plans, IReadOnlyList<Choice> Agencies,
        IReadOnlyList<Choice> SteeringMembers, long? Me, IReadOnlyList<Choice>? Provinces = null);

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query q, CancellationToken ct)
        {
            // The choices are those of the user's own view: what ScopeAsync would let them pick.
            var scope = await DashboardAccess.ScopeAsync(access, db, DashboardFilter.None, ct);
            var readable = await access.ReadScopeAsync(db, ct);
            var plans = await db.Plans.AsNoTracking().Readable(readable, db).Where(p => p.Status == PlanStatus.Published)
                .OrderBy(p => p.Document.IssuedOn).ThenBy(p => p.Title)
                .Select(p => new { p.Id, p.Title, p.DocumentId, p.Document.Number, DocumentTitle = p.Document.Title })
                .ToListAsync(ct);
            var kept = scope.Agencies(db).Select(a => a.Id);
            var agencies = await db.AgenciesExpectedToReport().AsNoTracking().Where(a => !scope.NarrowsAgencies || kept.Contains(a.Id))
                .OrderBy(a => a.ShortName ?? a.Name)
                .Select(a => new Choice(a.Id, a.Province == null ? a.ShortName ?? a.Name : (a.ShortName ?? a.Name) + " — " + a.Province.Name))
                .ToListAsync(ct);
            var steeringRole = await db.Roles.Where(r => r.Name == Roles.SteeringMember).Select(r => r.Id).SingleOrDefaultAsync(ct);
            var members = await db.Users.AsNoTracking()
                .Where(u => db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == steeringRole))
                .Where(u => scope.ProvinceId == null || (u.Agency != null && u.Agency.ProvinceId == scope.ProvinceId))
                .Where(u => scope.SteeringMemberId == null || u.Id == scope.SteeringMemberId)
                .OrderBy(u => u.DisplayName).Select(u => new Choice(u.Id, u.DisplayName)).ToListAsync(ct);
            var readableProvinces = readable.Provinces;
            var provinces = await db.Set<Province>().AsNoTracking()
                .Where(p => readable.Everything || readableProvinces.Contains(p.Id))
                .OrderBy(p => p.Name).Select(p => new Choice(p.Id, p.Name)).ToListAsync(ct);
            return new Result(
                plans.DistinctBy(p => p.DocumentId).Select(p => new Choice(p.DocumentId, p.Number ?? Shorten(p.DocumentTitle))).ToList(),
                plans.Select(p => new PlanChoice(p.Id, Shorten(p.Title), p.DocumentId)).ToList(),
                agencies, members, access.IsSteeringMember ? access.UserId : null, provinces);
        }

        private static string Shorten(string text) => text.Length <= 70 ? text : text[..69] + "…";
    }
}
