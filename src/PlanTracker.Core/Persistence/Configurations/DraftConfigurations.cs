using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanTracker.Core.Domain;

namespace PlanTracker.Core.Persistence.Configurations;

internal sealed class DocumentDraftConfiguration : IEntityTypeConfiguration<DocumentDraft>
{
    public void Configure(EntityTypeBuilder<DocumentDraft> b)
    {
        b.ToTable("document_drafts");
        b.Property(d => d.Proposal).HasColumnType("jsonb");
        b.Property(d => d.Version).IsConcurrencyToken();
        b.HasIndex(d => d.ProvinceId);
    }
}
