using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Agencies;

public static class ListAgencies
{
    public sealed record Query(string? Province = null, long? ProvinceId = null, bool CurrentOnly = false) : IRequest<IReadOnlyList<AgencyItem>>;

    public sealed record AgencyItem(long Id, string Key, string Name, string? ShortName, AgencyLevel Level, AgencyKind Kind,
        string? Province, long? ParentId, bool IsSecretariat, IReadOnlyList<string> Aliases, IReadOnlyList<long> MemberIds,
        long? SuccessorId, DateOnly? DissolvedOn, int Version = 0);

    public sealed class Handler(PlanTrackerDbContext db) : IRequestHandler<Query, IReadOnlyList<AgencyItem>>
    {
        public async Task<IReadOnlyList<AgencyItem>> Handle(Query q, CancellationToken ct)
        {
            var agencies = db.Agencies.AsNoTracking();
            if (q.Province is { } province)
            {
                if (!await db.Set<Province>().AnyAsync(p => p.Key == province, ct))
                    throw new Common.RuleViolationException("province", $"There is no province '{province}'. Use a key such as 'vinh-phuc'.");
                agencies = agencies.Where(a => a.Province != null && a.Province.Key == province);
            }
            if (q.ProvinceId is { } provinceId) agencies = agencies.Where(a => a.ProvinceId == provinceId);
            if (q.CurrentOnly) agencies = agencies.Where(a => a.DissolvedOn == null);
            return await agencies.OrderBy(a => a.Province!.Name).ThenBy(a => a.Level).ThenBy(a => a.Name)
                .Select(a => new AgencyItem(a.Id, a.Key, a.Name, a.ShortName, a.Level, a.Kind,
                    a.Province == null ? null : a.Province.Name, a.ParentId, a.IsSecretariat,
                    a.Aliases.Select(x => x.Alias).ToList(), a.Members.Select(m => m.MemberId).ToList(), a.SuccessorId, a.DissolvedOn, a.Version))
                .AsSplitQuery()
                .ToListAsync(ct);
        }
    }
}
