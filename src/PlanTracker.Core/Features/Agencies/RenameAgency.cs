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
/// The secretariat renames an agency; what was written before keeps the old name. <c>Version</c> is the
/// agency's version the client read (GET /agencies); a rename of an older one answers 409 (decision 0014).
/// </summary>
public static class RenameAgency
{
    public sealed record Command([property: JsonIgnore] long AgencyId, string Name, string? ShortName, DateOnly EffectiveOn, int? Version = null) : IRequest<Unit>, ITransactionalCommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name).NotEmpty().MaximumLength(300);
            RuleFor(c => c.ShortName).MaximumLength(100);
        }
    }

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, ProvinceClock clock, TimeProvider time) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command c, CancellationToken ct)
        {
            var provinceId = await access.SecretariatProvinceAsync(db, ct);
            await db.DemandNoOtherProvincesAgencyAsync(provinceId, [c.AgencyId], ct);
            var agency = await db.Agencies.SingleOrDefaultAsync(a => a.Id == c.AgencyId && a.ProvinceId == provinceId, ct)
                ?? throw new RuleViolationException("agencyId", Wording.Pick($"Cơ quan {c.AgencyId} không phải là cơ quan của tỉnh mình.", $"Agency {c.AgencyId} is not an agency of your province."));
            if (c.Version is { } version) await db.EnsureVersionAsync(agency, version, ct);
            Reorganisation.EnsureEffective(c.EffectiveOn, clock.Today);
            var before = new { agency.Name, agency.ShortName };
            agency.Rename(c.Name, c.ShortName);
            db.Record(time.GetUtcNow(), access.UserId, "agency.renamed", nameof(Agency), agency.Id, before, new { c.Name, c.ShortName, c.EffectiveOn });
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}

internal static class Reorganisation
{
    /// <summary>
    /// A reorganisation takes effect on a day that has come. Future ones wait for the scheduled
    /// job of the automation issue; until then they are refused rather than applied early.
    /// </summary>
    public static void EnsureEffective(DateOnly effectiveOn, DateOnly today)
    {
        if (effectiveOn > today)
            throw new RuleViolationException("effectiveOn",
                Wording.Pick($"Chưa đến ngày hiệu lực {effectiveOn:dd/MM/yyyy}; hãy ghi nhận thay đổi từ ngày đó trở đi.", $"The effective date {effectiveOn:dd/MM/yyyy} has not come yet; record the change on or after that day."));
    }
}
