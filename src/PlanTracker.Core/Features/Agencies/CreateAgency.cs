using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Audit;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Agencies;

/// <summary>The secretariat adds an agency its province's documents name but PlanTracker did not have.</summary>
public static class CreateAgency
{
    public sealed record Command(string Name, string? ShortName, AgencyKind Kind, AgencyLevel Level, IReadOnlyList<string>? Aliases = null)
        : IRequest<long>, ITransactionalCommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name).NotEmpty().MaximumLength(300);
            RuleFor(c => c.ShortName).MaximumLength(100);
            RuleFor(c => c.Kind).IsInEnum().NotEqual(AgencyKind.Group).WithMessage("'kind' cannot be Group: a group is made of member agencies.");
            RuleFor(c => c.Level).IsInEnum();
            RuleForEach(c => c.Aliases).NotEmpty().MaximumLength(300);
        }
    }

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, TimeProvider time) : IRequestHandler<Command, long>
    {
        public async Task<long> Handle(Command c, CancellationToken ct)
        {
            var provinceId = await access.SecretariatProvinceAsync(db, ct);
            var name = c.Name.Trim();
            if (await db.Agencies.AnyAsync(a => a.ProvinceId == provinceId && a.DissolvedOn == null && a.Name.ToLower() == name.ToLower(), ct))
                throw new RuleViolationException("name", Wording.Pick($"Tỉnh đã có cơ quan tên '{name}'.", $"Your province already has an agency named '{name}'."));
            var provinceKey = await db.Provinces.Where(p => p.Id == provinceId).Select(p => p.Key).SingleAsync(ct);
            var agency = new Agency(Keys.New(provinceKey, "agency"), name, string.IsNullOrWhiteSpace(c.ShortName) ? null : c.ShortName.Trim(),
                c.Level, c.Kind, provinceId);
            foreach (var alias in c.Aliases ?? []) agency.AddAlias(alias.Trim());
            db.Agencies.Add(agency);
            await db.SaveChangesAsync(ct);
            db.Record(time.GetUtcNow(), access.UserId, "agency.created", nameof(Agency), agency.Id, null, new { c.Name, c.ShortName, c.Kind, c.Level, c.Aliases });
            await db.SaveChangesAsync(ct);
            return agency.Id;
        }
    }
}
