using MediatR;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Drafting;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Drafting;

/// <summary>
/// The secretariat merges items the parser cut apart (a paragraph that continues the item before it):
/// the first keeps its number, title and lead and takes the others' words, targets, coordinating
/// agencies and sub-items; a deadline of their own replaces one it only inherited.
/// </summary>
public static class MergeDraftItems
{
    public sealed record Command(long DraftId, int Version, IReadOnlyList<string> ItemIds) : IRequest<int>, ITransactionalCommand;

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, TimeProvider time) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command c, CancellationToken ct)
        {
            var ids = (c.ItemIds ?? []).Distinct().ToList();
            if (ids.Count < 2) throw new RuleViolationException("itemIds", Wording.Pick("Hãy chọn ít nhất hai mục để gộp.", "Choose at least two items to merge."));
            var (draft, proposal) = await DraftWorkspace.OpenAsync(db, access, c.DraftId, c.Version, ct);
            var items = ids.Select(id => DraftWorkspace.Item(proposal, id)).ToList();
            var first = items[0];
            if (items.Any(i => i.ParentId != first.ParentId))
                throw new RuleViolationException("itemIds", Wording.Pick("Chỉ gộp được các mục cùng một phần; hãy chuyển chúng về cùng phần trước.", "Only items of the same section can be merged; move them first."));
            foreach (var other in items.Skip(1))
            {
                first.Description = string.Join("\n", new[] { first.Description ?? first.Title, other.Description ?? other.Title });
                first.Span = Union(first.Span, other.Span);
                first.Targets.AddRange(other.Targets);
                first.Coordinating.AddRange(other.Coordinating.Where(a => (a.AgencyKey ?? a.UnknownId) != (first.Lead?.AgencyKey ?? first.Lead?.UnknownId)
                    && first.Coordinating.All(x => (x.AgencyKey ?? x.UnknownId) != (a.AgencyKey ?? a.UnknownId))));
                if (first.Deadline is null or { Inherited: true } && other.Deadline is { Inherited: false } own) first.Deadline = own;
                foreach (var child in proposal.Items.Where(i => i.ParentId == other.Id)) child.ParentId = first.Id;
                proposal.Items.Remove(other);
            }
            if (proposal.Items.Any(i => i.ParentId == first.Id)) first.IsGroup = true;
            first.Accepted = true;
            return await DraftWorkspace.SaveAsync(db, draft, proposal, time, ct);
        }

        private static SourceSpan? Union(SourceSpan? a, SourceSpan? b) =>
            a is null ? b : b is null ? a : new SourceSpan(Math.Min(a.Start, b.Start), Math.Max(a.End, b.End));
    }
}
