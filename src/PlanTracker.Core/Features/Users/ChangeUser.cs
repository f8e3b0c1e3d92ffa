using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using PlanTracker.Core.Audit;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Users;

/// <summary>An administrator deactivates or reactivates an account, or sets a new password.</summary>
public static class ChangeUser
{
    public sealed record Command(long UserId, bool? Active = null, string? NewPassword = null, int? Version = null) : IRequest<Unit>, ITransactionalCommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.NewPassword).MinimumLength(8).When(c => c.NewPassword is not null);
    }

    public sealed class Handler(PlanTrackerDbContext db, UserManager<AppUser> users, AccessContext access, TimeProvider time)
        : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command c, CancellationToken ct)
        {
            if (!access.IsAdmin) throw new ForbiddenException("Only administrators manage accounts.");
            var user = await users.FindByIdAsync(c.UserId.ToString()) ?? throw new NotFoundException($"User {c.UserId} does not exist.");
            // The version the administrator read (GET /users); Identity's ConcurrencyStamp refuses the loser of a simultaneous save (decision 0014).
            if (c.Version is { } version && version != user.Version)
                throw new ConflictException(await ConflictMessages.StaleAsync(db, ConflictMessages.Describe(user)!.Value.What, nameof(AppUser), user.Id, ct));
            user.Version++;
            if (c.Active is { } active)
            {
                if (!active && user.Id == access.UserId) throw new RuleViolationException("active", "You cannot deactivate your own account.");
                await users.SetLockoutEnabledAsync(user, true);
                await users.SetLockoutEndDateAsync(user, active ? null : DateTimeOffset.MaxValue);
                // A new security stamp signs the account out of its open sessions.
                await users.UpdateSecurityStampAsync(user);
            }
            if (c.NewPassword is { } password)
            {
                var token = await users.GeneratePasswordResetTokenAsync(user);
                var result = await users.ResetPasswordAsync(user, token, password);
                if (!result.Succeeded) throw new RuleViolationException("newPassword", string.Join(" ", result.Errors.Select(e => e.Description)));
            }
            db.Record(time.GetUtcNow(), access.UserId, "user.changed", nameof(AppUser), user.Id, null,
                new { c.Active, PasswordReset = c.NewPassword is not null });
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
