using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanTracker.Core.Domain;

namespace PlanTracker.Core.Persistence.Configurations;

internal sealed class AgencySettingsConfiguration : IEntityTypeConfiguration<AgencySettings>
{
    public void Configure(EntityTypeBuilder<AgencySettings> b)
    {
        b.ToTable("agency_settings");
        b.HasKey(s => s.AgencyId);
        b.Property(s => s.Version).IsConcurrencyToken();
    }
}

internal sealed class AgencyDeputyConfiguration : IEntityTypeConfiguration<AgencyDeputy>
{
    public void Configure(EntityTypeBuilder<AgencyDeputy> b)
    {
        b.ToTable("agency_deputies");
        b.HasKey(d => new { d.AgencyId, d.UserId });
    }
}

internal sealed class TaskAssignmentConfiguration : IEntityTypeConfiguration<TaskAssignment>
{
    public void Configure(EntityTypeBuilder<TaskAssignment> b)
    {
        b.ToTable("task_assignments");
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasIndex(a => new { a.TaskId, a.AssigneeUserId }).IsUnique().HasDatabaseName("ux_task_assignments_task_user");
    }
}

internal sealed class ProgressSubmissionConfiguration : IEntityTypeConfiguration<ProgressSubmission>
{
    public void Configure(EntityTypeBuilder<ProgressSubmission> b)
    {
        b.ToTable("progress_submissions");
        b.Property(s => s.TargetActuals).HasColumnType("jsonb");
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasIndex(s => s.TaskId).IsUnique().HasFilter("state = 'Pending'").HasDatabaseName("ux_progress_submissions_one_pending");
    }
}

internal sealed class TaskCommentConfiguration : IEntityTypeConfiguration<TaskComment>
{
    public void Configure(EntityTypeBuilder<TaskComment> b) => b.ToTable("task_comments");
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b) => b.ToTable("notifications");
}
