using System.Text.Json.Serialization;
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
/// One agency splits into new ones. Each open task goes to the successor named for it (the
/// first successor by default); users and unsubmitted reports go to the first successor.
/// </summary>
public static class SplitAgency
{
    public sealed record Successor(string Name, string? ShortName, IReadOnlyList<long>? TaskIds = null);

    public sealed record Command([property: JsonIgnore] long AgencyId, IReadOnlyList<Successor> Into, DateOnly EffectiveOn) : IRequest<IReadOnlyList<long>>, ITransactionalCommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Into).Must(i => i.Count >= 2).WithMessage("A split needs at least two successors.");
            RuleForEach(c => c.Into).ChildRules(s => s.RuleFor(x => x.Name).NotEmpty().MaximumLength(300));
        }
    }

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, ProvinceClock clock, TimeProvider time)
        : IRequestHandler<Command, IReadOnlyList<long>>
    {
        public async Task<IReadOnlyList<long>> Handle(Command c, CancellationToken ct)
        {
            var provinceId = await access.SecretariatProvinceAsync(db, ct);
            await db.DemandNoOtherProvincesAgencyAsync(provinceId, [c.AgencyId], ct);
            Reorganisation.EnsureEffective(c.EffectiveOn, clock.Today);
            var source = await db.Agencies.SingleOrDefaultAsync(a => a.Id == c.AgencyId && a.ProvinceId == provinceId && a.DissolvedOn == null, ct)
                ?? throw new RuleViolationException("agencyId", Wording.Pick($"Cơ quan {c.AgencyId} không phải là cơ quan hiện hành của tỉnh mình.", $"Agency {c.AgencyId} is not a current agency of your province."));
            var named = c.Into.SelectMany(s => s.TaskIds ?? []).ToList();
            if (named.Count != named.Distinct().Count()) throw new RuleViolationException("into", Wording.Pick("Mỗi nhiệm vụ chỉ được giao cho một cơ quan kế thừa.", "A task can go to one successor only."));
            var openTaskIds = await db.Tasks.Where(t => t.LeadAgencyId == source.Id || t.CoordinatingAgencies.Any(x => x.AgencyId == source.Id))
                .Select(t => t.Id).ToListAsync(ct);
            // Only the agency's own tasks are handed on: an id of another agency's (or province's) task moves nothing.
            if (named.Except(openTaskIds).ToList() is { Count: > 0 } strangers)
                throw new RuleViolationException("into", Wording.Pick($"Nhiệm vụ {string.Join(", ", strangers)} không phải nhiệm vụ của cơ quan {source.Name}.", $"Task(s) {string.Join(", ", strangers)} are not tasks of agency {source.Name}."));

            var successors = c.Into.Select(s => new Agency(Keys.New(Keys.ProvinceOf(source.Key), "agency"),
                s.Name, s.ShortName, source.Level, source.Kind, provinceId)).ToList();
            db.Agencies.AddRange(successors);
            await db.SaveChangesAsync(ct);

            for (var i = 0; i < successors.Count; i++)
            {
                var mine = i == 0 ? openTaskIds.Except(named.Except(c.Into[0].TaskIds ?? [])).ToList() : (c.Into[i].TaskIds ?? []).ToList();
                await AgencyWork.MoveAsync(db, source, successors[i], mine, withUsersAndReports: i == 0, ct);
            }
            source.Dissolve(successors[0], c.EffectiveOn);
            db.Record(time.GetUtcNow(), access.UserId, "agency.split", nameof(Agency), source.Id, new { source.Name },
                new { Into = successors.Select(s => s.Name), c.EffectiveOn });
            await db.SaveChangesAsync(ct);
            return successors.Select(s => s.Id).ToList();
        }
    }
}
