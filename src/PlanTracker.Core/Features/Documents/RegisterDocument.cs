using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Audit;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Documents;

/// <summary>The secretariat registers a directive document of its province.</summary>
public static class RegisterDocument
{
    public sealed record Command(string? Number, DocumentKind Kind, string Issuer, DateOnly? IssuedOn, string? Signer, string Title,
        IReadOnlyList<long>? ImplementsDocumentIds = null) : IRequest<long>, ITransactionalCommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Kind).IsInEnum();
            RuleFor(c => c.Issuer).NotEmpty().MaximumLength(300);
            RuleFor(c => c.Title).NotEmpty().MaximumLength(2000);
            RuleFor(c => c.Number).MaximumLength(100);
            RuleFor(c => c.Signer).MaximumLength(200);
        }
    }

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, TimeProvider time) : IRequestHandler<Command, long>
    {
        public async Task<long> Handle(Command c, CancellationToken ct)
        {
            var provinceId = await access.SecretariatProvinceAsync(db, ct);
            var provinceKey = await db.Provinces.Where(p => p.Id == provinceId).Select(p => p.Key).SingleAsync(ct);
            if (c.Number is { Length: > 0 } number &&
                await db.Documents.AnyAsync(d => d.ProvinceId == provinceId && d.Number == number && d.Issuer == c.Issuer, ct))
                throw new RuleViolationException("number", Wording.Pick($"{c.Issuer} đã có văn bản số {number}.", $"{c.Issuer} already has a document numbered {number}."));
            var implementedIds = (c.ImplementsDocumentIds ?? []).Distinct().ToList();
            // A province's document implements a national one (no province) or one of its own province's; another
            // province's documents are not this secretariat's to read (decision 0013), so they count as unknown.
            var implemented = await db.Documents.Where(d => implementedIds.Contains(d.Id) && (d.ProvinceId == null || d.ProvinceId == provinceId))
                .ToListAsync(ct);
            if (implemented.Count != implementedIds.Count)
                throw new RuleViolationException("implementsDocumentIds",
                    Wording.Pick($"Không có văn bản: {string.Join(", ", implementedIds.Except(implemented.Select(d => d.Id)))}.", $"Unknown document(s): {string.Join(", ", implementedIds.Except(implemented.Select(d => d.Id)))}."));

            var document = new Document(Keys.New(provinceKey, "doc"), c.Number, c.Kind, c.Issuer, provinceId,
                c.IssuedOn, c.Signer, c.Title, sourceFile: null);
            foreach (var d in implemented) document.AddImplemented(d);
            db.Documents.Add(document);
            await db.SaveChangesAsync(ct);
            db.Record(time.GetUtcNow(), access.UserId, "document.registered", nameof(Document), document.Id, null,
                new { c.Number, c.Kind, c.Issuer, c.IssuedOn, c.Title });
            await db.SaveChangesAsync(ct);
            return document.Id;
        }
    }
}
