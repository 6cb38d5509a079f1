using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PcnPortal.Domain.Registration;

namespace PcnPortal.Web.Infrastructure.Data.Configurations;

internal sealed class PcnChangeRequestConfiguration : IEntityTypeConfiguration<PcnChangeRequest>
{
    public void Configure(EntityTypeBuilder<PcnChangeRequest> builder)
    {
        builder.HasOne(r => r.Pcn).WithMany().HasForeignKey(r => r.PcnId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Reason).HasMaxLength(2000);
        builder.Property(r => r.DirectorName).HasMaxLength(200);
        builder.Property(r => r.DirectorProfession).HasMaxLength(100);
        builder.Property(r => r.OrganisationCode).HasMaxLength(10);
        builder.Property(r => r.OrganisationName).HasMaxLength(200);
        builder.Property(r => r.SubmittedBy).HasMaxLength(256);
        builder.Property(r => r.DecidedBy).HasMaxLength(256);
        builder.Property(r => r.ReturnReason).HasMaxLength(2000);
        builder.HasIndex(r => new { r.Status, r.EffectiveDate });
    }
}
