using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using PlanTracker.Core.Audit;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Account;

/// <summary>
/// Sets a new password from a mailed link. Identity's token carries the account's security stamp, and
/// the reset renews the stamp: the link works once, and every open session of the account ends.
/// </summary>
public static class ResetPassword
{
    public sealed record Command(long UserId, string Token, string NewPassword) : IRequest<Unit>, ITransactionalCommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Token).NotEmpty().WithMessage(_ => Wording.Pick("Thiếu mã đặt lại mật khẩu ('token').", "'token' is required."));
            RuleFor(c => c.NewPassword).NotEmpty().WithMessage(_ => Wording.Pick("Hãy nhập mật khẩu mới ('newPassword').", "'newPassword' is required."));
        }
    }

    public sealed class Handler(PlanTrackerDbContext db, UserManager<AppUser> users, TimeProvider time) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command c, CancellationToken ct)
        {
            var invalid = new Authorization.LocalizedIdentityErrors().InvalidToken().Description;
            var user = await users.FindByIdAsync(c.UserId.ToString());
            // A deactivated account's links died with its stamp; an unknown id is answered as a bad link.
            if (user is null || user.LockoutEnd > time.GetUtcNow()) throw new RuleViolationException("token", invalid);
            var result = await users.ResetPasswordAsync(user, c.Token, c.NewPassword);
            if (!result.Succeeded)
            {
                var badToken = result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken));
                throw new RuleViolationException(badToken ? "token" : "newPassword", string.Join(" ", result.Errors.Select(e => e.Description)));
            }
            db.Record(time.GetUtcNow(), user.Id, "user.password-reset", nameof(AppUser), user.Id, null, null);
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
