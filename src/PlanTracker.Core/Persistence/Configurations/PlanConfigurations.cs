using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanTracker.Core.Domain;

namespace PlanTracker.Core.Persistence.Configurations;

internal sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> b)
    {
        b.ToTable("plans");
        b.HasIndex(p => p.Key).IsUnique();
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasOne(p => p.Document).WithMany().HasForeignKey(p => p.DocumentId);
        b.HasMany(p => p.Tasks).WithOne(t => t.Plan).HasForeignKey(t => t.PlanId);
        b.Navigation(p => p.Tasks).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class PlanTaskConfiguration : IEntityTypeConfiguration<PlanTask>
{
    public void Configure(EntityTypeBuilder<PlanTask> b)
    {
        b.ToTable("plan_tasks");
        b.HasIndex(t => new { t.PlanId, t.Code }).IsUnique();
        b.HasOne(t => t.Parent).WithMany().HasForeignKey(t => t.ParentId);
        b.HasOne(t => t.LeadAgency).WithMany().HasForeignKey(t => t.LeadAgencyId);
        b.HasMany(t => t.CoordinatingAgencies).WithOne().HasForeignKey(c => c.TaskId);
        b.HasMany(t => t.Targets).WithOne().HasForeignKey(t => t.TaskId);
        b.Navigation(t => t.CoordinatingAgencies).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(t => t.Targets).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.ComplexProperty(t => t.Deadline, d => d.Property(x => x.Text).IsRequired());
        b.Ignore(t => t.EffectiveDueOn);
        b.Property(t => t.Version).IsConcurrencyToken();
        // Kept by the database (migration 0017) for the dashboard's at-risk index: the app neither writes it
        // nor reads it back after a save (no RETURNING on every progress update), it only filters on it.
        // The same for the target counts (migration 0020), which the dashboard sums.
        foreach (var kept in new[] { b.Property<DateOnly?>(PlanTask.AtRiskFromColumn).Metadata, b.Property<int>(PlanTask.TargetsMetColumn).Metadata,
                     b.Property<int>(PlanTask.TargetsNotMetColumn).Metadata, b.Property<int>(PlanTask.TargetsNoDataColumn).Metadata })
        {
            kept.SetBeforeSaveBehavior(PropertySaveBehavior.Ignore);
            kept.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
        }
    }
}

internal sealed class TaskCoordinatingAgencyConfiguration : IEntityTypeConfiguration<TaskCoordinatingAgency>
{
    public void Configure(EntityTypeBuilder<TaskCoordinatingAgency> b)
    {
        b.ToTable("task_coordinating_agencies");
        b.HasKey(c => new { c.TaskId, c.AgencyId });
        b.HasOne(c => c.Agency).WithMany().HasForeignKey(c => c.AgencyId);
    }
}

internal sealed class TargetConfiguration : IEntityTypeConfiguration<Target>
{
    public void Configure(EntityTypeBuilder<Target> b)
    {
        b.ToTable("targets");
        b.HasMany(t => t.Actuals).WithOne().HasForeignKey(a => a.TargetId);
        b.Navigation(t => t.Actuals).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class TargetActualConfiguration : IEntityTypeConfiguration<TargetActual>
{
    public void Configure(EntityTypeBuilder<TargetActual> b)
    {
        b.ToTable("target_actuals");
        b.HasIndex(a => new { a.TargetId, a.ReportingPeriodId }).IsUnique();
    }
}
