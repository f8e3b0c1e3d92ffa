using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanTracker.Core.Domain;

namespace PlanTracker.Core.Persistence.Configurations;

internal sealed class ProgressUpdateConfiguration : IEntityTypeConfiguration<ProgressUpdate>
{
    public void Configure(EntityTypeBuilder<ProgressUpdate> b) => b.ToTable("progress_updates");
}

internal sealed class ExtensionRequestConfiguration : IEntityTypeConfiguration<ExtensionRequest>
{
    public void Configure(EntityTypeBuilder<ExtensionRequest> b)
    {
        b.ToTable("extension_requests");
        b.Property(e => e.Version).IsConcurrencyToken();
        // One pending request per task (migration 0024): the database settles two simultaneous requests.
        b.HasIndex(e => e.TaskId).IsUnique().HasFilter("state = 'Pending'").HasDatabaseName("ux_extension_requests_one_pending");
    }
}

internal sealed class ReportingPeriodConfiguration : IEntityTypeConfiguration<ReportingPeriod>
{
    public void Configure(EntityTypeBuilder<ReportingPeriod> b)
    {
        b.ToTable("reporting_periods");
        b.HasIndex(p => new { p.Regime, p.Year, p.Number, p.ProvinceId }).IsUnique().AreNullsDistinct(false);
    }
}

internal sealed class PeriodReportConfiguration : IEntityTypeConfiguration<PeriodReport>
{
    public void Configure(EntityTypeBuilder<PeriodReport> b)
    {
        b.ToTable("period_reports");
        b.HasIndex(r => new { r.ReportingPeriodId, r.AgencyId }).IsUnique();
        b.Property(r => r.Version).IsConcurrencyToken();
        b.Ignore(r => r.Sections); // a view of the four section columns, not a column itself
    }
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        b.ToTable("audit_events");
        b.Property(e => e.Data).HasColumnType("jsonb");
    }
}

internal sealed class HolidayConfiguration : IEntityTypeConfiguration<Holiday>
{
    public void Configure(EntityTypeBuilder<Holiday> b)
    {
        b.ToTable("holidays");
        b.HasKey(h => h.Date);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<Email.OutboxMessage>
{
    public void Configure(EntityTypeBuilder<Email.OutboxMessage> b)
    {
        b.ToTable("outbox_messages");
        b.HasIndex(m => m.MessageId).IsUnique();
        b.Property(m => m.Model).HasColumnType("jsonb");
        b.HasMany(m => m.Attachments).WithOne().HasForeignKey(a => a.OutboxMessageId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OutboxAttachmentConfiguration : IEntityTypeConfiguration<Email.OutboxAttachment>
{
    public void Configure(EntityTypeBuilder<Email.OutboxAttachment> b)
    {
        b.ToTable("outbox_attachments");
        b.HasIndex(a => a.OutboxMessageId);
    }
}

internal sealed class EvidenceConfiguration : IEntityTypeConfiguration<Evidence>
{
    public void Configure(EntityTypeBuilder<Evidence> b) => b.ToTable("evidence");
}

internal sealed class AgencyNoticeConfiguration : IEntityTypeConfiguration<Email.AgencyNotice>
{
    public void Configure(EntityTypeBuilder<Email.AgencyNotice> b)
    {
        b.ToTable("agency_notices");
        b.HasKey(n => new { n.Job, n.AsOf, n.AgencyId, n.Item });
    }
}

internal sealed class NotificationLogConfiguration : IEntityTypeConfiguration<Email.NotificationLog>
{
    public void Configure(EntityTypeBuilder<Email.NotificationLog> b)
    {
        b.ToTable("notification_log");
        b.HasKey(n => new { n.Job, n.AsOf, n.UserId, n.Item });
        b.HasOne(n => n.OutboxMessage).WithMany().HasForeignKey(n => n.OutboxMessageId);
    }
}
