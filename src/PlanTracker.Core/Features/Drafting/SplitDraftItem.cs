using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Drafting;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Drafting;

/// <summary>
/// The secretariat splits an item that holds several tasks: each part becomes an item ("3", "3bis",
/// …), read again on its own for the agency it names, its deadline and targets; what a part does not
/// say it keeps from the item.
/// </summary>
public static class SplitDraftItem
{
    public sealed record Command(long DraftId, int Version, string ItemId, IReadOnlyList<string> Parts) : IRequest<int>, ITransactionalCommand;

    private static readonly string[] Repeats = ["bis", "ter", "quater", "quinquies", "sexies"];

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, TimeProvider time) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command c, CancellationToken ct)
        {
            var parts = (c.Parts ?? []).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
            if (parts.Count < 2) throw new RuleViolationException("parts", Wording.Pick("Hãy nhập ít nhất hai phần không rỗng để tách mục.", "Give at least two non-empty parts to split the item into."));
            if (parts.Any(p => p.Length > 10000)) throw new RuleViolationException("parts", Wording.Pick("Có phần dài quá 10.000 ký tự.", "A part is longer than 10,000 characters."));
            var (draft, proposal) = await DraftWorkspace.OpenAsync(db, access, c.DraftId, c.Version, ct);
            var item = DraftWorkspace.Item(proposal, c.ItemId);
            if (item.IsGroup) throw new RuleViolationException("itemId", Wording.Pick($"'{item.Code}' là nhóm; hãy tách các mục bên dưới.", $"'{item.Code}' is a group heading; split the items under it instead."));
            var directory = await DraftWorkspace.DirectoryAsync(db, draft.ProvinceId, ct);
            var calendar = await db.WorkingDayCalendarAsync(ct);

            var at = proposal.Items.IndexOf(item);
            var number = 1;
            for (var k = 0; k < parts.Count; k++)
            {
                var part = parts[k];
                // A part copied from the source keeps its place in it; typed words have none.
                var offset = item.Span is { } span ? draft.SourceText.IndexOf(part, span.Start, StringComparison.Ordinal) : -1;
                var reading = ItemReader.Read(part, Math.Max(0, offset), directory, proposal.Document.IssuedOn, calendar);
                var target = k == 0 ? item : new ProposedItem
                {
                    Id = NextId(proposal), ParentId = item.ParentId, Origin = item.Origin, Lead = item.Lead,
                    Coordinating = [.. item.Coordinating], Deadline = item.Deadline, Code = NextCode(proposal, item.Code, ref number),
                };
                target.Title = part.Length <= 300 ? part : part[..part.LastIndexOf(' ', 299)] + " …";
                target.Description = part.Length <= 300 ? null : part;
                target.Span = offset >= 0 ? new SourceSpan(offset, offset + part.Length) : null;
                if (reading.Lead is { Agency: { } lead } mention)
                    target.Lead = new ProposedAssignee { AgencyId = lead.Id, AgencyKey = lead.Key, Name = lead.Name, Basis = AssigneeBasis.Named, Span = Span(mention, offset) };
                if (reading.Coordinating.Count > 0)
                    target.Coordinating = reading.Coordinating.Select(m => new ProposedAssignee
                    {
                        AgencyId = m.Agency!.Id, AgencyKey = m.Agency.Key, Name = m.Agency.Name, Basis = AssigneeBasis.Named, Span = Span(m, offset),
                    }).ToList();
                if (reading.Deadline is { } d) target.Deadline = ProposedDeadline.Of(d.Deadline, offset >= 0 ? new SourceSpan(d.Start, d.End) : null);
                var due = target.Deadline is { } dl && !Deadline.IsOngoingKind(dl.Kind) ? dl.DueOn : null;
                target.Targets = reading.Targets.Select(t => new ProposedTarget
                {
                    Indicator = t.Indicator, Unit = t.Unit, UnitText = t.UnitText, Comparison = t.Comparison, Value = t.Value, DueOn = due, Text = t.Text,
                    Span = offset >= 0 ? new SourceSpan(t.Start, t.End) : null,
                }).ToList();
                target.Accepted = true;
                if (k > 0) proposal.Items.Insert(at + k, target);
            }
            return await DraftWorkspace.SaveAsync(db, draft, proposal, time, ct);
        }

        private static SourceSpan? Span(AgencyMention m, int offset) => offset >= 0 ? new SourceSpan(m.Start, m.End) : null;

        private static string NextId(Proposal proposal) =>
            "i" + (proposal.Items.Select(i => int.TryParse(i.Id.AsSpan(1), out var n) ? n : 0).DefaultIfEmpty().Max() + 1);

        private static string NextCode(Proposal proposal, string code, ref int number)
        {
            while (true)
            {
                var candidate = code + (number - 1 < Repeats.Length ? Repeats[number - 1] : "-" + (number + 1));
                number++;
                if (proposal.Items.All(i => i.Code != candidate)) return candidate;
            }
        }
    }
}
