using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PcnPortal.Domain.Arrs;
using PcnPortal.Domain.Arrs.Claims;
using PcnPortal.Domain.Arrs.Engine;
using PcnPortal.Domain.Registration;

namespace PcnPortal.Web.Infrastructure.Data.Configurations;

internal sealed class ArrsRoleConfiguration : IEntityTypeConfiguration<ArrsRole>
{
    public void Configure(EntityTypeBuilder<ArrsRole> builder)
    {
        builder.ToTable("ArrsRoles");
        builder.Property(r => r.Code).HasMaxLength(50);
        builder.HasIndex(r => r.Code).IsUnique();
        builder.Property(r => r.Name).HasMaxLength(100);
        builder.Property(r => r.AfcBand).HasMaxLength(50);
        builder.Property(r => r.Source).HasMaxLength(1000);
    }
}

internal sealed class RoleRateEntryConfiguration : IEntityTypeConfiguration<RoleRateEntry>
{
    public void Configure(EntityTypeBuilder<RoleRateEntry> builder)
    {
        builder.ToTable("ArrsRateEntries");
        builder.Property(r => r.RoleCode).HasMaxLength(50);
        builder.Property(r => r.Source).HasMaxLength(1000);
        builder.HasIndex(r => new { r.RoleCode, r.AreaTier, r.EffectiveFrom }).IsUnique();
        builder.HasOne<ArrsRole>().WithMany().HasForeignKey(r => r.RoleCode).HasPrincipalKey(r => r.Code).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ArrSumMethodConfiguration : IEntityTypeConfiguration<ArrSumMethod>
{
    public void Configure(EntityTypeBuilder<ArrSumMethod> builder)
    {
        builder.ToTable("ArrSumMethods");
        builder.HasIndex(m => m.FinancialYearStart).IsUnique();
        builder.Property(m => m.BandRoleCodes).HasMaxLength(200);
        builder.Property(m => m.Source).HasMaxLength(1000);
    }
}

internal sealed class ArrsRoleLimitConfiguration : IEntityTypeConfiguration<ArrsRoleLimit>
{
    public void Configure(EntityTypeBuilder<ArrsRoleLimit> builder)
    {
        builder.ToTable("ArrsRoleLimits");
        builder.Property(l => l.RoleCode).HasMaxLength(50);
        builder.Property(l => l.Source).HasMaxLength(1000);
        builder.HasIndex(l => new { l.RoleCode, l.FromFinancialYearStart }).IsUnique();
        builder.HasOne<ArrsRole>().WithMany().HasForeignKey(l => l.RoleCode).HasPrincipalKey(r => r.Code).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ArrsPcnAreaTierConfiguration : IEntityTypeConfiguration<ArrsPcnAreaTier>
{
    public void Configure(EntityTypeBuilder<ArrsPcnAreaTier> builder)
    {
        builder.ToTable("ArrsPcnAreaTiers");
        builder.HasKey(t => t.PcnId);
        builder.Property(t => t.PcnId).ValueGeneratedNever();
        builder.HasOne(t => t.Pcn).WithOne().HasForeignKey<ArrsPcnAreaTier>(t => t.PcnId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ArrsBaselineConfiguration : IEntityTypeConfiguration<ArrsBaseline>
{
    public void Configure(EntityTypeBuilder<ArrsBaseline> builder)
    {
        builder.Property(b => b.RoleCode).HasMaxLength(50);
        builder.Property(b => b.StaffRef).HasMaxLength(50);
        builder.HasOne(b => b.Pcn).WithMany().HasForeignKey(b => b.PcnId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(b => new { b.PcnId, b.RoleCode });
    }
}

internal sealed class ArrsStaffMemberConfiguration : IEntityTypeConfiguration<ArrsStaffMember>
{
    public void Configure(EntityTypeBuilder<ArrsStaffMember> builder)
    {
        builder.ToTable("ArrsStaff");
        builder.Property(s => s.StaffRef).HasMaxLength(50);
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.RoleCode).HasMaxLength(50);
        builder.Property(s => s.Employer).HasMaxLength(200);
        builder.HasOne(s => s.Pcn).WithMany().HasForeignKey(s => s.PcnId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.PcnId, s.StaffRef }).IsUnique();
    }
}

internal sealed class ArrsClaimLineConfiguration : IEntityTypeConfiguration<ArrsClaimLine>
{
    public void Configure(EntityTypeBuilder<ArrsClaimLine> builder)
    {
        builder.Property(c => c.StaffRef).HasMaxLength(50);
        builder.Property(c => c.StaffName).HasMaxLength(200);
        builder.Property(c => c.RoleCode).HasMaxLength(50);
        builder.Property(c => c.Notes).HasMaxLength(2000);
        builder.Property(c => c.SubmittedBy).HasMaxLength(256);
        builder.Property(c => c.DecidedBy).HasMaxLength(256);
        builder.Property(c => c.RejectionReason).HasMaxLength(50);
        builder.Property(c => c.DecisionText).HasMaxLength(2000);
        builder.Property(c => c.QueryResponse).HasMaxLength(2000);
        builder.Property(c => c.OverrideReason).HasMaxLength(2000);
        builder.Property(c => c.PaymentReference).HasMaxLength(ArrsClaimLine.PaymentReferenceMaxLength);
        builder.Property(c => c.RuleChecks).HasMaxLength(ArrsStoredAssessment.ChecksLength).IsUnicode(false);
        builder.Property(c => c.RuleTotals).HasMaxLength(200).IsUnicode(false);
        builder.HasOne(c => c.Pcn).WithMany().HasForeignKey(c => c.PcnId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.StaffMember).WithMany().HasForeignKey(c => c.StaffMemberId).OnDelete(DeleteBehavior.ClientSetNull);
        builder.HasMany(c => c.Outcomes).WithOne().HasForeignKey(o => o.ClaimLineId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.FinancialYearStart, c.PcnId, c.Month });
        // The review queue: filtered by status, in the order it is listed (due date, PCN, month), so a page of 25
        // is read from the index without sorting a national year of lines.
        builder.HasIndex(c => new { c.Status, c.DueOn, c.PcnId, c.Month });

        // The review queue's default order: failures first (worst outcome high to low), then due date, PCN and month. The
        // index runs in that mixed order so a page is read from it directly: with worst outcome ascending, SQLite sorted
        // every waiting line of each outcome for each page (0.4 s a request with a national year waiting).
        builder.HasIndex(c => new { c.Status, c.WorstOutcome, c.DueOn, c.PcnId, c.Month }, "IX_ArrsClaimLines_ReviewQueueDefaultOrder")
            .IsDescending(false, true, false, false, false);

        // The finance summary's sums per PCN and status, read from the index alone.
        builder.HasIndex(c => new { c.FinancialYearStart, c.PcnId, c.Status, c.Reimbursable, c.ApprovedAmount });

        // A person claimed by more than one PCN in a month (the review queue's flag and filter, ADR 0012).
        builder.HasIndex(c => new { c.StaffRef, c.Month, c.PcnId, c.Status });

        // Each member of staff's latest claim (the forecast's monthly cost).
        builder.HasIndex(c => new { c.StaffMemberId, c.Month });
    }
}

internal sealed class ArrsClaimOutcomeConfiguration : IEntityTypeConfiguration<ArrsClaimOutcome>
{
    public void Configure(EntityTypeBuilder<ArrsClaimOutcome> builder)
    {
        builder.Property(o => o.Code).HasMaxLength(50);
        builder.Property(o => o.Explanation).HasMaxLength(2000);
        builder.HasIndex(o => new { o.ClaimLineId, o.Code }).IsUnique();
        builder.HasIndex(o => new { o.Code, o.Severity });
    }
}

internal sealed class ArrsAssessedContextConfiguration : IEntityTypeConfiguration<ArrsAssessedContext>
{
    public void Configure(EntityTypeBuilder<ArrsAssessedContext> builder)
    {
        builder.HasIndex(c => new { c.PcnId, c.FinancialYearStart });
        builder.HasOne<Pcn>().WithMany().HasForeignKey(c => c.PcnId).OnDelete(DeleteBehavior.Cascade);
    }
}
