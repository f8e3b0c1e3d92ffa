using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanTracker.Core.Domain;

namespace PlanTracker.Core.Persistence.Configurations;

internal sealed class QuarterlyReportConfiguration : IEntityTypeConfiguration<QuarterlyReport>
{
    public void Configure(EntityTypeBuilder<QuarterlyReport> b)
    {
        b.ToTable("quarterly_reports");
        b.HasIndex(r => new { r.ProvinceId, r.ReportingPeriodId, r.Version, r.Kind }).IsUnique();
        b.Ignore(r => r.ContentType);
    }
}
