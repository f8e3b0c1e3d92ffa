using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Audit;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Plans;

/// <summary>The secretariat opens a draft plan for one of its province's documents.</summary>
public static class CreatePlan
{
    public sealed record Command(long DocumentId, string Title) : IRequest<long>, ITransactionalCommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Title).NotEmpty().MaximumLength(1000);
    }

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, TimeProvider time) : IRequestHandler<Command, long>
    {
        public async Task<long> Handle(Command c, CancellationToken ct)
        {
            var provinceId = await access.SecretariatProvinceAsync(db, ct);
            var document = await db.Documents.SingleOrDefaultAsync(d => d.Id == c.DocumentId, ct)
                ?? throw new RuleViolationException("documentId", Wording.Pick($"Không có văn bản {c.DocumentId}.", $"Document {c.DocumentId} does not exist."));
            if (document.ProvinceId != provinceId)
                throw new ForbiddenException(Wording.Pick("Kế hoạch chỉ được lập từ văn bản của tỉnh mình.", "A plan is made from a document of your own province."));
            var provinceKey = await db.Provinces.Where(p => p.Id == provinceId).Select(p => p.Key).SingleAsync(ct);

            var plan = new Plan(Keys.New(provinceKey, "plan"), c.Title, document, provinceId);
            db.Plans.Add(plan);
            await db.SaveChangesAsync(ct);
            db.Record(time.GetUtcNow(), access.UserId, "plan.created", nameof(Plan), plan.Id, null, new { c.Title, c.DocumentId });
            await db.SaveChangesAsync(ct);
            return plan.Id;
        }
    }
}
