using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Drafting;

/// <summary>
/// The secretariat corrects the document's data, picks which of the documents it implements to link,
/// and may attach the plan to the document when it is already registered.
/// </summary>
public static class EditDraftDocument
{
    public sealed record Command([property: JsonIgnore] long DraftId, int Version, string? Number, DocumentKind Kind, string Issuer, DateOnly? IssuedOn,
        string? Signer, string Title, string PlanTitle, IReadOnlyList<long>? ImplementsDocumentIds = null, long? ExistingDocumentId = null)
        : IRequest<int>, ITransactionalCommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Kind).IsInEnum();
            RuleFor(c => c.Issuer).NotEmpty().MaximumLength(300);
            RuleFor(c => c.Title).NotEmpty().MaximumLength(2000);
            RuleFor(c => c.PlanTitle).NotEmpty().MaximumLength(1000);
            RuleFor(c => c.Number).MaximumLength(100);
            RuleFor(c => c.Signer).MaximumLength(200);
        }
    }

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, TimeProvider time) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command c, CancellationToken ct)
        {
            var (draft, proposal) = await DraftWorkspace.OpenAsync(db, access, c.DraftId, c.Version, ct);
            if (c.ExistingDocumentId is { } existing && !await db.Documents.AnyAsync(d => d.Id == existing && d.ProvinceId == draft.ProvinceId, ct))
                throw new RuleViolationException("existingDocumentId", Wording.Pick($"Văn bản {existing} không phải là văn bản của tỉnh mình.", $"Document {existing} is not a document of your province."));
            var d = proposal.Document;
            (d.Number, d.Kind, d.Issuer, d.IssuedOn, d.Signer, d.Title, d.PlanTitle, d.ExistingDocumentId) =
                (string.IsNullOrWhiteSpace(c.Number) ? null : c.Number.Trim(), c.Kind, c.Issuer.Trim(), c.IssuedOn,
                    string.IsNullOrWhiteSpace(c.Signer) ? null : c.Signer.Trim(), c.Title.Trim(), c.PlanTitle.Trim(), c.ExistingDocumentId);
            if (c.ImplementsDocumentIds is { } selected)
            {
                var unknown = selected.Except(d.Implements.Select(r => r.DocumentId).OfType<long>()).ToList();
                if (unknown.Count > 0)
                    throw new RuleViolationException("implementsDocumentIds", Wording.Pick($"Văn bản {string.Join(", ", unknown)} không nằm trong số văn bản được trích dẫn.", $"Document(s) {string.Join(", ", unknown)} are not among those the text cites."));
                foreach (var r in d.Implements) r.Selected = r.DocumentId is { } id && selected.Contains(id);
            }
            return await DraftWorkspace.SaveAsync(db, draft, proposal, time, ct);
        }
    }
}
