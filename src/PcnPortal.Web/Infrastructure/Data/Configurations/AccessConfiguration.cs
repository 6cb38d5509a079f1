using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PcnPortal.Domain.Access;

namespace PcnPortal.Web.Infrastructure.Data.Configurations;

internal sealed class AccessRequirementFigureConfiguration : IEntityTypeConfiguration<AccessRequirementFigure>
{
    public void Configure(EntityTypeBuilder<AccessRequirementFigure> builder)
    {
        builder.Property(f => f.Hours).HasMaxLength(500);
        builder.Property(f => f.Source).HasMaxLength(1000);
        builder.Property(f => f.PopulationSource).HasMaxLength(1000);
        builder.Property(f => f.RoundingSource).HasMaxLength(1000);
        builder.HasIndex(f => f.From).IsUnique();
    }
}

internal sealed class AccessPlanConfiguration : IEntityTypeConfiguration<AccessPlan>
{
    public void Configure(EntityTypeBuilder<AccessPlan> builder)
    {
        builder.Property(p => p.SubmittedBy).HasMaxLength(256);
        builder.Property(p => p.DecidedBy).HasMaxLength(256);
        builder.Property(p => p.DecisionNote).HasMaxLength(1000);
        builder.Property(p => p.ApprovedPractices).HasMaxLength(1000);
        builder.HasOne(p => p.Pcn).WithMany().HasForeignKey(p => p.PcnId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Sessions).WithOne().HasForeignKey(s => s.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.PcnId, p.Status });
    }
}

internal sealed class AccessPlanSessionConfiguration : IEntityTypeConfiguration<AccessPlanSession>
{
    public void Configure(EntityTypeBuilder<AccessPlanSession> builder)
    {
        builder.Property(s => s.PracticeCode).HasMaxLength(10);
        builder.Property(s => s.ClinicianType).HasMaxLength(60);
    }
}

internal sealed class AccessDeclarationConfiguration : IEntityTypeConfiguration<AccessDeclaration>
{
    public void Configure(EntityTypeBuilder<AccessDeclaration> builder)
    {
        builder.Property(d => d.SubmittedBy).HasMaxLength(256);
        builder.HasOne(d => d.Pcn).WithMany().HasForeignKey(d => d.PcnId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.Months).WithOne().HasForeignKey(m => m.DeclarationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.PcnId, d.QuarterStart }).IsUnique();
        builder.Ignore(d => d.Quarter);
    }
}

internal sealed class AccessDeclarationMonthConfiguration : IEntityTypeConfiguration<AccessDeclarationMonth>
{
    public void Configure(EntityTypeBuilder<AccessDeclarationMonth> builder) =>
        builder.HasIndex(m => new { m.DeclarationId, m.Month }).IsUnique();
}

internal sealed class PcnAdjustedPopulationConfiguration : IEntityTypeConfiguration<PcnAdjustedPopulation>
{
    public void Configure(EntityTypeBuilder<PcnAdjustedPopulation> builder)
    {
        builder.Property(p => p.Source).HasMaxLength(300);
        builder.HasOne(p => p.Pcn).WithMany().HasForeignKey(p => p.PcnId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.PcnId, p.AsAt }).IsUnique();
    }
}
