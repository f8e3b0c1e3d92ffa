using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Files;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Progress;

public static class GetEvidenceFile
{
    public sealed record Query(long Id) : IRequest<Result?>;

    public sealed record Result(string FileName, string ContentType, Func<Stream> Open);

    public sealed class Handler(PlanTrackerDbContext db, IEvidenceStore store, AccessContext access) : IRequestHandler<Query, Result?>
    {
        public async Task<Result?> Handle(Query q, CancellationToken ct)
        {
            var e = await db.Set<Evidence>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == q.Id && x.StorageKey != null, ct);
            if (e is null) return null;
            await access.DemandReadEvidenceAsync(e.TaskId, db, ct);
            return new Result(e.FileName!, e.ContentType!, () => store.Open(e.StorageKey!));
        }
    }
}
