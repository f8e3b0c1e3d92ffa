using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Audit;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Email;
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

    private sealed record Assignment(string Code, string Title, long AgencyId, bool Lead);

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, TimeProvider time) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command c, CancellationToken ct)
        {
            var provinceId = await access.SecretariatProvinceAsync(db, ct);
            var plan = await db.Plans.SingleOrDefaultAsync(p => p.Id == c.PlanId, ct) ?? throw new NotFoundException($"Plan {c.PlanId} does not exist.");
            if (plan.ProvinceId != provinceId) throw new ForbiddenException("You manage only your own province's plans.");
            if (c.Version is { } version) await db.EnsureVersionAsync(plan, version, ct);
            if (!await db.Tasks.AnyAsync(t => t.PlanId == plan.Id && !t.IsGroup, ct))
                throw new RuleViolationException("planId", "A plan needs at least one task before it is published.");

            var now = time.GetUtcNow();
            plan.Publish(now);

            // Each assignment, with group assignees expanded to their members.
            var leads = await db.Tasks.Where(t => t.PlanId == plan.Id && !t.IsGroup)
                .Select(t => new Assignment(t.Code, t.Title, t.LeadAgencyId!.Value, true)).ToListAsync(ct);
            var coordinating = await db.Tasks.Where(t => t.PlanId == plan.Id && !t.IsGroup)
                .SelectMany(t => t.CoordinatingAgencies.Select(ca => new Assignment(t.Code, t.Title, ca.AgencyId, false))).ToListAsync(ct);
            var assignments = leads.Concat(coordinating).ToList();
            var memberships = await db.Set<AgencyGroupMember>().ToListAsync(ct);
            var expanded = assignments.SelectMany(a => memberships.Where(m => m.GroupId == a.AgencyId)
                    .Select(m => a with { AgencyId = m.MemberId }).DefaultIfEmpty(a))
                .GroupBy(a => a.AgencyId).ToDictionary(g => g.Key, g => g.DistinctBy(x => (x.Code, x.Lead)).ToList());
            var agencyIds = expanded.Keys.ToList();
            // Deactivated and locked accounts get no mail (ActiveUsers, the rule every mail job uses).
            var recipients = await db.Users.Active(now).Where(u => u.AgencyId != null && agencyIds.Contains(u.AgencyId.Value))
                .Select(u => new { u.Id, u.Email, AgencyId = u.AgencyId!.Value }).ToListAsync(ct);

            foreach (var user in recipients)
            {
                var lines = expanded[user.AgencyId].OrderBy(a => a.Code, TaskCodeOrder.Comparer)
                    .Select(a => $"- {a.Code} {a.Title} ({(a.Lead ? "chủ trì" : "phối hợp")})");
                var body = $"Kế hoạch \"{plan.Title}\" đã được ban hành. Cơ quan của anh/chị được giao:\r\n\r\n{string.Join("\r\n", lines)}\r\n";
                db.OutboxMessages.Add(new OutboxMessage("plan.published", user.Email!, user.Id, $"Kế hoạch mới: {plan.Title}", body, null, now));
            }
            db.Record(now, access.UserId, "plan.published", nameof(Plan), plan.Id, new { Status = PlanStatus.Draft },
                new { Status = PlanStatus.Published, Recipients = recipients.Count });
            await db.SaveChangesAsync(ct);
            return recipients.Count;
        }
    }
}
