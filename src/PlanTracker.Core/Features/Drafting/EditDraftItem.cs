using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Drafting;
using PlanTracker.Core.Features.Plans;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Drafting;

/// <summary>
/// The secretariat accepts or corrects one proposed item: any field left null stays as proposed. An
/// edited item counts as accepted.
/// </summary>
public static class EditDraftItem
{
    public sealed record Command([property: JsonIgnore] long DraftId, int Version, [property: JsonIgnore] string ItemId, string? Code = null, string? Title = null, [MultiLine] string? Description = null,
        bool? IsGroup = null, long? LeadAgencyId = null, IReadOnlyList<long>? CoordinatingAgencyIds = null, string? DeadlineText = null,
        IReadOnlyList<AddTask.TargetInput>? Targets = null, bool? Accepted = null, [MultiLine] string? ExpectedOutput = null,
        IReadOnlyList<long>? FanOutAgencyIds = null) : IRequest<int>, ITransactionalCommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Code).NotEmpty().MaximumLength(50).When(c => c.Code is not null);
            RuleFor(c => c.Title).NotEmpty().MaximumLength(1000).When(c => c.Title is not null);
            RuleFor(c => c.Description).MaximumLength(10000);
            RuleFor(c => c.DeadlineText).MaximumLength(300);
            RuleFor(c => c.ExpectedOutput).MaximumLength(2000);
            RuleForEach(c => c.Targets).ChildRules(t =>
            {
                t.RuleFor(x => x.Indicator).NotEmpty().MaximumLength(500);
                t.RuleFor(x => x.Unit).IsInEnum();
                t.RuleFor(x => x.Comparison).IsInEnum();
            });
        }
    }

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, TimeProvider time) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command c, CancellationToken ct)
        {
            var (draft, proposal) = await DraftWorkspace.OpenAsync(db, access, c.DraftId, c.Version, ct);
            var item = DraftWorkspace.Item(proposal, c.ItemId);
            var directory = await DraftWorkspace.DirectoryAsync(db, draft.ProvinceId, ct);
            ProposedAssignee Agency(long id, string field) => directory.ById(id) is { } a
                ? new ProposedAssignee { AgencyId = a.Id, AgencyKey = a.Key, Name = a.Name, Basis = AssigneeBasis.Reviewer }
                : throw new RuleViolationException(field, Wording.Pick($"Cơ quan {id} không phải cơ quan hiện có của tỉnh.", Wording.Pick($"Cơ quan {id} không phải là cơ quan hiện hành của tỉnh mình.", $"Agency {id} is not a current agency of your province.")));

            if (c.Code is { } code)
            {
                if (proposal.Items.Any(i => i != item && i.Code == code.Trim())) throw new RuleViolationException("code", Wording.Pick($"Đã có mục khác đánh số '{code}'.", $"Another item is already numbered '{code}'."));
                item.Code = code.Trim();
            }
            if (c.Title is { } title) item.Title = title.Trim();
            if (c.Description is { } description) item.Description = description.Length == 0 ? null : description;
            if (c.IsGroup is { } isGroup)
            {
                if (!isGroup && proposal.Items.Any(i => i.ParentId == item.Id))
                    throw new RuleViolationException("isGroup", Wording.Pick($"'{item.Code}' còn các mục bên dưới nên vẫn là nhóm.", $"'{item.Code}' has items under it: it stays a group heading."));
                item.IsGroup = isGroup;
            }
            if (c.LeadAgencyId is { } lead && lead != item.Lead?.AgencyId)
            {
                item.Lead = Agency(lead, "leadAgencyId");
                item.FanOut = null; // another lead: the members chosen of the previous group no longer apply
            }
            if (c.FanOutAgencyIds is { } fanOut) item.FanOut = FanOutOf(directory, item, fanOut);
            // A name the province does not have stays until the reviewer maps or creates it (UnknownAgencies); the ids replace the rest.
            if (c.CoordinatingAgencyIds is { } coordinating)
                item.Coordinating = item.Coordinating.Where(a => a.AgencyId is null)
                    .Concat(coordinating.Distinct().Where(id => id != item.Lead?.AgencyId).Select(id => Agency(id, "coordinatingAgencyIds"))).ToList();
            if (c.ExpectedOutput is { } output) item.ExpectedOutput = output.Length == 0 ? null : output;
            if (c.DeadlineText is { } text)
                item.Deadline = ProposedDeadline.Of(DeadlineText.ParseOrRefuse(text, await db.WorkingDayCalendarAsync(ct)), null);
            if (c.Targets is { } targets)
                item.Targets = targets.Select(t => new ProposedTarget
                {
                    Indicator = t.Indicator, Unit = t.Unit, UnitText = t.UnitText, Comparison = t.Comparison, Value = t.Value,
                    DueOn = t.DueOn, Text = t.Text,
                }).ToList();
            item.Accepted = c.Accepted ?? true;
            return await DraftWorkspace.SaveAsync(db, draft, proposal, time, ct);
        }

        /// <summary>
        /// The members of the item's group lead chosen to get a task each (checked as <see cref="AddTask"/> checks them on
        /// confirm, so that review refuses what confirm would); all of them is stored as null, the document's own reading.
        /// </summary>
        private static List<long>? FanOutOf(AgencyDirectory directory, ProposedItem item, IReadOnlyList<long> chosen)
        {
            var group = item.Lead?.AgencyId is { } id ? directory.ById(id) : null;
            if (group is not { IsGroup: true }) throw GroupFanOut.NotAGroup();
            var members = (group.MemberKeys ?? []).Select(directory.ByKey).OfType<DirectoryAgency>().Select(a => a.Id).ToHashSet();
            var only = GroupFanOut.Chosen(group.Name, members, chosen)!;
            return only.SetEquals(members) ? null : only.Order().ToList();
        }
    }
}
