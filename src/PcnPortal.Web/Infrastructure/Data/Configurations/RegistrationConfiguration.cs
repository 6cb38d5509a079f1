using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PcnPortal.Domain.Registration;

namespace PcnPortal.Web.Infrastructure.Data.Configurations;

internal sealed class LocalityConfiguration : IEntityTypeConfiguration<Locality>
{
    public void Configure(EntityTypeBuilder<Locality> builder)
    {
        builder.Property(l => l.Name).HasMaxLength(100);
        builder.HasIndex(l => l.Name).IsUnique();
    }
}

internal sealed class PcnConfiguration : IEntityTypeConfiguration<Pcn>
{
    public void Configure(EntityTypeBuilder<Pcn> builder)
    {
        builder.Property(p => p.Code).HasMaxLength(6);
        builder.HasIndex(p => p.Code).IsUnique();
        builder.Property(p => p.Name).HasMaxLength(100);
        builder.Property(p => p.CcgCode).HasMaxLength(5);
        builder.Property(p => p.CcgName).HasMaxLength(200);
        builder.Property(p => p.NominatedPayeeCode).HasMaxLength(10);
        builder.Property(p => p.NominatedPayeeName).HasMaxLength(200);
        builder.Property(p => p.MapNote).HasMaxLength(2000);
        builder.Property(p => p.PopulationExceptionReason).HasMaxLength(1000);
        builder.Property(p => p.PopulationExceptionAgreedBy).HasMaxLength(256);
        builder.HasIndex(p => p.CcgCode);
        builder.HasIndex(p => p.Name);
        builder.HasOne(p => p.Locality).WithMany(l => l.Pcns).HasForeignKey(p => p.LocalityId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class PracticeConfiguration : IEntityTypeConfiguration<Practice>
{
    public void Configure(EntityTypeBuilder<Practice> builder)
    {
        builder.Property(p => p.Code).HasMaxLength(6);
        builder.HasIndex(p => p.Code).IsUnique();
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Postcode).HasMaxLength(10);
        builder.Property(p => p.CcgCode).HasMaxLength(5);
    }
}

internal sealed class PcnMembershipConfiguration : IEntityTypeConfiguration<PcnMembership>
{
    public void Configure(EntityTypeBuilder<PcnMembership> builder)
    {
        builder.HasOne(m => m.Pcn).WithMany(p => p.Memberships).HasForeignKey(m => m.PcnId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Practice).WithMany(p => p.Memberships).HasForeignKey(m => m.PracticeId).OnDelete(DeleteBehavior.Cascade);
        // One membership per practice, PCN and start date. Two PCNs on the same start date are possible: the national ePCN data
        // has them (kept as published, outside the configured CCGs, and named as PRACTICE-MULTIPLE-PCNS).
        builder.HasIndex(m => new { m.PracticeId, m.StartDate, m.PcnId }).IsUnique();
    }
}

internal sealed class PracticeListSizeConfiguration : IEntityTypeConfiguration<PracticeListSize>
{
    public void Configure(EntityTypeBuilder<PracticeListSize> builder)
    {
        builder.HasOne(l => l.Practice).WithMany(p => p.ListSizes).HasForeignKey(l => l.PracticeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.PracticeId, l.AsAt }).IsUnique();
    }
}

internal sealed class ClinicalDirectorConfiguration : IEntityTypeConfiguration<ClinicalDirector>
{
    public void Configure(EntityTypeBuilder<ClinicalDirector> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Profession).HasMaxLength(100);
        builder.Property(c => c.Email).HasMaxLength(256);
        builder.HasOne(c => c.Pcn).WithMany(p => p.ClinicalDirectors).HasForeignKey(c => c.PcnId).OnDelete(DeleteBehavior.Cascade);
    }
}
