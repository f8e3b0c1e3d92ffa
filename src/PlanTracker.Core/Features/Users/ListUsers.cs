using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Users;

public static class ListUsers
{
    public sealed record Query : IRequest<IReadOnlyList<Item>>;

    /// <summary>One page of the accounts, paged by the database (the admin page).</summary>
    public sealed record PageQuery(int Page = 1, int PageSize = 50) : IRequest<Paged<Item>>;

    public sealed record Item(long Id, string Email, string DisplayName, string? Agency, IReadOnlyList<string> Roles, bool Active, int Version = 0);

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, TimeProvider time)
        : IRequestHandler<Query, IReadOnlyList<Item>>, IRequestHandler<PageQuery, Paged<Item>>
    {
        public async Task<IReadOnlyList<Item>> Handle(Query q, CancellationToken ct) => await Items().ToListAsync(ct);

        public Task<Paged<Item>> Handle(PageQuery q, CancellationToken ct) => Items().ToPagedAsync(q.Page, q.PageSize, ct);

        private IQueryable<Item> Items()
        {
            if (!access.IsAdmin) throw new ForbiddenException(Wording.Pick("Chỉ quản trị viên quản lý tài khoản.", "Only administrators manage accounts."));
            var now = time.GetUtcNow();
            return db.Users.AsNoTracking().OrderBy(u => u.Email).ThenBy(u => u.Id)
                .Select(u => new Item(u.Id, u.Email!, u.DisplayName, u.Agency == null ? null : u.Agency.ShortName ?? u.Agency.Name,
                    db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
                    u.LockoutEnd == null || u.LockoutEnd < now, u.Version));
        }
    }
}
