using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Audit;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Email;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Account;

/// <summary>
/// Sign-ins to one account keep failing (the throttle decides when: decision 0012). Every active
/// administrator gets a mail through the outbox and the audit trail keeps a record, so that a person
/// decides whether to deactivate the account or reset its password; nothing is locked automatically.
/// </summary>
public static class ReportSignInAttack
{
    public const string MailKind = "sign-in.attack";

    /// <param name="Email">The e-mail address tried (it may have no account).</param>
    public sealed record Command(string Email, int Failures, IReadOnlyList<string> Addresses, TimeSpan Window) : IRequest<Unit>, ITransactionalCommand;

    public sealed class Handler(PlanTrackerDbContext db, TimeProvider time) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command c, CancellationToken ct)
        {
            var now = time.GetUtcNow();
            // The address was typed by whoever tried it: no control characters reach a mail header.
            var email = new string(c.Email.Where(ch => !char.IsControl(ch)).Take(256).ToArray()).Trim();
            c = c with { Email = email };
            var normalized = email.ToUpperInvariant();
            var target = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized).Select(u => (long?)u.Id).FirstOrDefaultAsync(ct);
            var adminRole = await db.Roles.Where(r => r.Name == Roles.Admin).Select(r => r.Id).SingleAsync(ct);
            var admins = await db.Users.AsNoTracking()
                .Where(u => db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == adminRole) && (u.LockoutEnd == null || u.LockoutEnd < now) && u.Email != null)
                .Select(u => new { u.Id, u.Email, u.PreferredCulture }).ToListAsync(ct);
            var addresses = string.Join(", ", c.Addresses.Take(20)) + (c.Addresses.Count > 20 ? ", …" : "");
            foreach (var admin in admins)
            {
                var m = new MailComposer(admin.PreferredCulture);
                m.Paragraph(m.Pick(
                        $"Có {c.Failures} lần đăng nhập sai vào tài khoản {c.Email} trong {c.Window.TotalMinutes:0} phút qua, từ các địa chỉ: {addresses}.",
                        $"{c.Failures} failed sign-ins to the account {c.Email} in the last {c.Window.TotalMinutes:0} minutes, from: {addresses}."))
                    .Paragraph(m.Pick(
                        target is null ? "Thư điện tử này không có tài khoản trong PlanTracker." :
                            "PlanTracker đã làm chậm các lần thử tiếp theo từ những địa chỉ này; tài khoản không bị khóa. Nếu nghi ngờ mật khẩu bị lộ, hãy đặt lại mật khẩu hoặc vô hiệu hóa tài khoản tại trang quản lý tài khoản.",
                        target is null ? "This address has no PlanTracker account." :
                            "PlanTracker slows further attempts from those addresses; the account is not locked. If the password may be known, reset it or deactivate the account."));
                var (text, html) = m.Build();
                db.OutboxMessages.Add(new OutboxMessage(MailKind, admin.Email!, admin.Id,
                    m.Pick($"PlanTracker: nhiều lần đăng nhập sai vào {c.Email}", $"PlanTracker: repeated failed sign-ins to {c.Email}"), text, html, now));
            }
            db.Record(now, null, "sign-in.attack", nameof(AppUser), target, null, new { c.Email, c.Failures, c.Addresses });
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
