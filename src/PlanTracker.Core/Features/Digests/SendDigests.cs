using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Email;
using PlanTracker.Core.Notifications;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Digests;

/// <summary>
/// The digest job, run every hour. A user is due on the as-of date when their preference says so
/// (daily, or weekly on that weekday) and their hour has come: for a run as of today that is the
/// clock's hour in the province, for any other date the whole day (a manual run as of a date sends
/// that date's digests whatever their hour). One mail per person, by role: agency staff get the tasks handed
/// to them (decision 0028) and their agency's overdue and due-soon tasks and what changed since their last digest; steering members
/// the overdue and at-risk tasks of the agencies they oversee; the secretariat the province summary.
/// Nothing to say, no mail. The log (job, date, user, "digest") makes a second run a no-op.
/// </summary>
public static class SendDigests
{
    public const string Job = "digests";
    public const string Item = "digest";

    /// <param name="UpToHour">Send the digests set for this hour or earlier; none: the clock's hour today, else the whole day.</param>
    public sealed record Command(DateOnly AsOf, int? UpToHour = null) : IRequest<Result>, ITransactionalCommand;

    public sealed record Result(int Mails, int Due, int NothingToSay)
    {
        public override string ToString() => $"{Mails} mail(s), {Due} due, {NothingToSay} with nothing to say";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.UpToHour).InclusiveBetween(0, 23);
    }

    private sealed record Person(long Id, string Email, string DisplayName, string Culture, long? AgencyId, long? ProvinceId);

    private sealed record Previous(DateOnly AsOf, DateTimeOffset SentAt);

    public sealed class Handler(PlanTrackerDbContext db, DigestOptions options, MailOptions mailOptions, SignedTokens tokens,
        ProvinceClock clock, TimeProvider time) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command c, CancellationToken ct)
        {
            var now = time.GetUtcNow();
            var hour = c.UpToHour ?? (c.AsOf == clock.Today ? clock.Now.Hour : 23);
            var due = await DueAsync(c.AsOf, hour, now, ct);
            if (due.Count == 0) return new Result(0, 0, 0);

            var ids = due.Select(d => d.Person.Id).ToList();
            var roles = (await db.UserRoles.Where(ur => ids.Contains(ur.UserId)).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
                .ToListAsync(ct)).ToLookup(r => r.UserId, r => r.Name);
            var overseen = (await db.SteeringAssignments.Where(s => ids.Contains(s.UserId)).ToListAsync(ct)).ToLookup(s => s.UserId, s => s.AgencyId);
            var previous = await PreviousAsync(ids, c.AsOf, ct);
            var content = new DigestContent(db, options, c.AsOf);
            var mailer = await JobMailer.OpenAsync(db, Job, c.AsOf, time, ct);
            // A digest looks at changes up to its run, or to the end of its date when run for a past date.
            var upTo = Min(now, ProvinceClock.StartOfDayUtc(c.AsOf.AddDays(1)));

            var silent = 0;
            foreach (var (person, schedule, stamp) in due)
            {
                var has = roles[person.Id].ToHashSet();
                var last = previous.GetValueOrDefault(person.Id);
                var after = last is null ? upTo.AddDays(-schedule.PeriodDays) : Min(last.SentAt, ProvinceClock.StartOfDayUtc(last.AsOf.AddDays(1)));
                var parts = new DigestParts(
                    (has.Contains(Roles.AgencyOfficer) || has.Contains(Roles.AgencyHead)) && person.AgencyId is { } agencyId
                        ? await content.AgencyAsync(agencyId, after, upTo, ct) : null,
                    has.Contains(Roles.SteeringMember) ? await content.SteeringAsync(overseen[person.Id].ToList(), ct) : null,
                    has.Contains(Roles.Secretariat) && person.ProvinceId is { } provinceId
                        ? await content.ProvinceAsync(provinceId, last?.AsOf ?? c.AsOf.AddDays(-schedule.PeriodDays), ct) : null,
                    has.Contains(Roles.AgencyOfficer) || has.Contains(Roles.AgencyHead) ? await content.AssignedAsync(person.Id, ct) : null);
                if (parts.IsEmpty)
                {
                    silent++;
                    continue;
                }
                var unsubscribe = mailOptions.Link(await Unsubscribe.PathForAsync(tokens, person.Id, stamp, ct, person.Culture));
                // The digest is one item per person and date; the seat (agency) plays no part in it.
                mailer.Queue(new Recipient(person.Id, person.Email, person.Culture, person.AgencyId ?? 0), [Item], mail =>
                    DigestMail.Compose(mail, person.DisplayName, schedule.Frequency, parts, c.AsOf, upTo, options, mailOptions.Link, unsubscribe));
            }
            await db.SaveChangesAsync(ct);
            return new Result(mailer.Mails, due.Count, silent);
        }

        /// <summary>Active users with an address whose preference (or the default) makes them due, less those already sent this date's digest.</summary>
        /// <returns>Each with their schedule and its version (<see cref="Unsubscribe.Stamp"/>), which their unsubscribe link is bound to.</returns>
        private async Task<List<(Person Person, DigestSchedule Schedule, long Stamp)>> DueAsync(DateOnly asOf, int hour, DateTimeOffset now, CancellationToken ct)
        {
            var people = await db.Users.AsNoTracking()
                .Active(now)
                .Where(u => !db.NotificationLog.Any(n => n.Job == Job && n.AsOf == asOf && n.UserId == u.Id && n.Item == Item))
                .OrderBy(u => u.Id)
                .Select(u => new Person(u.Id, u.Email!, u.DisplayName, u.PreferredCulture, u.AgencyId, u.Agency == null ? null : u.Agency.ProvinceId))
                .ToListAsync(ct);
            var chosen = await db.DigestPreferences.AsNoTracking()
                .ToDictionaryAsync(p => p.UserId, p => (Schedule: new DigestSchedule(p.Frequency, p.Weekday, p.Hour), Stamp: Unsubscribe.Stamp(p.UpdatedAt)), ct);
            return people.Select(p => chosen.TryGetValue(p.Id, out var c) ? (p, c.Schedule, c.Stamp) : (p, options.Default, Unsubscribe.Stamp(null)))
                .Where(x => x.Item2.IsDue(asOf, hour)).ToList();
        }

        /// <summary>Each user's latest digest before this date: where "changes since" and "newly overdue" begin.</summary>
        private async Task<Dictionary<long, Previous>> PreviousAsync(List<long> ids, DateOnly asOf, CancellationToken ct) =>
            await db.NotificationLog.AsNoTracking()
                .Where(n => n.Job == Job && n.Item == Item && n.AsOf < asOf && ids.Contains(n.UserId))
                .GroupBy(n => n.UserId)
                .Select(g => new { UserId = g.Key, AsOf = g.Max(n => n.AsOf), SentAt = g.Max(n => n.OutboxMessage!.CreatedAt) })
                .ToDictionaryAsync(x => x.UserId, x => new Previous(x.AsOf, x.SentAt), ct);

        private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
    }
}
