using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PcnPortal.Domain.OdFunds;

namespace PcnPortal.Web.Infrastructure.Data.Configurations;

internal sealed class OdFundConfiguration : IEntityTypeConfiguration<OdFundRecord>
{
    public void Configure(EntityTypeBuilder<OdFundRecord> builder)
    {
        builder.ToTable("OdFunds");
        builder.Property(f => f.Name).HasMaxLength(200);
        builder.Property(f => f.HeldBackPurpose).HasMaxLength(500);
        builder.HasIndex(f => f.StartYear);
        builder.HasMany(f => f.Sources).WithOne().HasForeignKey(s => s.FundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(f => f.Allocations).WithOne().HasForeignKey(a => a.FundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(f => f.PanelMembers).WithOne().HasForeignKey(m => m.FundId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(f => f.Year);
    }
}

internal sealed class OdFundSourceConfiguration : IEntityTypeConfiguration<OdFundSourceRecord>
{
    public void Configure(EntityTypeBuilder<OdFundSourceRecord> builder)
    {
        builder.ToTable("OdFundSources");
        builder.Property(s => s.Name).HasMaxLength(200);
    }
}

internal sealed class OdAllocationVersionConfiguration : IEntityTypeConfiguration<OdAllocationVersion>
{
    public void Configure(EntityTypeBuilder<OdAllocationVersion> builder)
    {
        builder.Property(a => a.OutcomeCode).HasMaxLength(40);
        builder.Property(a => a.OutcomeMessage).HasMaxLength(1000);
        builder.Property(a => a.ComputedBy).HasMaxLength(256);
        builder.Property(a => a.ApprovedBy).HasMaxLength(256);
        builder.HasIndex(a => new { a.FundId, a.Number }).IsUnique();
        builder.HasMany(a => a.Shares).WithOne().HasForeignKey(s => s.AllocationVersionId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(a => a.Unallocated);
        builder.Ignore(a => a.Shortfall);
    }
}

internal sealed class OdAllocationShareConfiguration : IEntityTypeConfiguration<OdAllocationShare>
{
    public void Configure(EntityTypeBuilder<OdAllocationShare> builder)
    {
        builder.Property(s => s.PcnCode).HasMaxLength(6);
        builder.Property(s => s.PcnName).HasMaxLength(100);
        builder.Property(s => s.Working).HasMaxLength(300);
        builder.HasIndex(s => new { s.AllocationVersionId, s.PcnCode }).IsUnique();
    }
}

internal sealed class OdPanelMemberConfiguration : IEntityTypeConfiguration<OdPanelMember>
{
    public void Configure(EntityTypeBuilder<OdPanelMember> builder)
    {
        builder.Property(m => m.UserId).HasMaxLength(450);
        builder.Property(m => m.Name).HasMaxLength(200);
        builder.Property(m => m.PanelRole).HasMaxLength(100);
        builder.HasIndex(m => new { m.FundId, m.UserId }).IsUnique();
    }
}

internal sealed class OdDeclaredInterestConfiguration : IEntityTypeConfiguration<OdDeclaredInterest>
{
    public void Configure(EntityTypeBuilder<OdDeclaredInterest> builder)
    {
        builder.Property(i => i.UserId).HasMaxLength(450);
        builder.Property(i => i.PersonName).HasMaxLength(200);
        builder.Property(i => i.OrganisationCode).HasMaxLength(10);
        builder.Property(i => i.Nature).HasMaxLength(500);
        builder.HasIndex(i => i.UserId);
        builder.HasIndex(i => i.OrganisationCode);
    }
}

internal sealed class OdEoiConfiguration : IEntityTypeConfiguration<OdEoi>
{
    public void Configure(EntityTypeBuilder<OdEoi> builder)
    {
        builder.Property(e => e.PcnCode).HasMaxLength(6);
        builder.Property(e => e.OverShareReason).HasMaxLength(2000);
        builder.Property(e => e.ClinicalDirectorConfirmedBy).HasMaxLength(256);
        builder.Property(e => e.SubmittedBy).HasMaxLength(256);
        builder.HasIndex(e => new { e.FundId, e.PcnCode }).IsUnique();
        builder.HasOne(e => e.Fund).WithMany().HasForeignKey(e => e.FundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Lines).WithOne().HasForeignKey(l => l.EoiId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Decisions).WithOne().HasForeignKey(d => d.EoiId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(e => e.Total);
        builder.Ignore(e => e.IsEditable);
    }
}

internal sealed class OdEoiLineConfiguration : IEntityTypeConfiguration<OdEoiLine>
{
    public void Configure(EntityTypeBuilder<OdEoiLine> builder)
    {
        builder.Property(l => l.SupportRequested).HasMaxLength(500);
        builder.Property(l => l.Deliverable).HasMaxLength(1000);
        builder.Property(l => l.DomainCodes).HasMaxLength(40);
        builder.Ignore(l => l.Domains);
    }
}

internal sealed class OdPanelDecisionConfiguration : IEntityTypeConfiguration<OdPanelDecisionRecord>
{
    public void Configure(EntityTypeBuilder<OdPanelDecisionRecord> builder)
    {
        builder.ToTable("OdPanelDecisions");
        builder.Property(d => d.Reasons).HasMaxLength(2000);
        builder.Property(d => d.Conditions).HasMaxLength(2000);
        builder.Property(d => d.VoterIds).HasMaxLength(2000);
        builder.Property(d => d.VoterNames).HasMaxLength(1000);
        builder.Property(d => d.Excluded).HasMaxLength(2000);
        builder.Property(d => d.RecordedBy).HasMaxLength(256);
    }
}

internal sealed class OdPaymentConfiguration : IEntityTypeConfiguration<OdPayment>
{
    public void Configure(EntityTypeBuilder<OdPayment> builder)
    {
        builder.Property(p => p.PcnCode).HasMaxLength(6);
        builder.HasIndex(p => p.FundId);
        builder.HasIndex(p => p.EoiId).IsUnique();
        builder.HasOne<OdEoi>().WithMany().HasForeignKey(p => p.EoiId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<OdFundRecord>().WithMany().HasForeignKey(p => p.FundId).OnDelete(DeleteBehavior.NoAction);
        builder.Ignore(p => p.IsPaid);
    }
}
