using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PcnPortal.Domain.Notifications;
using PcnPortal.Web.Features.Notifications;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Pages.Admin.Notifications;

public sealed class AdminNotificationsPageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task FailedNotification_IsListed_AndRetryPutsItBackInTheQueue_Audited()
    {
        var admin = await factory.Data.CreateUserAsync(PortalRoles.Administrator);
        var id = await AddMessageAsync(NotificationState.Failed, "Claim line queried: U12345 Failing PCN", attempts: 6, error: "IOException: Mail server unavailable");
        var client = factory.CreateClientFor(admin);

        var page = await client.GetDocumentAsync("/admin/notifications?state=Failed");
        var row = page.QuerySelector($"#notification-{id}");
        Assert.NotNull(row);
        Assert.Contains("Claim line queried: U12345 Failing PCN", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Mail server unavailable", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("Failed", row.QuerySelector(".notification-state")!.TextContent.Trim());

        var response = await client.SubmitFormAsync("/admin/notifications?state=Failed", new Dictionary<string, string>(), $"#notification-{id} form[method=post]");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var message = await factory.WithDbAsync(db => db.NotificationMessages.SingleAsync(m => m.Id == id));
        Assert.Equal(NotificationState.Pending, message.State);
        Assert.Equal(0, message.Attempts);
        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Entity == nameof(NotificationMessage) && a.EntityKey == id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Equal(admin.Email, entry.Actor);
        Assert.Contains("\"State\"", entry.Before, StringComparison.Ordinal);
        Assert.Contains("\"Attempts\":6", entry.Before, StringComparison.Ordinal);
        Assert.Contains("\"Attempts\":0", entry.After, StringComparison.Ordinal);

        // Sent at the sender's next pass, once.
        await factory.Services.GetRequiredService<NotificationSender>().SendDueAsync("admin-test");
        Assert.Equal(NotificationState.Sent, (await factory.WithDbAsync(db => db.NotificationMessages.SingleAsync(m => m.Id == id))).State);
    }

    [Fact]
    public async Task RetryOfANotificationThatIsNotFailed_Is400_AndChangesNothing()
    {
        var admin = await factory.Data.CreateUserAsync(PortalRoles.Administrator);
        var failed = await AddMessageAsync(NotificationState.Failed, "Failed one", attempts: 6, error: "boom");
        var sent = await AddMessageAsync(NotificationState.Sent, "Sent one");

        var response = await factory.CreateClientFor(admin).SubmitFormAsync(
            "/admin/notifications?state=Failed", new Dictionary<string, string> { ["Input.Id"] = sent.ToString(System.Globalization.CultureInfo.InvariantCulture) }, $"#notification-{failed} form[method=post]");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"Notification {sent} is not failed: only a failed notification can be retried", (await response.ReadDocumentAsync()).ErrorSummary());
        Assert.Equal(NotificationState.Sent, (await factory.WithDbAsync(db => db.NotificationMessages.SingleAsync(m => m.Id == sent))).State);
    }

    [Fact]
    public async Task OutboxTransport_ShowsWhatWouldHaveBeenSent()
    {
        var admin = await factory.Data.CreateUserAsync(PortalRoles.Administrator);
        var id = await AddMessageAsync(NotificationState.Pending, "Change request returned: U23456 Demo PCN");
        await factory.Services.GetRequiredService<NotificationSender>().SendDueAsync("admin-test");

        var page = await factory.CreateClientFor(admin).GetDocumentAsync("/admin/notifications");

        var row = page.QuerySelector($"#notification-{id}")!;
        Assert.Equal("Would have been sent", row.QuerySelector(".notification-state")!.TextContent.Trim());
        Assert.Contains("https://portal.test/pcns/U23456", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Transport: Outbox", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    private Task<long> AddMessageAsync(NotificationState state, string subject, int attempts = 0, string? error = null) => factory.WithDbAsync(async db =>
    {
        var message = new NotificationMessage
        {
            Kind = NotificationKind.ChangeRequestReturned,
            RecipientEmail = $"someone.{TestData.Next()}@test.pcnportal.test",
            Subject = subject,
            Body = "Body",
            Link = "https://portal.test/pcns/U23456",
            State = state,
            Attempts = attempts,
            LastError = error,
            CreatedAtUtc = DateTime.UtcNow,
            NextAttemptAtUtc = DateTime.UtcNow.AddSeconds(-1),
            SentAtUtc = state == NotificationState.Sent ? DateTime.UtcNow : null,
            Transport = state == NotificationState.Sent ? "Smtp" : null,
        };
        db.NotificationMessages.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    });
}
