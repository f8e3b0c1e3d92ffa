using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Seeding;

public sealed record SeedResult(int Provinces, int Agencies, int Documents, int Plans, int Tasks, int Holidays, int Users);

/// <summary>
/// Writes a checked <see cref="SeedSet"/> in one transaction. Idempotent: whatever already exists
/// (by key, date or e-mail) is left as it is, so a restart or a second node loads nothing twice.
/// </summary>
public sealed class SeedLoader(PlanTrackerDbContext db, UserManager<AppUser> users, RoleManager<IdentityRole<long>> roles,
    TimeProvider clock, ILogger<SeedLoader> logger)
{
    private const long SeedLockKey = 0x506C616E53656564; // "PlanSeed"

    public async Task<SeedResult> LoadAsync(SeedSet seed, bool withDemoUsers, string? demoPassword, CancellationToken ct = default)
    {
        if (withDemoUsers && string.IsNullOrEmpty(demoPassword))
            throw new ArgumentException("Demo users need a password.", nameof(demoPassword));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({SeedLockKey})", ct);

        var provinces = await LoadProvinces(seed, ct);
        var agencies = await LoadAgencies(seed, provinces, ct);
        var documents = await LoadDocuments(seed, provinces, ct);
        var (plans, tasks) = await LoadPlans(seed, documents, agencies, provinces, ct);
        await SeedLinks.LoadAsync(db, seed, clock.GetUtcNow(), ct);
        var holidays = await LoadHolidays(seed, ct);
        var createdUsers = withDemoUsers ? await LoadDemoUsers(seed, agencies, demoPassword!, ct) : 0;

        await tx.CommitAsync(ct);
        var result = new SeedResult(provinces.Added, agencies.Added, documents.Added, plans, tasks, holidays, createdUsers);
        logger.LogInformation("Seed data loaded: {Result}", result);
        return result;
    }

    private sealed record Loaded<T>(Dictionary<string, T> ByKey, int Added);

    private async Task<Loaded<Province>> LoadProvinces(SeedSet seed, CancellationToken ct)
    {
        var byKey = await db.Provinces.ToDictionaryAsync(p => p.Key, ct);
        var added = 0;
        foreach (var file in seed.Provinces.Where(p => !p.Content.Central).Select(p => p.Content.Province))
        {
            if (byKey.ContainsKey(file.Key)) continue;
            var province = new Province(file.Key, file.Name);
            db.Provinces.Add(province);
            byKey[province.Key] = province;
            added++;
        }
        await db.SaveChangesAsync(ct);
        return new(byKey, added);
    }

    private async Task<Loaded<Agency>> LoadAgencies(SeedSet seed, Loaded<Province> provinces, CancellationToken ct)
    {
        var byKey = await db.Agencies.ToDictionaryAsync(a => a.Key, ct);
        var added = 0;
        foreach (var (_, file) in seed.Provinces)
        {
            long? provinceId = file.Central ? null : provinces.ByKey[file.Province.Key].Id; // central bodies: no province
            var fresh = new List<(Agency Agency, AgencySeed Seed)>();
            foreach (var s in file.Agencies.Where(s => !byKey.ContainsKey(s.Key)))
            {
                var agency = new Agency(s.Key, s.Name, s.ShortName, s.Level, s.Kind, provinceId);
                if (s.IsSecretariat) agency.MarkAsSecretariat();
                foreach (var alias in s.Aliases ?? []) agency.AddAlias(alias);
                db.Agencies.Add(agency);
                byKey[s.Key] = agency;
                fresh.Add((agency, s));
            }
            foreach (var (agency, s) in fresh)
                if (s.Parent is { } parent) agency.PlaceUnder(byKey[parent]);
            foreach (var g in (file.Groups ?? []).Where(g => !byKey.ContainsKey(g.Key)))
            {
                var group = new Agency(g.Key, g.Name, null, AgencyLevel.Province, AgencyKind.Group, provinceId);
                foreach (var alias in g.Aliases ?? []) group.AddAlias(alias);
                foreach (var member in g.Members.Distinct()) group.AddMember(byKey[member]);
                db.Agencies.Add(group);
                byKey[g.Key] = group;
                added++;
            }
            added += fresh.Count;
        }
        await db.SaveChangesAsync(ct);
        return new(byKey, added);
    }

    private async Task<Loaded<Document>> LoadDocuments(SeedSet seed, Loaded<Province> provinces, CancellationToken ct)
    {
        var byKey = await db.Documents.ToDictionaryAsync(d => d.Key, ct);
        var all = seed.NationalDocuments
            .Concat(seed.Plans.SelectMany(p => (p.Content.ReferencedDocuments ?? []).Append(p.Content.Document)))
            .ToList();
        var fresh = new List<(Document, DocumentSeed)>();
        foreach (var s in all.Where(s => !byKey.ContainsKey(s.Key)))
        {
            var document = new Document(s.Key, s.Number, s.Kind, s.Issuer,
                s.Province is { } p ? provinces.ByKey[p].Id : null, s.IssuedOn, s.Signer, s.Title, s.SourceFile);
            db.Documents.Add(document);
            byKey[s.Key] = document;
            fresh.Add((document, s));
        }
        foreach (var (document, s) in fresh)
            foreach (var implemented in s.Implements ?? [])
                document.AddImplemented(byKey[implemented]);
        await db.SaveChangesAsync(ct);
        return new(byKey, fresh.Count);
    }

    private async Task<(int Plans, int Tasks)> LoadPlans(SeedSet seed, Loaded<Document> documents, Loaded<Agency> agencies,
        Loaded<Province> provinces, CancellationToken ct)
    {
        var existing = await db.Plans.Select(p => p.Key).ToHashSetAsync(ct);
        var (planCount, taskCount) = (0, 0);
        foreach (var (_, file) in seed.Plans.Where(p => !existing.Contains(p.Content.Plan.Key)))
        {
            var provinceId = file.Document.Province is { } p ? provinces.ByKey[p].Id : (long?)null;
            var plan = new Plan(file.Plan.Key, file.Plan.Title, documents.ByKey[file.Document.Key], provinceId);
            AddTasks(plan, null, file.Tasks, agencies.ByKey);
            if (file.Partial is { } note) plan.MarkPartial(note);
            if (file.Demonstration) plan.MarkDemonstration();
            // A seed plan is a document already in force: it is published as loaded.
            plan.Publish(clock.GetUtcNow());
            db.Plans.Add(plan);
            planCount++;
            taskCount += plan.Tasks.Count;
        }
        await db.SaveChangesAsync(ct);
        return (planCount, taskCount);
    }

    private static void AddTasks(Plan plan, PlanTask? parent, IEnumerable<TaskSeed> seeds, Dictionary<string, Agency> agencies)
    {
        foreach (var s in seeds)
        {
            var task = plan.AddTask(parent, s.Code, s.Title, s.IsGroup);
            task.Describe(s.Description, s.ExpectedOutput);
            task.Assign(s.Lead is { } lead ? agencies[lead] : null, (s.Coordinating ?? []).Select(c => agencies[c]));
            if (s.Deadline is { } d)
                task.SetDeadline(Deadline.Restore(d.Kind, d.Text, d.StartOn, d.DueOn, d.WorkingDays, d.Inherited));
            foreach (var t in s.Targets ?? [])
                task.AddTarget(t.Indicator, t.Unit, t.UnitText, t.Comparison, t.Value, t.DueOn, t.Baseline, t.Text);
            AddTasks(plan, task, s.Children ?? [], agencies);
        }
    }

    private async Task<int> LoadHolidays(SeedSet seed, CancellationToken ct)
    {
        var existing = await db.Holidays.Select(h => h.Date).ToHashSetAsync(ct);
        var fresh = seed.Holidays.Where(h => !existing.Contains(h.Date)).Select(h => new Holiday(h.Date, h.Name)).ToList();
        db.Holidays.AddRange(fresh);
        await db.SaveChangesAsync(ct);
        return fresh.Count;
    }

    private async Task<int> LoadDemoUsers(SeedSet seed, Loaded<Agency> agencies, string password, CancellationToken ct)
    {
        foreach (var role in Roles.All.Where(r => !roles.Roles.Any(x => x.Name == r)))
            Check(await roles.CreateAsync(new IdentityRole<long>(role)), $"role {role}");
        var created = 0;
        foreach (var s in seed.DemoUsers)
        {
            if (await users.FindByEmailAsync(s.Email) is not null) continue;
            var user = new AppUser
            {
                UserName = s.Email, Email = s.Email, EmailConfirmed = true, DisplayName = s.DisplayName,
                AgencyId = s.Agency is { } a ? agencies.ByKey[a].Id : null,
            };
            Check(await users.CreateAsync(user, password), s.Email);
            Check(await users.AddToRoleAsync(user, s.Role), s.Email);
            foreach (var overseen in s.Oversees ?? [])
                db.SteeringAssignments.Add(new SteeringAssignment(user.Id, agencies.ByKey[overseen].Id));
            created++;
        }
        await db.SaveChangesAsync(ct);
        return created;
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not create demo {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
