using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanTracker.Core.Domain;

namespace PlanTracker.Core.Persistence.Configurations;

internal sealed class DigestPreferenceConfiguration : IEntityTypeConfiguration<DigestPreference>
{
    public void Configure(EntityTypeBuilder<DigestPreference> b)
    {
        b.ToTable("digest_preferences");
        b.HasKey(p => p.UserId);
        b.HasOne<AppUser>().WithOne().HasForeignKey<DigestPreference>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
