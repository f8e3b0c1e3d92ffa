using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Progress;

public static class ListEvidence
{
    public sealed record Query(long TaskId) : IRequest<IReadOnlyList<Item>>;

    public sealed record Item(long Id, string? FileName, long? SizeBytes, string? DocumentNumber, DateTimeOffset UploadedAt);

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access) : IRequestHandler<Query, IReadOnlyList<Item>>
    {
        public async Task<IReadOnlyList<Item>> Handle(Query q, CancellationToken ct)
        {
            if (!await db.Tasks.AnyAsync(t => t.Id == q.TaskId, ct)) throw new Common.NotFoundException($"Task {q.TaskId} does not exist.");
            await access.DemandReadEvidenceAsync(q.TaskId, db, ct);
            return await db.Set<Evidence>().AsNoTracking().Where(e => e.TaskId == q.TaskId).OrderByDescending(e => e.UploadedAt)
                .Select(e => new Item(e.Id, e.FileName, e.SizeBytes, e.DocumentNumber, e.UploadedAt)).ToListAsync(ct);
        }
    }
}
