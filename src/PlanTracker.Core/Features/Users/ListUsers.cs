using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Users;

public static class ListUsers
{
    public sealed record Query : IRequest<IReadOnlyList<Item>>;

    public sealed record Item(long Id, string Email, string DisplayName, string? Agency, IReadOnlyList<string> Roles, bool Active, int Version = 0);

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, TimeProvider time) : IRequestHandler<Query, IReadOnlyList<Item>>
    {
        public async Task<IReadOnlyList<Item>> Handle(Query q, CancellationToken ct)
        {
            if (!access.IsAdmin) throw new ForbiddenException("Only administrators manage accounts.");
            var now = time.GetUtcNow();
            return await db.Users.AsNoTracking().OrderBy(u => u.Email)
                .Select(u => new Item(u.Id, u.Email!, u.DisplayName, u.Agency == null ? null : u.Agency.ShortName ?? u.Agency.Name,
                    db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
                    u.LockoutEnd == null || u.LockoutEnd < now, u.Version))
                .ToListAsync(ct);
        }
    }
}
