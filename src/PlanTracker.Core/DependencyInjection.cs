using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PlanTracker.Core.Common;
using PlanTracker.Core.Persistence;
using PlanTracker.Core.Seeding;

namespace PlanTracker.Core;

public static class DependencyInjection
{
    /// <param name="directConnectionString">Straight to PostgreSQL when <paramref name="connectionString"/> goes through a transaction-pooling pgbouncer (<see cref="DirectDatabase"/>).</param>
    /// <param name="replica">The read replica for lagging reads (<see cref="LaggingReads"/>); none: the primary serves them.</param>
    public static IServiceCollection AddPlanTrackerCore(this IServiceCollection services, string connectionString,
        string? directConnectionString = null, ReadReplicaOptions? replica = null)
    {
        services.AddSingleton(_ => DataSources.Build(connectionString));
        services.AddSingleton(sp => new DirectDatabase(string.IsNullOrWhiteSpace(directConnectionString)
            ? sp.GetRequiredService<NpgsqlDataSource>()
            : DataSources.Build(directConnectionString)));
        // Pooled (issue 17): a request borrows a context the previous one returned, instead of building its internal
        // services anew. The context keeps no state of its own beyond what EF Core resets on return (tracked
        // entities, the savepoint setting); per-request state lives in AccessContext and the handlers.
        services.AddDbContextPool<PlanTrackerDbContext>((sp, options) =>
            options.UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton(replica ?? new ReadReplicaOptions());
        services.AddSingleton<ReadReplica>();
        services.AddScoped<LaggingReads>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ProvinceClock>();
        services.AddSingleton(sp => new SchemaMigrator(sp.GetRequiredService<DirectDatabase>().DataSource,
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<SchemaMigrator>>()));
        services.AddScoped<SeedLoader>();
        services.AddScoped<Seeding.DemoAgencyWork>();
        services.AddScoped<Authorization.AccessContext>();
        services.AddScoped<Authorization.AgencyWorkAccess>();
        services.AddScoped<Reporting.ReportingCalendar>();
        services.AddScoped<Jobs.JobRunner>();
        services.AddSingleton(new Reporting.ReportingOptions());
        services.AddSingleton(new Files.EvidenceOptions());
        services.AddSingleton(new Features.Mail.OutboxOptions());
        services.AddSingleton(new Features.Reminders.ReminderOptions());
        services.AddSingleton(new Features.Escalations.EscalationOptions());
        services.AddSingleton(new Features.ReportingCycle.ReportingCycleOptions());
        services.AddSingleton(new Features.Dashboard.DashboardOptions());
        services.AddScoped<Notifications.Recipients>();
        services.AddSingleton(new Features.Digests.DigestOptions());
        services.AddSingleton<SignedTokens>();
        services.AddSingleton<Files.IEvidenceStore, Files.FolderEvidenceStore>();
        services.AddSingleton(new Email.MailOptions());
        services.AddSingleton<Email.MailTemplates>();
        services.AddSingleton<Email.IMailTemplate, Features.Reminders.DeadlineReminderMail>();
        services.AddSingleton(new Reports.ReportOptions());
        services.AddSingleton<Reports.QuarterlyReportStore>();
        services.AddScoped<Reports.QuarterlyReportCompiler>();
        services.AddMediatR5(typeof(DependencyInjection).Assembly);
        return services;
    }

    /// <summary>
    /// MediatR 5.1.0 without its DI package (not in the registry): the mediator is scoped so that
    /// handlers get the request's DbContext; handlers and validators are found by scanning once.
    /// </summary>
    private static void AddMediatR5(this IServiceCollection services, System.Reflection.Assembly assembly)
    {
        services.AddScoped<ServiceFactory>(sp => sp.GetService);
        services.AddScoped<IMediator, Mediator>();
        // Outermost: a value out of bounds never reaches a validator, a handler or the database.
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(InputBehavior<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(TransactionBehavior<,>));
        Type[] open = [typeof(IRequestHandler<,>), typeof(INotificationHandler<>), typeof(IValidator<>)];
        foreach (var type in assembly.GetTypes().Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false }))
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && open.Contains(i.GetGenericTypeDefinition())))
                services.AddTransient(contract, type);
    }
}
