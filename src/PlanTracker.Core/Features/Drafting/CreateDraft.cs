using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Drafting;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Drafting;

/// <summary>
/// The secretariat pastes a document's text or uploads it (.txt, .docx); PlanTracker reads it and
/// keeps the proposal as a draft to review. Text it cannot read is refused by name and nothing is kept.
/// </summary>
public static class CreateDraft
{
    /// <summary>Either <see cref="Text"/>, or <see cref="FileName"/> with <see cref="Open"/>.</summary>
    public sealed record Command([MultiLine] string? Text, string? FileName = null, Func<Stream>? Open = null) : IRequest<Result>, ITransactionalCommand;

    public sealed record Result(long DraftId, int Version, Proposal Proposal);

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, TimeProvider time) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command c, CancellationToken ct)
        {
            var provinceId = await access.SecretariatProvinceAsync(db, ct);
            DraftSource source;
            if (c.FileName is { } fileName && c.Open is not null)
            {
                await using var stream = c.Open();
                source = DraftInput.FromFile(fileName, stream);
            }
            else source = DraftInput.FromText(c.Text);

            var directory = await DraftWorkspace.DirectoryAsync(db, provinceId, ct);
            var proposal = DraftParser.Parse(source, directory, await db.WorkingDayCalendarAsync(ct));
            if (proposal.Items.Count == 0)
                throw new RuleViolationException(c.FileName is null ? "text" : "file", Wording.Pick(
                    "Không tìm thấy nhiệm vụ nào: văn bản không có mục đánh số (I., 1., a), -, +) dưới một tiêu đề như " +
                    "'NHIỆM VỤ', 'GIẢI PHÁP' hay 'TỔ CHỨC THỰC HIỆN', và không có bảng phân công (STT / Nhiệm vụ / Cơ quan chủ trì).",
                    "No tasks were found: the text has no numbered sections (I., 1., a), -, +) under a heading such as " +
                    "'NHIỆM VỤ', 'GIẢI PHÁP' or 'TỔ CHỨC THỰC HIỆN', and no assignment table (STT / Nhiệm vụ / Cơ quan chủ trì)."));
            await LinkRegisteredDocuments(proposal, provinceId, ct);
            DraftParentTasks.Propose(proposal, await DraftParentTasks.LoadAsync(db, proposal, provinceId, ct));

            // A pasted text is known by what it is: its number and title.
            var name = c.FileName ?? string.Join(" ", new[] { proposal.Document.Number, proposal.Document.Title }.Where(s => !string.IsNullOrEmpty(s)));
            if (name.Length > 200) name = name[..name.LastIndexOf(' ', 199)] + " …";
            var draft = new DocumentDraft(provinceId, access.UserId, time.GetUtcNow(), name.Length > 0 ? name : source.Name, source.Text, ProposalJson.Write(proposal));
            db.Add(draft);
            await db.SaveChangesAsync(ct);
            return new Result(draft.Id, draft.Version, proposal);
        }

        /// <summary>The documents it implements that PlanTracker has, and the document itself if already registered.</summary>
        private async Task LinkRegisteredDocuments(Proposal proposal, long provinceId, CancellationToken ct)
        {
            var numbers = proposal.Document.Implements.Select(r => r.Number).Append(proposal.Document.Number)
                .OfType<string>().Select(n => n.ToLowerInvariant()).Distinct().ToList();
            if (numbers.Count == 0) return;
            var known = await db.Documents.AsNoTracking().Where(d => d.Number != null && numbers.Contains(d.Number.ToLower()))
                .Select(d => new { d.Id, Number = d.Number!, d.ProvinceId }).ToListAsync(ct);
            foreach (var reference in proposal.Document.Implements)
                reference.DocumentId = known.Where(k => string.Equals(k.Number, reference.Number, StringComparison.OrdinalIgnoreCase))
                    .OrderBy(k => k.ProvinceId is null ? 0 : 1).Select(k => (long?)k.Id).FirstOrDefault();
            proposal.Document.ExistingDocumentId = known
                .FirstOrDefault(k => k.ProvinceId == provinceId && string.Equals(k.Number, proposal.Document.Number, StringComparison.OrdinalIgnoreCase))?.Id;
        }
    }
}
