using PlanTracker.Core.Authorization;
using PlanTracker.Core.Email;
using PlanTracker.Core.Features.Jobs;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Mail;

/// <summary>
/// Who reads the outbox: administrators every message; the secretariat only the messages to its own
/// province's users (outbox_messages.province_id, set when the mail was queued; migration 0023).
/// Recipients, bodies and unsubscribe links of other provinces stay out of sight.
/// </summary>
public static class OutboxAccess
{
    public static async Task<IQueryable<OutboxMessage>> VisibleAsync(AccessContext access, PlanTrackerDbContext db, CancellationToken ct)
    {
        JobAccess.Demand(access);
        if (access.IsAdmin) return db.OutboxMessages;
        var provinceId = await access.SecretariatProvinceAsync(db, ct);
        return db.OutboxMessages.Where(m => m.ProvinceId == provinceId);
    }
}
