using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanTracker.Core.Domain;

namespace PlanTracker.Core.Persistence.Configurations;

internal sealed class PlanParentConfiguration : IEntityTypeConfiguration<PlanParent>
{
    public void Configure(EntityTypeBuilder<PlanParent> b)
    {
        b.ToTable("plan_parents");
        b.HasKey(p => new { p.PlanId, p.ParentPlanId });
        b.HasOne<Plan>().WithMany().HasForeignKey(p => p.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Plan>().WithMany().HasForeignKey(p => p.ParentPlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TaskLinkConfiguration : IEntityTypeConfiguration<TaskLink>
{
    public void Configure(EntityTypeBuilder<TaskLink> b)
    {
        b.ToTable("task_links");
        b.HasOne<PlanTask>().WithMany().HasForeignKey(l => l.TaskId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<PlanTask>().WithMany().HasForeignKey(l => l.ParentTaskId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Target>().WithMany().HasForeignKey(l => l.ParentTargetId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Target>().WithMany().HasForeignKey(l => l.TargetId).OnDelete(DeleteBehavior.SetNull);
    }
}
