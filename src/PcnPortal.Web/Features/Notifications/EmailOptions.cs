using Microsoft.Extensions.Options;

namespace PcnPortal.Web.Features.Notifications;

/// <summary>How notification emails leave the portal (<c>Email:Transport</c>).</summary>
public enum EmailTransportKind
{
    /// <summary>No email: nothing is written to the outbox (the default outside Development).</summary>
    Off,

    /// <summary>SMTP through MailKit (<c>Email:Smtp:*</c>).</summary>
    Smtp,

    /// <summary>GOV.UK Notify (<c>Email:Notify:*</c>).</summary>
    Notify,

    /// <summary>
    /// Kept in the outbox and shown on /admin/notifications as "would have been sent", nothing leaves the machine:
    /// the Development default when no SMTP host is configured.
    /// </summary>
    Outbox,
}

/// <summary>The <c>Email</c> configuration section (names in ../shared/docs/contract.md), read once at first use.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary><c>Email:Transport</c> as configured (Smtp, Notify, Outbox or Off); see <see cref="EffectiveTransport"/>.</summary>
    public string? Transport { get; set; }

    /// <summary>The sender address (<c>Email:From</c>).</summary>
    public string From { get; set; } = "pcn-portal@localhost";

    /// <summary>The portal's own address, for the links in emails (<c>Email:PortalUrl</c>).</summary>
    public string PortalUrl { get; set; } = "http://localhost:5080";

    /// <summary>The UK time of day the daily run (reminders and digests) starts (<c>Email:DailyRunAt</c>, HH:mm).</summary>
    public TimeOnly DailyRunAt { get; set; } = new(7, 0);

    public SmtpSettings Smtp { get; set; } = new();

    public NotifySettings Notify { get; set; } = new();

    public SenderSettings Sender { get; set; } = new();

    /// <summary>The transport in use, after the defaults (set by <see cref="EmailOptionsServiceCollectionExtensions"/>).</summary>
    public EmailTransportKind EffectiveTransport { get; set; }

    /// <summary>
    /// The transport named by <paramref name="configured"/>; when unset: in Development SMTP if a host is configured,
    /// otherwise the outbox view; elsewhere off.
    /// </summary>
    public static EmailTransportKind Resolve(string? configured, bool isDevelopment, string? smtpHost)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Enum.TryParse<EmailTransportKind>(configured.Trim(), ignoreCase: true, out var kind)
                ? kind
                : throw new InvalidOperationException($"Email:Transport is '{configured}': use Smtp, Notify, Outbox or Off.");
        }

        if (!isDevelopment)
        {
            return EmailTransportKind.Off;
        }

        return string.IsNullOrWhiteSpace(smtpHost) ? EmailTransportKind.Outbox : EmailTransportKind.Smtp;
    }

    /// <summary>An absolute link to a portal path.</summary>
    public string LinkTo(string path) => PortalUrl.TrimEnd('/') + "/" + path.TrimStart('/');

    public sealed class SmtpSettings
    {
        public string? Host { get; set; }

        public int Port { get; set; } = 587;

        public string? UserName { get; set; }

        public string? Password { get; set; }

        /// <summary>True (the default): STARTTLS is required; false: a plain connection (a local catcher such as smtp4dev).</summary>
        public bool UseStartTls { get; set; } = true;
    }

    public sealed class NotifySettings
    {
        public string? ApiKey { get; set; }

        /// <summary>The Notify API address; empty for GOV.UK Notify itself.</summary>
        public string? BaseUrl { get; set; }

        /// <summary>The template used for every kind without its own (personalisation: subject, body, link, pcn).</summary>
        public string? TemplateId { get; set; }

        /// <summary>Template ids by kind name (<c>Email:Notify:Templates:ClaimLineQueried</c>), overriding <see cref="TemplateId"/>.</summary>
        public Dictionary<string, string> Templates { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    }

    public sealed class SenderSettings
    {
        /// <summary>Whether this instance runs the background sender and daily run (tests turn it off and call them directly).</summary>
        public bool Enabled { get; set; } = true;

        public int PollSeconds { get; set; } = 15;

        /// <summary>Attempts before a message is marked failed (an administrator can retry it).</summary>
        public int MaxAttempts { get; set; } = 6;

        /// <summary>The wait after the first failure; each further failure doubles it, up to an hour.</summary>
        public int RetryBaseSeconds { get; set; } = 60;

        /// <summary>How long a sender holds a claimed message before another instance may take it over.</summary>
        public int ClaimSeconds { get; set; } = 300;
    }
}

public static class EmailOptionsServiceCollectionExtensions
{
    public static IServiceCollection AddEmailOptions(this IServiceCollection services)
    {
        services.AddOptions<EmailOptions>()
            .BindConfiguration(EmailOptions.Section)
            .PostConfigure<IHostEnvironment>((options, environment) =>
                options.EffectiveTransport = EmailOptions.Resolve(options.Transport, environment.IsDevelopment(), options.Smtp.Host));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value);
        return services;
    }
}
