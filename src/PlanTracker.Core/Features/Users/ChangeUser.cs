using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Audit;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Users;

/// <summary>
/// An administrator deactivates or reactivates an account, sets a new password, or changes its role or
/// agency. Every one of these ends the account's open sessions (a new security stamp: decision 0012).
/// </summary>
public static class ChangeUser
{
    public sealed record Command(long UserId, bool? Active = null, string? NewPassword = null, string? Role = null, long? AgencyId = null,
        int? Version = null) : IRequest<Unit>, ITransactionalCommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Role).Must(r => r is null || Roles.All.Contains(r))
            .WithMessage(_ => Wording.Pick($"'role' phải là một trong {string.Join(", ", Roles.All)}.", $"'role' must be one of {string.Join(", ", Roles.All)}."));
    }

    public sealed class Handler(PlanTrackerDbContext db, UserManager<AppUser> users, AccessContext access, TimeProvider time)
        : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command c, CancellationToken ct)
        {
            if (!access.IsAdmin) throw new ForbiddenException(Wording.Pick("Chỉ quản trị viên được quản lý tài khoản.", "Only administrators manage accounts."));
            var user = await users.FindByIdAsync(c.UserId.ToString())
                ?? throw new NotFoundException(Wording.Pick($"Không có tài khoản {c.UserId}.", $"User {c.UserId} does not exist."));
            var self = user.Id == access.UserId;
            // An administrator's own account is changed by another administrator: nobody lifts their own
            // deactivation or widens their own powers, whatever token they still hold.
            if (self && c.Active is not null)
                throw new ForbiddenException(Wording.Pick("Quản trị viên không được tự vô hiệu hóa hay kích hoạt lại tài khoản của mình ('active').",
                    "An administrator cannot deactivate or reactivate their own account ('active')."));
            if (self && (c.Role is not null || c.AgencyId is not null))
                throw new ForbiddenException(Wording.Pick("Quản trị viên không được tự đổi vai trò hay cơ quan của mình ('role', 'agencyId').",
                    "An administrator cannot change their own role or agency ('role', 'agencyId')."));
            // The version the administrator read (GET /users); Identity's ConcurrencyStamp refuses the loser of a simultaneous save (decision 0014).
            if (c.Version is { } version && version != user.Version)
                throw new ConflictException(await ConflictMessages.StaleAsync(db, ConflictMessages.Describe(user)!.Value.What, nameof(AppUser), user.Id, ct));
            user.Version++;

            if (c.Active is { } active)
            {
                await users.SetLockoutEnabledAsync(user, true);
                await users.SetLockoutEndDateAsync(user, active ? null : DateTimeOffset.MaxValue);
            }
            if (c.Role is { } role)
            {
                var current = await users.GetRolesAsync(user);
                await CheckAsync(await users.RemoveFromRolesAsync(user, current), "role", user, ct);
                await CheckAsync(await users.AddToRoleAsync(user, role), "role", user, ct);
            }
            if (c.AgencyId is { } agencyId)
            {
                if (!await db.Agencies.AnyAsync(a => a.Id == agencyId && a.DissolvedOn == null, ct))
                    throw new RuleViolationException("agencyId", Wording.Pick(
                        $"Không có cơ quan {agencyId} đang hoạt động (cơ quan không tồn tại hoặc đã sáp nhập, chia tách).",
                        $"Agency {agencyId} does not exist or was dissolved (merged or split)."));
                user.AgencyId = agencyId;
            }
            if (c.NewPassword is { } password)
            {
                var token = await users.GeneratePasswordResetTokenAsync(user);
                await CheckAsync(await users.ResetPasswordAsync(user, token, password), "newPassword", user, ct);
            }
            // A new security stamp ends the account's open sessions (cookies and bearer tokens) at their next request.
            await CheckAsync(await users.UpdateSecurityStampAsync(user), "userId", user, ct);
            db.Record(time.GetUtcNow(), access.UserId, "user.changed", nameof(AppUser), user.Id, null,
                new { c.Active, PasswordReset = c.NewPassword is not null, c.Role, c.AgencyId });
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }

        /// <summary>Identity reports a simultaneous save of the account (its concurrency stamp) as an error: that is a 409, not a 400.</summary>
        private async Task CheckAsync(IdentityResult result, string field, AppUser user, CancellationToken ct)
        {
            if (result.Succeeded) return;
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
                throw new ConflictException(await ConflictMessages.StaleAsync(db, ConflictMessages.Describe(user)!.Value.What, nameof(AppUser), user.Id, ct));
            throw new RuleViolationException(field, string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
