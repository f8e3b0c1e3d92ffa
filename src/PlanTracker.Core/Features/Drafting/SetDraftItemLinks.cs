using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Drafting;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Drafting;

/// <summary>
/// The secretariat keeps, removes or adds an item's links to parent tasks in review; confirming the draft
/// creates exactly these (through <see cref="Cascade.LinkTask"/>). A parent task must be one of the
/// draft's choices (<see cref="DraftParentTasks"/>); anything else is refused by field and nothing changes.
/// </summary>
public static class SetDraftItemLinks
{
    /// <summary><see cref="OwnTargetIndex"/>: the position of the item's own target that measures the parent target.</summary>
    public sealed record LinkInput(long ParentTaskId, long? ParentTargetId = null, int? OwnTargetIndex = null);

    /// <summary>A PUT of the item's whole list: an omitted <see cref="Links"/> is an empty list (no links).</summary>
    public sealed record Command([property: JsonIgnore] long DraftId, int Version, [property: JsonIgnore] string ItemId, IReadOnlyList<LinkInput>? Links) : IRequest<int>, ITransactionalCommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Links).Must(l => l is null || l.Count <= 50)
                .WithMessage(_ => Wording.Pick("Một mục liên kết với nhiều nhất 50 nhiệm vụ cấp trên.", "An item links to at most 50 parent tasks."));
            RuleForEach(c => c.Links).NotNull();
            RuleForEach(c => c.Links).ChildRules(l =>
            {
                l.RuleFor(x => x.ParentTaskId).GreaterThan(0);
                l.RuleFor(x => x.OwnTargetIndex).Null().When(x => x.ParentTargetId is null)
                    .WithMessage(_ => Wording.Pick("Chỉ chọn chỉ tiêu của mục khi đã chọn chỉ tiêu cấp trên mà nó đo.", "Choose the item's own target only with the parent target it measures."));
            });
        }
    }

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, TimeProvider time) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command c, CancellationToken ct)
        {
            var (draft, proposal) = await DraftWorkspace.OpenAsync(db, access, c.DraftId, c.Version, ct);
            var item = DraftWorkspace.Item(proposal, c.ItemId);
            var wanted = c.Links ?? [];
            if (item.IsGroup && wanted.Count > 0)
                throw new RuleViolationException("itemId", Wording.Pick($"Mục '{item.Code}' là tiêu đề nhóm, không liên kết với nhiệm vụ cấp trên.", $"Item '{item.Code}' is a group heading; it links to no parent task."));
            var choices = (await DraftParentTasks.LoadAsync(db, proposal, draft.ProvinceId, ct)).ToDictionary(t => t.TaskId);
            var links = new List<ProposedParentLink>();
            // One link per (parent task, parent target), as task_links holds them.
            foreach (var l in wanted.DistinctBy(x => (x.ParentTaskId, x.ParentTargetId)))
            {
                if (!choices.TryGetValue(l.ParentTaskId, out var parent))
                    throw new RuleViolationException("parentTaskId", Wording.Pick(
                        $"Nhiệm vụ cấp trên {l.ParentTaskId} không thuộc kế hoạch nào mà văn bản này thực hiện; chỉ chọn nhiệm vụ của kế hoạch cấp trên (quốc gia hoặc của tỉnh mình).",
                        $"Parent task {l.ParentTaskId} belongs to no plan this document implements; choose a task of a parent plan (national or your province's)."));
                if (l.ParentTargetId is { } pt && parent.Targets.All(t => t.TargetId != pt))
                    throw new RuleViolationException("parentTargetId", Wording.Pick($"Chỉ tiêu {pt} không thuộc nhiệm vụ cấp trên '{parent.Code}'.", $"Target {pt} is not a target of parent task '{parent.Code}'."));
                if (l.OwnTargetIndex is { } own && (own < 0 || own >= item.Targets.Count))
                    throw new RuleViolationException("ownTargetIndex", Wording.Pick($"Mục '{item.Code}' không có chỉ tiêu thứ {own + 1}.", $"Item '{item.Code}' has no target number {own + 1}."));
                // A kept proposal keeps why the reader made it; a new one is the reviewer's.
                links.Add(item.Links.FirstOrDefault(x => x.ParentTaskId == l.ParentTaskId && x.ParentTargetId == l.ParentTargetId && x.OwnTargetIndex == l.OwnTargetIndex)
                    ?? new ProposedParentLink(parent.TaskId, parent.Code, l.ParentTargetId, l.OwnTargetIndex, ParentLinkBasis.Reviewer, 1));
            }
            item.Links = links;
            return await DraftWorkspace.SaveAsync(db, draft, proposal, time, ct);
        }
    }
}
