using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Drafting;
using PlanTracker.Core.Features.Agencies;
using PlanTracker.Core.Features.Cascade;
using PlanTracker.Core.Features.Documents;
using PlanTracker.Core.Features.Plans;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Drafting;

/// <summary>
/// The secretariat confirms a reviewed draft: in one transaction the new agencies are created, mapped
/// names become aliases, the document is registered (or the registered one is used), and the plan
/// and its tasks are created through <see cref="RegisterDocument"/>, <see cref="CreatePlan"/> and
/// <see cref="AddTask"/>, exactly as if typed by hand (checked, fanned out to group members, audited).
/// Any refusal leaves nothing behind.
/// </summary>
public static class ConfirmDraft
{
    public sealed record Command(long DraftId, int Version) : IRequest<Result>, ITransactionalCommand;

    public sealed record Result(long PlanId, long DocumentId, int Items, IReadOnlyList<long> CreatedAgencyIds);

    public sealed class Handler(IMediator mediator, PlanTrackerDbContext db, AccessContext access, TimeProvider time) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command c, CancellationToken ct)
        {
            var (draft, proposal) = await DraftWorkspace.OpenAsync(db, access, c.DraftId, c.Version, ct);
            var used = proposal.Items.SelectMany(i => i.Coordinating.Append(i.Lead)).OfType<ProposedAssignee>()
                .Select(a => a.UnknownId).OfType<string>().ToHashSet();
            var unsettled = proposal.UnknownAgencies.Where(u => used.Contains(u.Id) && u.MapToAgencyId is null && u.Create is null).ToList();
            if (unsettled.Count > 0)
                throw new RuleViolationException("unknownAgencies", Wording.Pick("PlanTracker chưa có các cơ quan sau: hãy gán mỗi cơ quan với một cơ quan đã có hoặc tạo cơ quan trước: ",
                    "PlanTracker does not know these agencies: map each to an existing agency or create it first: ") +
                    string.Join(", ", unsettled.Select(u => $"'{u.Name}'")) + ".");
            var leaderless = proposal.Items.Where(i => !i.IsGroup && i.Lead is null).Select(i => i.Code).ToList();
            if (leaderless.Count > 0)
                throw new RuleViolationException("items", Wording.Pick($"Hãy chọn cơ quan chủ trì cho các mục sau (hoặc bỏ chúng): {string.Join(", ", leaderless)}.", $"Give these items a lead agency (or drop them): {string.Join(", ", leaderless)}."));
            if (proposal.Items.Count == 0) throw new RuleViolationException("items", Wording.Pick("Bản dự thảo không còn mục nào để tạo.", "The draft has no items left to create."));

            var agencyOf = new Dictionary<string, long>();
            var created = new List<long>();
            foreach (var unknown in proposal.UnknownAgencies.Where(u => used.Contains(u.Id)))
            {
                if (unknown.MapToAgencyId is { } existing)
                {
                    await mediator.Send(new AddAgencyAlias.Command(existing, unknown.Name), ct);
                    agencyOf[unknown.Id] = existing;
                    continue;
                }
                var n = unknown.Create!;
                var aliases = Tokens.Fold(n.Name) == Tokens.Fold(unknown.Name) ? [] : new[] { unknown.Name };
                var id = await mediator.Send(new CreateAgency.Command(n.Name, n.ShortName, n.Kind, n.Level, aliases), ct);
                agencyOf[unknown.Id] = id;
                created.Add(id);
            }
            long AgencyId(ProposedAssignee a) => a.AgencyId ?? agencyOf[a.UnknownId!];

            var d = proposal.Document;
            var issuer = string.IsNullOrWhiteSpace(d.Issuer)
                ? "UBND tỉnh " + await db.Provinces.Where(p => p.Id == draft.ProvinceId).Select(p => p.Name).SingleAsync(ct)
                : d.Issuer;
            var documentId = d.ExistingDocumentId ?? await mediator.Send(new RegisterDocument.Command(d.Number, d.Kind, issuer, d.IssuedOn, d.Signer,
                string.IsNullOrWhiteSpace(d.Title) ? d.PlanTitle : d.Title,
                d.Implements.Where(r => r.Selected).Select(r => r.DocumentId).OfType<long>().Distinct().ToList()), ct);
            var planId = await mediator.Send(new CreatePlan.Command(documentId, string.IsNullOrWhiteSpace(d.PlanTitle) ? d.Title : d.PlanTitle), ct);

            // Document order puts every section before its items.
            var taskOf = new Dictionary<string, long>();
            foreach (var item in proposal.Items)
            {
                var lead = item.Lead is { } l ? AgencyId(l) : (long?)null;
                var deadline = item.Deadline;
                var added = await mediator.Send(new AddTask.Command(planId, item.Code, item.Title, lead,
                    item.ParentId is { } p && taskOf.TryGetValue(p, out var parent) ? parent : null,
                    Cut(item.Description, 10000),
                    item.Coordinating.Select(AgencyId).Distinct().Where(id => id != lead).ToList(),
                    Cut(deadline?.Text, 300), Cut(item.ExpectedOutput, 2000), item.IsGroup,
                    Targets: item.Targets.Select(t => new AddTask.TargetInput(Cut(string.IsNullOrWhiteSpace(t.Indicator) ? t.Text ?? "Chỉ tiêu" : t.Indicator, 500)!, t.Unit, t.Comparison, t.Value, t.DueOn, null, t.UnitText, Cut(t.Text, 2000))).ToList(),
                    Deadline: deadline is null ? null : new AddTask.DeadlineDetail(deadline.Kind, deadline.StartOn, deadline.DueOn, deadline.WorkingDays, deadline.Inherited),
                    FanOutAgencyIds: item.IsGroup ? null : item.FanOut), ct);
                taskOf[item.Id] = added.TaskId;
            }
            await LinkParentTasks(proposal, taskOf, ct);
            draft.Confirmed(planId, time.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return new Result(planId, documentId, taskOf.Count, created);
        }

        /// <summary>
        /// The links as reviewed, through <see cref="LinkTask"/>: its rules (a parent national or of the province, no
        /// loop), its plan-parent record and its audit; a refusal undoes the whole confirm.
        /// </summary>
        private async Task LinkParentTasks(Proposal proposal, Dictionary<string, long> taskOf, CancellationToken ct)
        {
            foreach (var item in proposal.Items.Where(i => i.Links.Count > 0 && taskOf.ContainsKey(i.Id)))
            {
                var taskId = taskOf[item.Id];
                var ownTargets = item.Links.Any(l => l.OwnTargetIndex is not null)
                    ? await db.Targets.Where(t => t.TaskId == taskId).OrderBy(t => t.SortOrder).ThenBy(t => t.Id).Select(t => t.Id).ToListAsync(ct)
                    : [];
                foreach (var link in item.Links.DistinctBy(l => (l.ParentTaskId, l.ParentTargetId)))
                    await mediator.Send(new LinkTask.Command(taskId, link.ParentTaskId, link.ParentTargetId,
                        link.ParentTargetId is not null && link.OwnTargetIndex is { } i && i < ownTargets.Count ? ownTargets[i] : null), ct);
            }
        }

        private static string? Cut(string? s, int max) => s is null || s.Length <= max ? s : s[..(max - 2)] + " …";
    }
}
