using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Audit;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.AgencyWork;

/// <summary>
/// The head decides whether officers' progress waits for approval, and names the deputies who assign
/// and approve in the head's place. Only the head: a deputy does not name deputies.
/// </summary>
public static class ChangeAgencySettings
{
    public sealed record Command(bool ProgressNeedsApproval, IReadOnlyList<long>? DeputyUserIds, int Version) : IRequest<int>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.DeputyUserIds).Must(ids => ids is null || ids.Count <= 20)
            .WithMessage(_ => Wording.Pick("Người được giao quyền: nhiều nhất 20 người.", "Deputies: at most 20 people."));
    }

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, AgencyWorkAccess work, TimeProvider time) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command c, CancellationToken ct)
        {
            if (!access.IsAgencyHead || await access.AgencyAsync(ct) is not { } agency)
                throw new ForbiddenException(Wording.Pick("Chỉ lãnh đạo cơ quan được thay đổi cài đặt của cơ quan.", "Only the agency's head may change its settings."));
            var wanted = (c.DeputyUserIds ?? []).Distinct().ToList();
            var staff = await work.StaffOf(agency.Id).Where(u => wanted.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct);
            foreach (var (id, i) in (c.DeputyUserIds ?? []).Select((x, i) => (x, i)))
                if (!staff.Contains(id))
                    throw new RuleViolationException($"deputyUserIds[{i}]", Wording.Pick(
                        $"Người được giao quyền: tài khoản {id} không phải cán bộ của {agency.Name}.", $"Deputy: account {id} is not an officer of {agency.Name}."));

            var settings = await db.AgencySettings.SingleOrDefaultAsync(s => s.AgencyId == agency.Id, ct);
            if (settings is null) db.AgencySettings.Add(settings = new AgencySettings(agency.Id));
            await db.EnsureVersionAsync(settings, c.Version, ct);
            var deputies = await db.AgencyDeputies.Where(d => d.AgencyId == agency.Id).ToListAsync(ct);
            var before = new { settings.ProgressNeedsApproval, Deputies = deputies.Select(d => d.UserId).Order().ToList() };
            var now = time.GetUtcNow();
            settings.Change(c.ProgressNeedsApproval, access.UserId, now);
            db.AgencyDeputies.RemoveRange(deputies.Where(d => !wanted.Contains(d.UserId)));
            db.AgencyDeputies.AddRange(wanted.Where(id => deputies.All(d => d.UserId != id)).Select(id => new AgencyDeputy(agency.Id, id)));
            db.Record(now, access.UserId, "agency.settings", nameof(Agency), agency.Id, before,
                new { c.ProgressNeedsApproval, Deputies = wanted.Order().ToList() });
            await db.SaveChangesAsync(ct);
            return settings.Version;
        }
    }
}
