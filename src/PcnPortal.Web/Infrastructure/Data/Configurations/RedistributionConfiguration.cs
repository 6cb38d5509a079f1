using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PcnPortal.Domain.Arrs.Redistribution;

namespace PcnPortal.Web.Infrastructure.Data.Configurations;

internal sealed class RedistributionRoundConfiguration : IEntityTypeConfiguration<RedistributionRound>
{
    public void Configure(EntityTypeBuilder<RedistributionRound> builder)
    {
        builder.Property(r => r.OpenedBy).HasMaxLength(256);
        builder.Property(r => r.ClosedBy).HasMaxLength(256);
        builder.HasIndex(r => new { r.StartYear, r.Status });
        builder.HasMany(r => r.PoolEntries).WithOne().HasForeignKey(e => e.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Bids).WithOne(b => b.Round).HasForeignKey(b => b.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(r => r.Year);
    }
}

internal sealed class RedistributionPoolEntryConfiguration : IEntityTypeConfiguration<RedistributionPoolEntry>
{
    public void Configure(EntityTypeBuilder<RedistributionPoolEntry> builder)
    {
        builder.Property(e => e.Working).HasMaxLength(1000);
        builder.HasOne(e => e.Pcn).WithMany().HasForeignKey(e => e.PcnId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.RoundId, e.PcnId }).IsUnique();
    }
}

internal sealed class RedistributionBidConfiguration : IEntityTypeConfiguration<RedistributionBid>
{
    public void Configure(EntityTypeBuilder<RedistributionBid> builder)
    {
        builder.Property(b => b.RoleCode).HasMaxLength(50);
        builder.Property(b => b.Reason).HasMaxLength(2000);
        builder.Property(b => b.Eligibility).HasMaxLength(1000);
        builder.Property(b => b.DecisionReason).HasMaxLength(2000);
        builder.Property(b => b.SubmittedBy).HasMaxLength(256);
        builder.Property(b => b.DecidedBy).HasMaxLength(256);
        builder.HasOne(b => b.Pcn).WithMany().HasForeignKey(b => b.PcnId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(b => b.Reductions).WithOne().HasForeignKey(r => r.BidId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(b => new { b.RoundId, b.Status });
        builder.HasIndex(b => new { b.PcnId, b.Status });
        builder.Ignore(b => b.IsApproved);
    }
}

internal sealed class RedistributionReductionConfiguration : IEntityTypeConfiguration<RedistributionReduction>
{
    public void Configure(EntityTypeBuilder<RedistributionReduction> builder)
    {
        builder.Property(r => r.Working).HasMaxLength(500);
        builder.HasOne(r => r.GiverPcn).WithMany().HasForeignKey(r => r.GiverPcnId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.GiverPcnId);
    }
}
