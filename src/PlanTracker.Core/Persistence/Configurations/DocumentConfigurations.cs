using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanTracker.Core.Domain;

namespace PlanTracker.Core.Persistence.Configurations;

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> b)
    {
        b.ToTable("documents");
        b.HasIndex(d => d.Key).IsUnique();
        b.HasMany(d => d.Implements).WithOne().HasForeignKey(l => l.DocumentId);
        b.Navigation(d => d.Implements).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class DocumentLinkConfiguration : IEntityTypeConfiguration<DocumentLink>
{
    public void Configure(EntityTypeBuilder<DocumentLink> b)
    {
        b.ToTable("document_links");
        b.HasKey(l => new { l.DocumentId, l.ImplementedId });
        b.HasOne(l => l.Implemented).WithMany().HasForeignKey(l => l.ImplementedId);
    }
}
