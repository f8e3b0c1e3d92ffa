using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Audit;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Agencies;

/// <summary>
/// Agencies merge into one (an existing agency, or a new one): their open tasks, unsubmitted
/// reports, users and group seats move to it; finished work stays with the agency that did it.
/// </summary>
public static class MergeAgencies
{
    public sealed record Command(IReadOnlyList<long> SourceAgencyIds, long? IntoAgencyId, string? NewName, string? NewShortName,
        DateOnly EffectiveOn) : IRequest<Result>, ITransactionalCommand;

    public sealed record Result(long SuccessorId, int TasksMoved, int ReportsMoved, int UsersMoved);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.SourceAgencyIds).NotEmpty();
            RuleFor(c => c.NewName).NotEmpty().When(c => c.IntoAgencyId is null)
                .WithMessage("Name the new agency, or give 'intoAgencyId' to merge into an existing one.");
        }
    }

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, ProvinceClock clock, TimeProvider time) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command c, CancellationToken ct)
        {
            var provinceId = await access.SecretariatProvinceAsync(db, ct);
            await db.DemandNoOtherProvincesAgencyAsync(provinceId, c.IntoAgencyId is { } into ? [.. c.SourceAgencyIds, into] : c.SourceAgencyIds, ct);
            Reorganisation.EnsureEffective(c.EffectiveOn, clock.Today);
            var sources = await db.Agencies.Where(a => c.SourceAgencyIds.Contains(a.Id) && a.ProvinceId == provinceId).ToListAsync(ct);
            if (sources.Count != c.SourceAgencyIds.Distinct().Count())
                throw new RuleViolationException("sourceAgencyIds", Wording.Pick("Mọi cơ quan được hợp nhất phải là cơ quan của tỉnh mình.", "Every merged agency must be an agency of your province."));
            if (sources.Any(s => s.IsGroup)) throw new RuleViolationException("sourceAgencyIds", Wording.Pick("Không hợp nhất nhóm cơ quan; hãy hợp nhất các cơ quan thành viên.", "Groups are not merged; their members are."));

            Agency successor;
            if (c.IntoAgencyId is { } intoId)
            {
                successor = await db.Agencies.SingleOrDefaultAsync(a => a.Id == intoId && a.ProvinceId == provinceId && a.DissolvedOn == null, ct)
                    ?? throw new RuleViolationException("intoAgencyId", Wording.Pick($"Cơ quan {intoId} không phải là cơ quan hiện hành của tỉnh mình.", $"Agency {intoId} is not a current agency of your province."));
                if (sources.Contains(successor)) throw new RuleViolationException("intoAgencyId", Wording.Pick("Không thể hợp nhất một cơ quan vào chính nó.", "An agency cannot be merged into itself."));
            }
            else
            {
                var first = sources[0];
                successor = new Agency(Keys.New(Keys.ProvinceOf(first.Key), "agency"), c.NewName!, c.NewShortName, first.Level, first.Kind, provinceId);
                db.Agencies.Add(successor);
                await db.SaveChangesAsync(ct);
            }

            var moved = new AgencyWork.Moved(0, 0, 0);
            foreach (var source in sources)
            {
                var m = await AgencyWork.MoveAsync(db, source, successor, onlyTaskIds: null, withUsersAndReports: true, ct);
                moved = new(moved.Tasks + m.Tasks, moved.Reports + m.Reports, moved.Users + m.Users);
                source.Dissolve(successor, c.EffectiveOn);
            }
            db.Record(time.GetUtcNow(), access.UserId, "agency.merged", nameof(Agency), successor.Id,
                new { Sources = sources.Select(s => s.Name) }, new { successor.Name, c.EffectiveOn, moved.Tasks, moved.Reports, moved.Users });
            await db.SaveChangesAsync(ct);
            return new Result(successor.Id, moved.Tasks, moved.Reports, moved.Users);
        }
    }
}
