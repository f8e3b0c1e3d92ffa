using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Audit;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Digests;

/// <summary>
/// The signed-in user chooses their digest: none, daily at an hour, or weekly on a day at an hour
/// (province time). Values arrive as text ("weekly", "monday") so that a wrong one is answered
/// with the field's name and the allowed values, not a deserialisation error.
/// </summary>
public static class SetDigestPreference
{
    public sealed record Command(string? Frequency, string? Weekday, int? Hour) : IRequest<GetDigestPreference.Result>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Frequency).NotEmpty().WithMessage("'frequency' is required: none, daily or weekly.")
                .Must(f => Parse<DigestFrequency>(f) is not null).When(c => !string.IsNullOrWhiteSpace(c.Frequency), ApplyConditionTo.CurrentValidator)
                .WithMessage(c => $"'frequency' must be one of {Allowed<DigestFrequency>()}; '{c.Frequency}' is not.");

            When(c => Parse<DigestFrequency>(c.Frequency) == DigestFrequency.Weekly, () =>
                RuleFor(c => c.Weekday).NotEmpty().WithMessage("'weekday' is required for a weekly digest.")
                    .Must(d => Parse<DayOfWeek>(d) is not null).When(c => !string.IsNullOrWhiteSpace(c.Weekday), ApplyConditionTo.CurrentValidator)
                    .WithMessage(c => $"'weekday' must be one of {Allowed<DayOfWeek>()}; '{c.Weekday}' is not."));
            When(c => Parse<DigestFrequency>(c.Frequency) is DigestFrequency.Daily or DigestFrequency.None, () =>
                RuleFor(c => c.Weekday).Empty().WithMessage("'weekday' applies only to a weekly digest; leave it out."));

            When(c => Parse<DigestFrequency>(c.Frequency) is DigestFrequency.Daily or DigestFrequency.Weekly, () =>
                RuleFor(c => c.Hour).NotNull().WithMessage("'hour' is required for a daily or weekly digest (0–23, province time).")
                    .InclusiveBetween(0, 23).WithMessage(c => $"'hour' must be between 0 and 23 (province time); {c.Hour} is not."));
            When(c => Parse<DigestFrequency>(c.Frequency) == DigestFrequency.None, () =>
                RuleFor(c => c.Hour).Null().WithMessage("'hour' does not apply when digests are off; leave it out."));
        }
    }

    /// <summary>Case-insensitive names only: Enum.TryParse would also take "7" or "1,2".</summary>
    public static T? Parse<T>(string? value) where T : struct, Enum =>
        !string.IsNullOrWhiteSpace(value) && Enum.GetNames<T>().FirstOrDefault(n => n.Equals(value.Trim(), StringComparison.OrdinalIgnoreCase)) is { } name
            ? Enum.Parse<T>(name)
            : null;

    private static string Allowed<T>() where T : struct, Enum => string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()));

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, TimeProvider time) : IRequestHandler<Command, GetDigestPreference.Result>
    {
        public async Task<GetDigestPreference.Result> Handle(Command c, CancellationToken ct)
        {
            var userId = access.UserId;
            var frequency = Parse<DigestFrequency>(c.Frequency)!.Value;
            var weekday = Parse<DayOfWeek>(c.Weekday);
            var now = time.GetUtcNow();
            var preference = await db.DigestPreferences.SingleOrDefaultAsync(p => p.UserId == userId, ct);
            var before = preference is null ? null : new { preference.Frequency, preference.Weekday, preference.Hour };
            if (preference is null) db.DigestPreferences.Add(preference = new DigestPreference(userId, frequency, weekday, c.Hour, now));
            else preference.Set(frequency, weekday, c.Hour, now);
            db.Record(now, userId, "digest.preference", nameof(AppUser), userId, before, new { preference.Frequency, preference.Weekday, preference.Hour });
            await db.SaveChangesAsync(ct);
            return new GetDigestPreference.Result(preference.Frequency, preference.Weekday, preference.Hour, false);
        }
    }
}
