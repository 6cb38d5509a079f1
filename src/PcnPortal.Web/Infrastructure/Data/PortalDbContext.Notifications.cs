using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Notifications;

namespace PcnPortal.Web.Infrastructure.Data;

public abstract partial class PortalDbContext
{
    public DbSet<NotificationMessage> NotificationMessages => Set<NotificationMessage>();

    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();
}
