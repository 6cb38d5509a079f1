using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PcnPortal.Domain.Papers;

namespace PcnPortal.Web.Infrastructure.Data.Configurations;

internal sealed class CommitteeMeetingConfiguration : IEntityTypeConfiguration<CommitteeMeeting>
{
    public void Configure(EntityTypeBuilder<CommitteeMeeting> builder)
    {
        builder.Property(m => m.CommitteeName).HasMaxLength(200);
        builder.Property(m => m.Time).HasMaxLength(100);
        builder.Property(m => m.Location).HasMaxLength(200);
        builder.HasIndex(m => m.Date);
    }
}

internal sealed class CommitteePaperConfiguration : IEntityTypeConfiguration<CommitteePaper>
{
    public void Configure(EntityTypeBuilder<CommitteePaper> builder)
    {
        builder.Property(p => p.AgendaNumber).HasMaxLength(20);
        builder.Property(p => p.Title).HasMaxLength(300);
        foreach (var field in CoverSheet.Fields)
        {
            builder.Property(field.Name).HasMaxLength(8000);
        }

        builder.HasOne(p => p.Meeting).WithMany(m => m.Papers).HasForeignKey(p => p.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.MeetingId, p.AgendaNumber });
    }
}

internal sealed class PaperSectionConfiguration : IEntityTypeConfiguration<PaperSection>
{
    public void Configure(EntityTypeBuilder<PaperSection> builder)
    {
        builder.Property(s => s.Title).HasMaxLength(200);
        builder.Property(s => s.Body).HasMaxLength(20000);
        builder.Property(s => s.DataKey).HasMaxLength(50);
        builder.HasOne(s => s.Paper).WithMany(p => p.Sections).HasForeignKey(s => s.PaperId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.PaperId, s.Position });
    }
}

internal sealed class PaperRiskConfiguration : IEntityTypeConfiguration<PaperRisk>
{
    public void Configure(EntityTypeBuilder<PaperRisk> builder)
    {
        builder.Property(r => r.Risk).HasMaxLength(2000);
        builder.Property(r => r.Mitigations).HasMaxLength(4000);
        builder.Ignore(r => r.CurrentScore);
        builder.Ignore(r => r.TargetScore);
        builder.HasOne(r => r.Paper).WithMany(p => p.Risks).HasForeignKey(r => r.PaperId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FinalisedPaperVersionConfiguration : IEntityTypeConfiguration<FinalisedPaperVersion>
{
    public void Configure(EntityTypeBuilder<FinalisedPaperVersion> builder)
    {
        builder.Property(v => v.FinalisedBy).HasMaxLength(256);
        builder.Property(v => v.Title).HasMaxLength(300);
        builder.HasOne(v => v.Paper).WithMany(p => p.FinalisedVersions).HasForeignKey(v => v.PaperId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => new { v.PaperId, v.VersionNumber }).IsUnique();
    }
}

internal sealed class GlossaryTermConfiguration : IEntityTypeConfiguration<GlossaryTerm>
{
    public void Configure(EntityTypeBuilder<GlossaryTerm> builder)
    {
        builder.Property(t => t.Term).HasMaxLength(60);
        builder.Property(t => t.Meaning).HasMaxLength(1000);
        builder.HasIndex(t => t.Term).IsUnique();
    }
}

internal sealed class DesFundingRateConfiguration : IEntityTypeConfiguration<DesFundingRate>
{
    public void Configure(EntityTypeBuilder<DesFundingRate> builder)
    {
        builder.Property(r => r.Component).HasMaxLength(100);
        builder.Property(r => r.Source).HasMaxLength(1000);
        builder.HasIndex(r => new { r.YearStart, r.Component }).IsUnique();
    }
}
