using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Audit;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Plans;

/// <summary>
/// The secretariat adds a task in the document's numbering. The deadline is written as the
/// document writes it and parsed; a group assignee ("các Sở, ban, ngành") fans out into one
/// task per member agency under a heading that keeps the group's name; <see cref="Command.FanOutAgencyIds"/>
/// narrows it to the members chosen (the review of a draft: "các sở, ban, ngành" except the one that leads elsewhere).
/// </summary>
public static class AddTask
{
    public sealed record TargetInput(string Indicator, TargetUnit Unit, TargetComparison Comparison, decimal Value,
        DateOnly? DueOn = null, decimal? Baseline = null, string? UnitText = null, string? Text = null);

    /// <summary>
    /// A deadline already read (by the document drafting, say): its kind and dates as they stand, with
    /// <see cref="DeadlineText"/> as its words; <see cref="Inherited"/> when the item's own words name no time.
    /// </summary>
    public sealed record DeadlineDetail(DeadlineKind Kind, DateOnly? StartOn = null, DateOnly? DueOn = null, int? WorkingDays = null, bool Inherited = false);

    public sealed record Command([property: JsonIgnore] long PlanId, string Code, string Title, long? LeadAgencyId, long? ParentId = null,
        [MultiLine] string? Description = null, IReadOnlyList<long>? CoordinatingAgencyIds = null, string? DeadlineText = null,
        [MultiLine] string? ExpectedOutput = null, bool IsGroup = false, IReadOnlyList<TargetInput>? Targets = null, DeadlineDetail? Deadline = null,
        IReadOnlyList<long>? FanOutAgencyIds = null)
        : IRequest<Result>, ITransactionalCommand;

    public sealed record Result(long TaskId, IReadOnlyList<long> FannedOutTaskIds);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Code).NotEmpty().MaximumLength(50);
            RuleFor(c => c.Title).NotEmpty().MaximumLength(1000);
            RuleFor(c => c.Description).MaximumLength(10000);
            RuleFor(c => c.DeadlineText).MaximumLength(300);
            RuleFor(c => c.Deadline!.Kind).IsInEnum().When(c => c.Deadline is not null);
            // A count of working days is counted out day by day: bounded, so that int.MaxValue is refused, not computed.
            RuleFor(c => c.Deadline!.WorkingDays).InclusiveBetween(1, 3650).When(c => c.Deadline?.WorkingDays is not null)
                .OverridePropertyName("deadline.workingDays");
            RuleFor(c => c.LeadAgencyId).NotNull().When(c => !c.IsGroup).WithMessage(_ => Wording.Pick("Hãy chọn cơ quan chủ trì: chỉ mục tiêu đề (nhóm nhiệm vụ) mới không có cơ quan chủ trì.", "Choose the lead agency: only a group heading has none."));
            RuleForEach(c => c.Targets).ChildRules(t =>
            {
                t.RuleFor(x => x.Indicator).NotEmpty().MaximumLength(500);
                t.RuleFor(x => x.Unit).IsInEnum();
                t.RuleFor(x => x.Comparison).IsInEnum();
                t.RuleFor(x => x.Text).MaximumLength(2000);
            });
        }
    }

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, TimeProvider time) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command c, CancellationToken ct)
        {
            var provinceId = await access.SecretariatProvinceAsync(db, ct);
            // The plan alone, not its tree, with what is asked of its tasks in the same statement (issue 17):
            // is the code taken (the unique plan/code index) and the next sort order (as Plan.NextSortOrder:
            // after the last, 0 when empty), each one index lookup, so adding the 500th task costs what adding
            // the first does.
            var siblings = await db.Plans.Where(p => p.Id == c.PlanId)
                .Select(p => new
                {
                    Plan = p,
                    Last = db.Tasks.Where(t => t.PlanId == p.Id).Max(t => (int?)t.SortOrder),
                    CodeTaken = db.Tasks.Any(t => t.PlanId == p.Id && t.Code == c.Code),
                })
                .SingleOrDefaultAsync(ct)
                ?? throw new NotFoundException(Wording.Pick($"Không có kế hoạch {c.PlanId}.", $"Plan {c.PlanId} does not exist."));
            var plan = siblings.Plan;
            if (plan.ProvinceId != provinceId) throw new ForbiddenException(Wording.Pick("Bạn chỉ quản lý kế hoạch của tỉnh mình.", "You manage only your own province's plans."));
            var parent = c.ParentId is { } parentId
                ? await db.Tasks.SingleOrDefaultAsync(t => t.Id == parentId && t.PlanId == plan.Id, ct)
                    ?? throw new RuleViolationException("parentId", Wording.Pick($"Nhiệm vụ {parentId} không thuộc kế hoạch này.", $"Task {parentId} is not in this plan."))
                : null;
            if (parent is { IsGroup: false }) throw new RuleViolationException("parentId", Wording.Pick($"'{parent.Code}' không phải là nhóm nhiệm vụ.", $"'{parent.Code}' is not a group heading."));
            if (siblings.CodeTaken)
                throw new RuleViolationException("code", Wording.Pick($"Kế hoạch đã có nhiệm vụ mục '{c.Code}'.", $"This plan already has a task numbered '{c.Code}'."));
            var sortOrder = siblings.Last + 1 ?? 0;

            var agencyIds = (c.CoordinatingAgencyIds ?? []).Append(c.LeadAgencyId ?? 0).Where(id => id != 0).Distinct().ToList();
            var agencies = await db.Agencies.Include(a => a.Members).ThenInclude(m => m.Member)
                .Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
            foreach (var (id, field) in agencyIds.Select(id => (id, id == c.LeadAgencyId ? "leadAgencyId" : "coordinatingAgencyIds")))
                if (!agencies.TryGetValue(id, out var agency) || agency.ProvinceId != provinceId)
                    throw new RuleViolationException(field, Wording.Pick($"Cơ quan {id} không thuộc tỉnh này.", $"Agency {id} is not an agency of this province."));
            var deadline = c.Deadline is { } d
                ? Deadline.Check(d.Kind, d.StartOn, d.DueOn, d.WorkingDays) is { } problem
                    ? throw new RuleViolationException("deadline", problem)
                    : Deadline.Restore(d.Kind, c.DeadlineText ?? "", d.StartOn, d.DueOn, d.WorkingDays, d.Inherited)
                : DeadlineText.ParseOrRefuse(c.DeadlineText, await db.WorkingDayCalendarAsync(ct));
            var lead = c.LeadAgencyId is { } leadId ? agencies[leadId] : null;
            var coordinating = (c.CoordinatingAgencyIds ?? []).Select(id => agencies[id]).ToList();

            var fanOut = lead is { IsGroup: true } && !c.IsGroup;
            var fanOutTo = fanOut ? FanOutMembers(lead!, c.FanOutAgencyIds) : [];
            if (!fanOut && c.FanOutAgencyIds is not null) throw GroupFanOut.NotAGroup();
            var task = plan.AddTask(parent, c.Code, c.Title, isGroup: c.IsGroup || fanOut, sortOrder++);
            Fill(task, c, lead, coordinating, deadline, withTargets: !fanOut);
            var members = new List<PlanTask>();
            if (fanOut)
            {
                var i = 0;
                foreach (var member in fanOutTo)
                {
                    var child = plan.AddTask(task, $"{c.Code}#{++i}", c.Title, isGroup: false, sortOrder++);
                    Fill(child, c, member, coordinating, deadline, withTargets: true);
                    members.Add(child);
                }
            }
            await db.SaveChangesAsync(ct);
            db.Record(time.GetUtcNow(), access.UserId, "task.added", nameof(PlanTask), task.Id, null,
                new { c.Code, c.Title, c.LeadAgencyId, c.CoordinatingAgencyIds, c.DeadlineText, c.FanOutAgencyIds, FannedOut = members.Count });
            await db.SaveChangesAsync(ct);
            return new Result(task.Id, members.Select(m => m.Id).ToList());
        }

        /// <summary>The group's members in name order, or those of them chosen.</summary>
        private static List<Agency> FanOutMembers(Agency group, IReadOnlyList<long>? chosen)
        {
            var members = group.Members.Select(m => m.Member).OrderBy(m => m.Name).ToList();
            return GroupFanOut.Chosen(group.Name, members.Select(m => m.Id).ToList(), chosen) is { } only ? members.Where(m => only.Contains(m.Id)).ToList() : members;
        }

        private static void Fill(PlanTask task, Command c, Agency? lead, IEnumerable<Agency> coordinating, Deadline deadline, bool withTargets)
        {
            task.Describe(c.Description, c.ExpectedOutput);
            task.Assign(lead, coordinating);
            task.SetDeadline(deadline);
            if (!withTargets) return;
            foreach (var t in c.Targets ?? [])
                task.AddTarget(t.Indicator, t.Unit, t.UnitText, t.Comparison, t.Value, t.DueOn, t.Baseline, t.Text);
        }
    }
}
