using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanTracker.Core.Domain;

namespace PlanTracker.Core.Persistence.Configurations;

internal sealed class ProvinceConfiguration : IEntityTypeConfiguration<Province>
{
    public void Configure(EntityTypeBuilder<Province> b)
    {
        b.ToTable("provinces");
        b.HasIndex(p => p.Key).IsUnique();
    }
}

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> b)
    {
        b.ToTable("agencies");
        b.HasIndex(a => a.Key).IsUnique();
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasOne(a => a.Province).WithMany().HasForeignKey(a => a.ProvinceId);
        b.HasOne(a => a.Parent).WithMany().HasForeignKey(a => a.ParentId);
        b.HasMany(a => a.Aliases).WithOne().HasForeignKey(a => a.AgencyId);
        b.HasMany(a => a.Members).WithOne().HasForeignKey(m => m.GroupId);
        b.Navigation(a => a.Aliases).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(a => a.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(a => a.IsGroup);
        b.Ignore(a => a.DisplayName);
    }
}

internal sealed class AgencyAliasConfiguration : IEntityTypeConfiguration<AgencyAlias>
{
    public void Configure(EntityTypeBuilder<AgencyAlias> b) => b.ToTable("agency_aliases");
}

internal sealed class AgencyGroupMemberConfiguration : IEntityTypeConfiguration<AgencyGroupMember>
{
    public void Configure(EntityTypeBuilder<AgencyGroupMember> b)
    {
        b.ToTable("agency_group_members");
        b.HasKey(m => new { m.GroupId, m.MemberId });
        b.HasOne(m => m.Member).WithMany().HasForeignKey(m => m.MemberId);
    }
}
