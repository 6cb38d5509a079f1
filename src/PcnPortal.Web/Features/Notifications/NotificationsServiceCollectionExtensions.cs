namespace PcnPortal.Web.Features.Notifications;

public static class NotificationsServiceCollectionExtensions
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddEmailOptions();
        services.AddScoped<INotificationOutbox, NotificationOutbox>();
        services.AddScoped<NotificationDailyRun>();
        services.AddScoped<PortalNotices>();
        services.AddScoped<NotificationAdminService>();
        services.AddScoped<NotificationPreferenceService>();
        services.AddSingleton<IEmailTransport>(sp => sp.GetRequiredService<EmailOptions>().EffectiveTransport switch
        {
            EmailTransportKind.Smtp => new SmtpEmailTransport(sp.GetRequiredService<EmailOptions>()),
            EmailTransportKind.Notify => new NotifyEmailTransport(sp.GetRequiredService<EmailOptions>()),
            _ => new OutboxOnlyTransport(),
        });
        services.AddSingleton<NotificationSender>();
        services.AddHostedService<NotificationBackgroundService>();
        return services;
    }
}
