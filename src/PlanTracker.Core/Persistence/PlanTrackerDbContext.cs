using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;

namespace PlanTracker.Core.Persistence;

/// <summary>
/// The one DbContext. Handlers use it directly (no repository layer) and save explicitly.
/// The schema is owned by the SQL files in <c>migrations/</c>; a test proves this model agrees with them.
/// </summary>
public sealed class PlanTrackerDbContext(DbContextOptions<PlanTrackerDbContext> options)
    : IdentityDbContext<AppUser, IdentityRole<long>, long>(options)
{
    public DbSet<Province> Provinces => Set<Province>();
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<Document> Documents => Set<Document>();
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<PlanTask> Tasks => Set<PlanTask>();
    public DbSet<Target> Targets => Set<Target>();
    public DbSet<TargetActual> TargetActuals => Set<TargetActual>();
    public DbSet<ProgressUpdate> ProgressUpdates => Set<ProgressUpdate>();
    public DbSet<ExtensionRequest> ExtensionRequests => Set<ExtensionRequest>();
    public DbSet<ReportingPeriod> ReportingPeriods => Set<ReportingPeriod>();
    public DbSet<PeriodReport> PeriodReports => Set<PeriodReport>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<Holiday> Holidays => Set<Holiday>();
    public DbSet<SteeringAssignment> SteeringAssignments => Set<SteeringAssignment>();
    public DbSet<Email.OutboxMessage> OutboxMessages => Set<Email.OutboxMessage>();
    public DbSet<Email.NotificationLog> NotificationLog => Set<Email.NotificationLog>();
    public DbSet<Email.AgencyNotice> AgencyNotices => Set<Email.AgencyNotice>();
    public DbSet<DigestPreference> DigestPreferences => Set<DigestPreference>();
    public DbSet<QuarterlyReport> QuarterlyReports => Set<QuarterlyReport>();
    public DbSet<Jobs.JobRun> JobRuns => Set<Jobs.JobRun>();
    public DbSet<PlanParent> PlanParents => Set<PlanParent>();
    public DbSet<TaskLink> TaskLinks => Set<TaskLink>();
    // Inside the agency (decision 0028)
    public DbSet<AgencySettings> AgencySettings => Set<AgencySettings>();
    public DbSet<AgencyDeputy> AgencyDeputies => Set<AgencyDeputy>();
    public DbSet<TaskAssignment> TaskAssignments => Set<TaskAssignment>();
    public DbSet<ProgressSubmission> ProgressSubmissions => Set<ProgressSubmission>();
    public DbSet<TaskComment> TaskComments => Set<TaskComment>();
    public DbSet<Notification> Notifications => Set<Notification>();

    /// <summary>Mirrors the SQL function of the same name; see <see cref="TimelinessRules.Compute"/>.</summary>
    public static string TaskTimeliness(PlanTaskStatus status, DateOnly? completedOn, DeadlineKind deadlineKind, DateOnly? dueOn, DateOnly today) =>
        throw new NotSupportedException("Translated to SQL only.");

    /// <summary>The IMMUTABLE wrapper of unaccent() (migration 0006), indexed for search.</summary>
    public static string Unaccent(string text) => throw new NotSupportedException("Translated to SQL only.");

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PlanTrackerDbContext).Assembly);
        builder.HasDbFunction(typeof(PlanTrackerDbContext).GetMethod(nameof(TaskTimeliness))!).HasName("task_timeliness");
        builder.HasDbFunction(typeof(PlanTrackerDbContext).GetMethod(nameof(Unaccent))!).HasName("f_unaccent");
        SqlFunctions.Register(builder);
        builder.UseSnakeCaseNames();
    }

    /// <summary>
    /// Every save raises the version of the versioned records it updates (those whose methods did not
    /// already) and names the version it read in the UPDATE's WHERE, so of two simultaneous saves one
    /// wins and the other is refused; what the database refuses comes back as a 409 that says why
    /// (decision 0014), for pages, the API and jobs alike.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>().Where(e => e.State == EntityState.Modified))
        {
            var version = entry.Property(v => v.Version);
            if (Equals(version.CurrentValue, version.OriginalValue)) version.CurrentValue = version.OriginalValue + 1;
        }
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        // Identity's user store expects this exception itself (a failed sign-in counted by two requests at once
        // becomes IdentityResult.ConcurrencyFailure, not an error); an account's stale save reaches the API's safety net.
        catch (DbUpdateConcurrencyException e) when (!e.Entries.Any(x => x.Entity is AppUser))
        {
            var stale = e.Entries.Select(x => ConflictMessages.Describe(x.Entity)).FirstOrDefault(d => d is not null);
            var message = stale is { } s
                ? await ConflictMessages.StaleAsync(this, s.What, s.EntityType, s.Id, cancellationToken)
                : ConflictMessages.Stale(ConflictMessages.Record, null, null);
            throw new ConflictException(message, e);
        }
        catch (DbUpdateException e) when (ConflictMessages.Duplicate(e) is { } duplicate)
        {
            throw duplicate;
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in SQL and safe when members are added or reordered.
        configurationBuilder.Properties<Enum>().HaveConversion<string>();
    }
}
