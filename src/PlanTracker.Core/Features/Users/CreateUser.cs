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

/// <summary>An administrator creates an account with its agency, role and (for steering members) overseen agencies.</summary>
public static class CreateUser
{
    public sealed record Command(string Email, string DisplayName, string Role, long? AgencyId, string Password,
        IReadOnlyList<long>? OverseesAgencyIds = null) : IRequest<long>, ITransactionalCommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Email).NotEmpty().EmailAddress().MaximumLength(256);
            RuleFor(c => c.DisplayName).NotEmpty().MaximumLength(200);
            RuleFor(c => c.Role).Must(r => Roles.All.Contains(r)).WithMessage($"'role' must be one of {string.Join(", ", Roles.All)}.");
            RuleFor(c => c.AgencyId).NotNull().When(c => c.Role is Roles.AgencyOfficer or Roles.AgencyHead or Roles.Secretariat)
                .WithMessage("'agencyId' is required for this role.");
            RuleFor(c => c.Password).NotEmpty().MinimumLength(8);
        }
    }

    public sealed class Handler(PlanTrackerDbContext db, UserManager<AppUser> users, AccessContext access, TimeProvider time)
        : IRequestHandler<Command, long>
    {
        public async Task<long> Handle(Command c, CancellationToken ct)
        {
            if (!access.IsAdmin) throw new ForbiddenException(Wording.Pick("Chỉ quản trị viên quản lý tài khoản.", "Only administrators manage accounts."));
            var agencyIds = (c.OverseesAgencyIds ?? []).Append(c.AgencyId ?? 0).Where(id => id != 0).Distinct().ToList();
            // Only current agencies (not merged or split away), and all of one province: a steering member
            // oversees agencies of the province they serve, never another province's (decision 0013).
            var known = await db.Agencies.Where(a => agencyIds.Contains(a.Id) && a.DissolvedOn == null)
                .Select(a => new { a.Id, a.ProvinceId }).ToListAsync(ct);
            if (agencyIds.Except(known.Select(a => a.Id)).FirstOrDefault() is var unknown and not 0)
                throw new RuleViolationException(unknown == c.AgencyId ? "agencyId" : "overseesAgencyIds", Wording.Pick(
                    $"Không có cơ quan {unknown} đang hoạt động (cơ quan không tồn tại hoặc đã sáp nhập, chia tách).",
                    $"Agency {unknown} does not exist or was dissolved (merged or split)."));
            if (known.Select(a => a.ProvinceId).Distinct().Count() > 1)
                throw new RuleViolationException("overseesAgencyIds", Wording.Pick(
                    "Thành viên ban chỉ đạo chỉ theo dõi các cơ quan của tỉnh mình.", "A steering member oversees agencies of their own province only."));
            if (await users.FindByEmailAsync(c.Email) is not null)
                throw new RuleViolationException("email", Wording.Pick($"Đã có tài khoản cho {c.Email}.", $"An account for {c.Email} exists already."));

            var user = new AppUser { UserName = c.Email, Email = c.Email, EmailConfirmed = true, DisplayName = c.DisplayName, AgencyId = c.AgencyId };
            Check(await users.CreateAsync(user, c.Password));
            Check(await users.AddToRoleAsync(user, c.Role));
            foreach (var overseen in c.OverseesAgencyIds ?? []) db.SteeringAssignments.Add(new SteeringAssignment(user.Id, overseen));
            db.Record(time.GetUtcNow(), access.UserId, "user.created", nameof(AppUser), user.Id, null, new { c.Email, c.Role, c.AgencyId });
            await db.SaveChangesAsync(ct);
            return user.Id;
        }

        private static void Check(IdentityResult result)
        {
            if (!result.Succeeded)
                throw new RuleViolationException(result.Errors.First().Code.Contains("Password") ? "password" : "email",
                    string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
