using FluentValidation;
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
/// Anyone asks for a password reset link for an e-mail address. The answer is the same whether the
/// address has an account or not; an active account gets one mail through the outbox (at most one per
/// <see cref="MinimumInterval"/>, so the form cannot be used to flood a mailbox).
/// </summary>
public static class RequestPasswordReset
{
    public const string MailKind = "password.reset";
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromMinutes(5);

    public sealed record Command(string Email) : IRequest<Unit>, ITransactionalCommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Email).NotEmpty().MaximumLength(256).EmailAddress()
            .WithMessage(_ => Wording.Pick("Hãy nhập một địa chỉ thư điện tử hợp lệ ('email', tối đa 256 ký tự).", "'email' must be an e-mail address (at most 256 characters)."));
    }

    public sealed class Handler(PlanTrackerDbContext db, UserManager<AppUser> users, MailOptions mail, TimeProvider time)
        : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command c, CancellationToken ct)
        {
            var now = time.GetUtcNow();
            var user = await users.FindByEmailAsync(c.Email.Trim());
            if (user is null || user.LockoutEnd > now || user.Email is null) return Unit.Value;
            if (await db.OutboxMessages.AnyAsync(m => m.UserId == user.Id && m.Kind == MailKind && m.CreatedAt > now - MinimumInterval, ct))
                return Unit.Value;

            var token = await users.GeneratePasswordResetTokenAsync(user);
            var link = mail.Link($"/Account/ResetPassword?uid={user.Id}&token={Uri.EscapeDataString(token)}");
            var m = new MailComposer(user.PreferredCulture);
            m.Paragraph(m.Pick($"Chào {user.DisplayName},", $"Hello {user.DisplayName},"))
                .Paragraph(m.Pick("Có người (có thể là anh/chị) đã yêu cầu đặt lại mật khẩu PlanTracker của tài khoản này.",
                    "Someone (probably you) asked to reset the PlanTracker password of this account."))
                .Link(m.Pick("Đặt mật khẩu mới tại:", "Set a new password at:"), link)
                .Paragraph(m.Pick("Liên kết dùng được một lần và hết hạn sau 2 giờ. Nếu anh/chị không yêu cầu, hãy bỏ qua thư này: mật khẩu hiện tại vẫn giữ nguyên.",
                    "The link works once and expires after 2 hours. If you did not ask, ignore this mail: your password stays as it is."));
            var (text, html) = m.Build();
            db.OutboxMessages.Add(new OutboxMessage(MailKind, user.Email, user.Id,
                m.Pick("PlanTracker: đặt lại mật khẩu", "PlanTracker: reset your password"), text, html, now));
            db.Record(now, null, "user.password-reset-requested", nameof(AppUser), user.Id, null, null);
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
