using Microsoft.AspNetCore.Identity;
using Npgsql;
using PlanTracker.Benchmarks.Generator;
using PlanTracker.Core.Domain;

namespace PlanTracker.Benchmarks.Benchmarks.W1;

/// <summary>One task of W1 as the secretariat enters it, and whether the workload closes it afterwards.</summary>
public sealed record W1Task(int Plan, string Code, string Title, long LeadAgencyId, DateOnly StartOn, DateOnly DueOn, DateOnly? CompletedOn);

/// <summary>
/// The peer workload W1 (issue 6 item 3, made fair to Redmine's in issue 17): 30 agencies with 2
/// users each (a head and an officer: 60 in all, as Redmine's 2 members in each of 30 projects),
/// plus the secretariat's clerk who enters the tasks and the administrator who runs the jobs;
/// 20,000 tasks with due dates uniform over the 730 days from 690 days before today (on the day the
/// Redmine run was made, 22/11/2026, that is 01/01/2025..31/12/2026) and start dates 30-180 days
/// earlier, about 60% left open, from a fixed seed. The people are written by COPY (what is measured
/// is the tasks' creation through the API, not account set-up); the tasks are only described here
/// and created through the API.
/// </summary>
public static class W1Workload
{
    public const int Agencies = 30;
    public const int UsersPerAgency = 2;
    public const int Tasks = 20_000;
    /// <summary>Plans the tasks are entered in: a provincial plan holds a few hundred tasks.</summary>
    public const int Plans = 40;
    /// <summary>The smoke run's plans: one per client is enough to exercise every step, and each plan costs two set-up requests.</summary>
    public const int SmokePlans = 8;
    public const double ClosedShare = 0.4;
    public const string Password = UserGenerator.Password;
    public const string SecretariatEmail = "thuongtruc@w1.plantracker.local";
    public const string AdminEmail = "admin@w1.plantracker.local";
    /// <summary>Days before and after today the due dates span: the Redmine run's 01/01/2025..31/12/2026 seen from its 22/11/2026.</summary>
    public const int DueDaysBefore = 690, DueDaysAfter = 39;

    public static DateOnly FirstDue(DateOnly today) => today.AddDays(-DueDaysBefore);

    /// <summary>The agencies' ids: 2..31 (1 is the provincial People's Committee office, the secretariat).</summary>
    public static long AgencyId(int index) => 2 + index;

    /// <summary>The officer of agency <paramref name="index"/>.</summary>
    public static string OfficerEmail(int index) => $"canbo{index + 1:00}-01@w1.plantracker.local";

    public static async Task WritePeopleAsync(NpgsqlConnection connection)
    {
        await using (var p = await CopyWriter.StartAsync(connection, "provinces", "id", "key", "name"))
        {
            p.Row().Long(1).Text("w1").Text("Tỉnh W1");
            await p.CompleteAsync();
        }
        await using (var a = await CopyWriter.StartAsync(connection, "agencies",
            "id", "key", "name", "short_name", "level", "kind", "province_id", "parent_id", "is_secretariat"))
        {
            a.Row().Long(1).Text("w1/vp-ubnd").Text("Văn phòng UBND tỉnh W1").Text("Văn phòng UBND").Enum(AgencyLevel.Province)
                .Enum(AgencyKind.Office).Long(1).Null().Bool(true);
            for (var i = 0; i < Agencies; i++)
                a.Row().Long(AgencyId(i)).Text($"w1/so-{i + 1:00}").Text($"Sở số {i + 1:00} tỉnh W1").Text($"Sở số {i + 1:00}")
                    .Enum(AgencyLevel.Province).Enum(AgencyKind.Department).Long(1).Null().Bool(false);
            await a.CompleteAsync();
        }

        var roles = new Dictionary<string, long>();
        await using (var r = await CopyWriter.StartAsync(connection, "roles", "id", "name", "normalized_name", "concurrency_stamp"))
        {
            foreach (var (role, i) in Roles.All.Select((x, i) => (x, i)))
            {
                roles[role] = i + 1;
                r.Row().Long(i + 1).Text(role).Text(role.ToUpperInvariant()).Text($"w1-{role}");
            }
            await r.CompleteAsync();
        }

        var hash = new PasswordHasher<AppUser>().HashPassword(new AppUser(), Password);
        var random = new StableRandom(20_261_122, "w1-users");
        var userRoles = new List<(long User, long Role)>();
        await using (var u = await CopyWriter.StartAsync(connection, "users",
            "id", "display_name", "agency_id", "preferred_culture", "user_name", "normalized_user_name", "email", "normalized_email",
            "email_confirmed", "password_hash", "security_stamp", "concurrency_stamp", "phone_number_confirmed", "two_factor_enabled",
            "lockout_end", "lockout_enabled", "access_failed_count"))
        {
            long next = 1;
            void Add(string email, long? agency, string role)
            {
                var id = next++;
                u.Row().Long(id).Text($"{random.Pick(VietnameseNames.FamilyNames)} {random.Pick(VietnameseNames.GivenNames)}").Long(agency).Text("vi")
                    .Text(email).Text(email.ToUpperInvariant()).Text(email).Text(email.ToUpperInvariant()).Bool(true).Text(hash)
                    .Text(random.NextGuid().ToString("N").ToUpperInvariant()).Text(random.NextGuid().ToString()).Bool(false).Bool(false)
                    .Timestamp(null).Bool(true).Int(0);
                userRoles.Add((id, roles[role]));
            }
            Add(AdminEmail, null, Roles.Admin);
            Add(SecretariatEmail, 1, Roles.Secretariat);
            for (var i = 0; i < Agencies; i++)
            {
                Add($"giamdoc{i + 1:00}@w1.plantracker.local", AgencyId(i), Roles.AgencyHead);
                for (var k = 1; k < UsersPerAgency; k++) Add($"canbo{i + 1:00}-{k:00}@w1.plantracker.local", AgencyId(i), Roles.AgencyOfficer);
            }
            await u.CompleteAsync();
        }
        await using (var ur = await CopyWriter.StartAsync(connection, "user_roles", "user_id", "role_id"))
        {
            foreach (var (user, role) in userRoles) ur.Row().Long(user).Long(role);
            await ur.CompleteAsync();
        }
        await BulkLoad.AdvanceIdentitiesAsync(connection, ["provinces", "agencies", "users", "roles"]);
    }

    /// <summary>
    /// The tasks (20,000 unless <paramref name="count"/> says otherwise), numbered 1, 2, … in each of the <paramref name="plans"/> plans. A task is closed (done, on a day
    /// between its start and the earlier of its due date and today) with probability 0.4 when it has
    /// started by today; the rest stay open, so about 60% are open.
    /// </summary>
    public static IReadOnlyList<W1Task> Describe(int seed, DateOnly today, int count = Tasks, int plans = Plans)
    {
        var r = new StableRandom(seed, "w1-tasks");
        var list = new List<W1Task>(count);
        for (var i = 0; i < count; i++)
        {
            var due = FirstDue(today).AddDays(r.Between(0, DueDaysBefore + DueDaysAfter));
            var start = due.AddDays(-r.Between(30, 180));
            var close = r.Chance(ClosedShare);
            var lastDay = due < today ? due.AddDays(r.Between(0, 20)) : today; // some finish late
            if (lastDay > today) lastDay = today;
            DateOnly? completed = close && start <= today ? start.AddDays(r.Between(0, lastDay.DayNumber - start.DayNumber)) : null;
            list.Add(new W1Task(i % plans, $"{i / plans + 1}", VietnameseNames.TaskTitle(r), AgencyId(r.Next(Agencies)), start, due, completed));
        }
        return list;
    }
}
