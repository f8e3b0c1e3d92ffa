using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using PlanTracker.Core.Audit;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Account;

/// <summary>
/// A signed-in user changes their own password. Identity renews the security stamp, so every other
/// session of the account (a stolen token, a forgotten browser) ends at its next request.
/// </summary>
public static class ChangePassword
{
    public sealed record Command(string CurrentPassword, string NewPassword) : IRequest<Unit>, ITransactionalCommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.CurrentPassword).NotEmpty().WithMessage(_ => Wording.Pick("Hãy nhập mật khẩu hiện tại ('currentPassword').", "'currentPassword' is required."));
            RuleFor(c => c.NewPassword).NotEmpty().WithMessage(_ => Wording.Pick("Hãy nhập mật khẩu mới ('newPassword').", "'newPassword' is required."));
        }
    }

    public sealed class Handler(PlanTrackerDbContext db, UserManager<AppUser> users, AccessContext access, TimeProvider time)
        : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command c, CancellationToken ct)
        {
            var user = await users.FindByIdAsync(access.UserId.ToString())
                ?? throw new ForbiddenException(Wording.Pick("Tài khoản không còn tồn tại.", "Your account no longer exists."));
            var result = await users.ChangePasswordAsync(user, c.CurrentPassword, c.NewPassword);
            if (!result.Succeeded)
            {
                var wrongCurrent = result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch));
                throw new RuleViolationException(wrongCurrent ? "currentPassword" : "newPassword", string.Join(" ", result.Errors.Select(e => e.Description)));
            }
            db.Record(time.GetUtcNow(), user.Id, "user.password-changed", nameof(AppUser), user.Id, null, null);
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
