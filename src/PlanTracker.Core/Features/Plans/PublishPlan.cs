using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Audit;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Email;
using PlanTracker.Core.Localization;
using PlanTracker.Core.Notifications;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Plans;

/// <summary>
/// The secretariat publishes a plan; every user of every assigned agency (lead or coordinating,
/// group members included) gets one outbox message listing that agency's tasks, in the same
/// transaction as the publication.
/// </summary>
public static class PublishPlan
{
    public sealed record Command(long PlanId, int? Version = null) : IRequest<int>, ITransactionalCommand;

    private sealed record Assignment(long TaskId, string Code, string Title, DeadlineKind Kind, DateOnly? StartOn, DateOnly? DueOn, long AgencyId, bool Lead);

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, TimeProvider time, MailOptions mail) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command c, CancellationToken ct)
        {
            var provinceId = await access.SecretariatProvinceAsync(db, ct);
            var plan = await db.Plans.SingleOrDefaultAsync(p => p.Id == c.PlanId, ct) ?? throw new NotFoundException(Wording.Pick($"Không có kế hoạch {c.PlanId}.", $"Plan {c.PlanId} does not exist."));
            if (plan.ProvinceId != provinceId) throw new ForbiddenException(Wording.Pick("Bạn chỉ quản lý kế hoạch của tỉnh mình.", "You manage only your own province's plans."));
            if (c.Version is { } version) await db.EnsureVersionAsync(plan, version, ct);
            if (!await db.Tasks.AnyAsync(t => t.PlanId == plan.Id && !t.IsGroup, ct))
                throw new RuleViolationException("planId", Wording.Pick("Kế hoạch phải có ít nhất một nhiệm vụ trước khi ban hành.", "A plan needs at least one task before it is published."));

            var now = time.GetUtcNow();
            plan.Publish(now);

            // Each assignment, with group assignees expanded to their members.
            var leads = await db.Tasks.Where(t => t.PlanId == plan.Id && !t.IsGroup)
                .Select(t => new Assignment(t.Id, t.Code, t.Title, t.Deadline.Kind, t.Deadline.StartOn, t.Deadline.DueOn, t.LeadAgencyId!.Value, true)).ToListAsync(ct);
            var coordinating = await db.Tasks.Where(t => t.PlanId == plan.Id && !t.IsGroup)
                .SelectMany(t => t.CoordinatingAgencies.Select(ca => new Assignment(t.Id, t.Code, t.Title, t.Deadline.Kind, t.Deadline.StartOn, t.Deadline.DueOn, ca.AgencyId, false))).ToListAsync(ct);
            var assignments = leads.Concat(coordinating).ToList();
            var memberships = await db.Set<AgencyGroupMember>().ToListAsync(ct);
            var expanded = assignments.SelectMany(a => memberships.Where(m => m.GroupId == a.AgencyId)
                    .Select(m => a with { AgencyId = m.MemberId }).DefaultIfEmpty(a))
                .GroupBy(a => a.AgencyId).ToDictionary(g => g.Key, g => g.DistinctBy(x => (x.Code, x.Lead)).ToList());
            var agencyIds = expanded.Keys.ToList();
            // Deactivated and locked accounts get no mail (ActiveUsers, the rule every mail job uses).
            var recipients = await db.Users.Active(now).Where(u => u.AgencyId != null && agencyIds.Contains(u.AgencyId.Value))
                .Select(u => new { u.Id, u.Email, u.PreferredCulture, AgencyId = u.AgencyId!.Value }).ToListAsync(ct);

            foreach (var user in recipients)
            {
                var composer = new MailComposer(user.PreferredCulture);
                var subject = Compose(composer, plan, expanded[user.AgencyId]);
                var (text, html) = composer.Build();
                db.OutboxMessages.Add(new OutboxMessage("plan.published", user.Email!, user.Id, subject, text, html, now));
            }
            db.Record(now, access.UserId, "plan.published", nameof(Plan), plan.Id, new { Status = PlanStatus.Draft },
                new { Status = PlanStatus.Published, Recipients = recipients.Count });
            await db.SaveChangesAsync(ct);
            return recipients.Count;
        }

        /// <summary>The agency's tasks with their deadlines, each linking to its page, and the plan's page: the mail leads somewhere.</summary>
        private string Compose(MailComposer composer, Plan plan, List<Assignment> tasks)
        {
            composer.Paragraph(composer.Pick($"Kế hoạch \"{plan.Title}\" đã được ban hành. Cơ quan của anh/chị được giao:",
                    $"The plan \"{plan.Title}\" has been published. Your agency is assigned:"))
                .Table([composer.Pick("Nhiệm vụ", "Task"), composer.Pick("Vai trò", "Role"), composer.Pick("Thời hạn", "Deadline")],
                    tasks.OrderBy(a => a.Code, TaskCodeOrder.Comparer).Select(a => new MailRow(
                    [
                        $"{a.Code} {a.Title}", a.Lead ? composer.Pick("chủ trì", "lead") : composer.Pick("phối hợp", "coordinating"),
                        DeadlineDisplay.Format(a.Kind, a.StartOn, a.DueOn, composer.Culture),
                    ], mail.Link($"/Tasks/{a.TaskId}"))))
                .Link(composer.Pick("Xem kế hoạch trên PlanTracker:", "Open the plan in PlanTracker:"), mail.Link($"/Plans/{plan.Id}"));
            return composer.Pick($"Kế hoạch mới: {plan.Title}", $"New plan: {plan.Title}");
        }
    }
}
