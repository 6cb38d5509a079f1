using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PcnPortal.Web.Infrastructure.Security;

internal sealed class PortalUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.Property(u => u.PcnCode).HasMaxLength(6);
        builder.Property(u => u.ExternalSubject).HasMaxLength(200);
        builder.Property(u => u.ExternalTenant).HasMaxLength(200);

        // One portal account per provider subject (accounts not linked, with nulls, are not constrained).
        builder.HasIndex(u => new { u.ExternalTenant, u.ExternalSubject }).IsUnique();
    }
}
