using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PcnPortal.Domain.Maturity;

namespace PcnPortal.Web.Infrastructure.Data.Configurations;

/// <summary>Domains and positions are stored as their stable codes (LPP, S1-S2...), never as enum numbers.</summary>
internal static class MaturityConverters
{
    public static readonly ValueConverter<MaturityDomain, string> Domain = new(
        d => d.Code(),
        s => ParseDomain(s));

    public static readonly ValueConverter<MaturityPosition, string> Position = new(
        p => p.Code(),
        s => ParsePosition(s));

    public static readonly ValueConverter<MaturityReturnStatus, string> Status = new(
        s => s.ToString(),
        s => Enum.Parse<MaturityReturnStatus>(s));

    private static MaturityDomain ParseDomain(string code) =>
        MaturityDomains.TryParseCode(code, out var d) ? d : throw new InvalidOperationException($"Unknown maturity domain code '{code}'.");

    private static MaturityPosition ParsePosition(string code) =>
        MaturityPositions.TryParseCode(code, out var p) ? p : throw new InvalidOperationException($"Unknown maturity position code '{code}'.");
}

internal sealed class MatrixVersionConfiguration : IEntityTypeConfiguration<MatrixVersion>
{
    public void Configure(EntityTypeBuilder<MatrixVersion> builder)
    {
        builder.Property(v => v.Name).HasMaxLength(200);
        builder.HasIndex(v => v.Name).IsUnique();
        builder.HasMany(v => v.Descriptors).WithOne(d => d.MatrixVersion).HasForeignKey(d => d.MatrixVersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MatrixDescriptorConfiguration : IEntityTypeConfiguration<MatrixDescriptor>
{
    public void Configure(EntityTypeBuilder<MatrixDescriptor> builder)
    {
        builder.Property(d => d.Domain).HasConversion(MaturityConverters.Domain).HasMaxLength(5);
        builder.Property(d => d.ForPcns).HasMaxLength(1000);
        builder.Property(d => d.ForSystems).HasMaxLength(1000);
        builder.HasIndex(d => new { d.MatrixVersionId, d.Domain, d.Step }).IsUnique();
    }
}

internal sealed class AssessmentRoundConfiguration : IEntityTypeConfiguration<AssessmentRound>
{
    public void Configure(EntityTypeBuilder<AssessmentRound> builder)
    {
        builder.Ignore(r => r.Year);
        builder.HasIndex(r => r.YearStart).IsUnique();
        builder.Property(r => r.OpenedBy).HasMaxLength(256);
        builder.HasOne(r => r.MatrixVersion).WithMany().HasForeignKey(r => r.MatrixVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Returns).WithOne(r => r.Round).HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MaturityReturnConfiguration : IEntityTypeConfiguration<MaturityReturn>
{
    public void Configure(EntityTypeBuilder<MaturityReturn> builder)
    {
        builder.Ignore(r => r.IsReceived);
        builder.HasIndex(r => new { r.RoundId, r.PcnId }).IsUnique();
        builder.Property(r => r.Status).HasConversion(MaturityConverters.Status).HasMaxLength(20);
        builder.Property(r => r.LastEditedBy).HasMaxLength(256);
        builder.Property(r => r.SubmittedBy).HasMaxLength(256);
        builder.Property(r => r.ReviewedBy).HasMaxLength(256);
        builder.Property(r => r.ReviewAttendees).HasMaxLength(1000);
        builder.Property(r => r.ReviewSummary).HasMaxLength(4000);
        builder.Property(r => r.ReviewActions).HasMaxLength(4000);
        builder.HasOne(r => r.Pcn).WithMany().HasForeignKey(r => r.PcnId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Answers).WithOne(a => a.Return).HasForeignKey(a => a.ReturnId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MaturityAnswerConfiguration : IEntityTypeConfiguration<MaturityAnswer>
{
    public void Configure(EntityTypeBuilder<MaturityAnswer> builder)
    {
        builder.Ignore(a => a.EffectivePosition);
        builder.Property(a => a.Domain).HasConversion(MaturityConverters.Domain).HasMaxLength(5);
        builder.Property(a => a.Position).HasConversion(MaturityConverters.Position).HasMaxLength(8);
        builder.Property(a => a.AgreedPosition).HasConversion(MaturityConverters.Position).HasMaxLength(8);
        builder.Property(a => a.NotAssessedReason).HasMaxLength(MaturityTextLimits.NotAssessedReason * 2);
        builder.Property(a => a.Evidence).HasMaxLength(MaturityTextLimits.Evidence * 2);
        builder.Property(a => a.WhatWorkedWell).HasMaxLength(MaturityTextLimits.WhatWorkedWell * 2);
        builder.Property(a => a.ToContinue).HasMaxLength(MaturityTextLimits.Continue * 2);
        builder.Property(a => a.SupportNeeded).HasMaxLength(MaturityTextLimits.SupportNeeded * 2);
        builder.HasIndex(a => new { a.ReturnId, a.Domain }).IsUnique();
    }
}
