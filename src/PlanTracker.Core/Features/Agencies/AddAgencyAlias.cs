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
/// The secretariat records another name an agency goes by ("Sở TT&amp;TT", "VP UBND tỉnh"): imports and
/// document drafts then recognise it.
/// </summary>
public static class AddAgencyAlias
{
    public sealed record Command(long AgencyId, string Alias) : IRequest<Unit>, ITransactionalCommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Alias).NotEmpty().MaximumLength(300);
    }

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, TimeProvider time) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command c, CancellationToken ct)
        {
            var provinceId = await access.SecretariatProvinceAsync(db, ct);
            var agency = await db.Agencies.Include(a => a.Aliases).SingleOrDefaultAsync(a => a.Id == c.AgencyId && a.ProvinceId == provinceId, ct)
                ?? throw new RuleViolationException("agencyId", Wording.Pick($"Cơ quan {c.AgencyId} không phải là cơ quan của tỉnh mình.", $"Agency {c.AgencyId} is not an agency of your province."));
            var alias = c.Alias.Trim();
            if (string.Equals(alias, agency.Name, StringComparison.OrdinalIgnoreCase) || agency.Aliases.Any(a => string.Equals(a.Alias, alias, StringComparison.OrdinalIgnoreCase)))
                return Unit.Value;
            agency.AddAlias(alias);
            db.Record(time.GetUtcNow(), access.UserId, "agency.alias-added", nameof(Agency), agency.Id, null, new { Alias = alias });
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
