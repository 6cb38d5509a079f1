using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PcnPortal.Domain.Notifications;

namespace PcnPortal.Web.Infrastructure.Data.Configurations;

internal sealed class NotificationMessageConfiguration : IEntityTypeConfiguration<NotificationMessage>
{
    public void Configure(EntityTypeBuilder<NotificationMessage> builder)
    {
        builder.ToTable("NotificationMessages");
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(48);
        builder.Property(m => m.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.RecipientUserId).HasMaxLength(450);
        builder.Property(m => m.RecipientEmail).HasMaxLength(256);
        builder.Property(m => m.PcnCode).HasMaxLength(16);
        builder.Property(m => m.Subject).HasMaxLength(300);
        builder.Property(m => m.Body).HasMaxLength(8000);
        builder.Property(m => m.Link).HasMaxLength(1000);
        builder.Property(m => m.ClaimedBy).HasMaxLength(128);
        builder.Property(m => m.Transport).HasMaxLength(16);
        builder.Property(m => m.LastError).HasMaxLength(1000);
        builder.Property(m => m.DedupeKey).HasMaxLength(200);

        // The sender's query: what is pending and due.
        builder.HasIndex(m => new { m.State, m.NextAttemptAtUtc });
        builder.HasIndex(m => m.DedupeKey).IsUnique();
        builder.HasIndex(m => new { m.RecipientUserId, m.State });
    }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> builder)
    {
        builder.ToTable("NotificationPreferences");
        builder.Property(p => p.UserId).HasMaxLength(450);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(48);
        builder.Property(p => p.Delivery).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(p => new { p.UserId, p.Kind }).IsUnique();
    }
}
