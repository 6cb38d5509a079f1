using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Notify.Client;
using PcnPortal.Domain.Notifications;

namespace PcnPortal.Web.Features.Notifications;

/// <summary>One email as a transport sends it.</summary>
public sealed record OutgoingEmail(NotificationKind Kind, string To, string Subject, string Body, string Link, string? PcnCode);

/// <summary>Sends one email, or throws. The outbox sender retries failures with back-off.</summary>
public interface IEmailTransport
{
    /// <summary>The name written on the outbox row (Smtp, Notify, Outbox).</summary>
    string Name { get; }

    Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken);
}

/// <summary>SMTP through MailKit (<c>Email:Smtp:Host/Port/UserName/Password/UseStartTls</c>, <c>Email:From</c>).</summary>
public sealed class SmtpEmailTransport(EmailOptions options) : IEmailTransport
{
    public string Name => "Smtp";

    public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        var smtp = options.Smtp;
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            throw new InvalidOperationException("Email:Transport is Smtp but Email:Smtp:Host is not set.");
        }

        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.Add(MailboxAddress.Parse(email.To));
        message.Subject = email.Subject;
        message.Body = new TextPart("plain") { Text = $"{email.Body}\n\n{email.Link}\n" };

        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host, smtp.Port, smtp.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

/// <summary>
/// GOV.UK Notify with its own client (<c>GovukNotify</c> 6.0.0): <c>Email:Notify:ApiKey</c>, the template for the kind
/// (<c>Email:Notify:Templates:&lt;Kind&gt;</c>, else <c>Email:Notify:TemplateId</c>), personalised with subject, body,
/// link and pcn. <c>Email:Notify:BaseUrl</c> points the client elsewhere (a test endpoint); empty is Notify itself.
/// </summary>
public sealed class NotifyEmailTransport(EmailOptions options) : IEmailTransport
{
    public string Name => "Notify";

    public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        var notify = options.Notify;
        if (string.IsNullOrWhiteSpace(notify.ApiKey))
        {
            throw new InvalidOperationException("Email:Transport is Notify but Email:Notify:ApiKey is not set.");
        }

        var templateId = notify.Templates.TryGetValue(email.Kind.ToString(), out var own) && !string.IsNullOrWhiteSpace(own) ? own : notify.TemplateId;
        if (string.IsNullOrWhiteSpace(templateId))
        {
            throw new InvalidOperationException($"No GOV.UK Notify template for {email.Kind}: set Email:Notify:TemplateId or Email:Notify:Templates:{email.Kind}.");
        }

        var client = string.IsNullOrWhiteSpace(notify.BaseUrl)
            ? new NotificationClient(notify.ApiKey)
            : new NotificationClient(notify.BaseUrl, notify.ApiKey);
        var personalisation = new Dictionary<string, dynamic>
        {
            ["subject"] = email.Subject,
            ["body"] = email.Body,
            ["link"] = email.Link,
            ["pcn"] = email.PcnCode ?? string.Empty,
        };
        cancellationToken.ThrowIfCancellationRequested();
        await client.SendEmailAsync(email.To, templateId, personalisation);
    }
}

/// <summary>
/// Sends nothing: the message stays in the outbox, shown on /admin/notifications as "would have been sent". The
/// Development default when no SMTP host is set, so a newcomer sees the demo emails with nothing installed.
/// </summary>
public sealed class OutboxOnlyTransport : IEmailTransport
{
    public string Name => "Outbox";

    public Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken) => Task.CompletedTask;
}
