using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PcnPortal.Domain.Arrs.Claims;
using PcnPortal.Domain.Notifications;
using PcnPortal.Web.Features.Arrs;
using PcnPortal.Web.Features.Notifications;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Features.Notifications;

/// <summary>The outbox: written with the change that causes it, sent with retries, never twice.</summary>
public sealed class OutboxTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task QueriedClaimLine_WritesOneMessageToEachOfThePcnsUsers_NamingThePcnAndLinkingTheLine()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var other = await factory.Data.CreatePcnAsync();
        var manager = await factory.Data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code);
        var director = await factory.Data.CreateUserAsync(PortalRoles.ClinicalDirector, pcn.Code);
        var otherManager = await factory.Data.CreateUserAsync(PortalRoles.PcnManager, other.Code);
        var lineId = await factory.Data.CreateClaimLineAsync(pcn.Code);
        var version = await factory.WithDbAsync(db => db.ArrsClaimLines.Where(l => l.Id == lineId).Select(l => l.Version).SingleAsync());

        var outcome = await factory.Data.WithServiceAsync<ArrsDecisionService, ArrsDecisionOutcome>(
            s => s.DecideAsync(lineId, version, ArrsDecision.Query, null, "Please send the signed contract", "contracts@test"));

        Assert.Equal(ArrsDecisionOutcome.Done, outcome);
        var messages = await NotificationTestHelpers.MessagesAsync(factory, m => m.PcnCode == pcn.Code || m.RecipientEmail == otherManager.Email);
        Assert.Equal(
            new[] { director.Email, manager.Email }.Order(StringComparer.Ordinal),
            messages.Select(m => m.RecipientEmail).Order(StringComparer.Ordinal));
        Assert.All(messages, m =>
        {
            Assert.Equal(NotificationKind.ClaimLineQueried, m.Kind);
            Assert.Equal(NotificationState.Pending, m.State);
            Assert.Contains(pcn.Code, m.Subject, StringComparison.Ordinal);
            Assert.Contains("Please send the signed contract", m.Body, StringComparison.Ordinal);
            Assert.EndsWith($"/claims/lines/{lineId}", m.Link, StringComparison.Ordinal);
            Assert.DoesNotContain("Priya Shah", m.Body + m.Subject, StringComparison.Ordinal); // the staff member's name stays in the portal
        });
    }

    [Fact]
    public async Task RolledBackChange_LeavesNothingToSend()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var manager = await factory.Data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code);
        var lineId = await factory.Data.CreateClaimLineAsync(pcn.Code);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var outbox = scope.ServiceProvider.GetRequiredService<INotificationOutbox>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var line = await db.ArrsClaimLines.SingleAsync(l => l.Id == lineId);
            line.Status = ArrsClaimStatus.Queried;
            var added = await outbox.AddAsync(new Notice(
                NotificationKind.ClaimLineQueried, Audience.PcnUsers(pcn.Code), pcn.Code, "A claim line is queried", "Queried", $"/claims/lines/{lineId}"));
            await db.SaveChangesAsync();
            Assert.Equal(1, added);
            Assert.Equal(1, await db.NotificationMessages.CountAsync(m => m.RecipientEmail == manager.Email));
            await transaction.RollbackAsync();
        }

        var transport = new RecordingTransport();
        await NotificationTestHelpers.Sender(factory, transport).SendDueAsync("test-sender");
        Assert.Empty(await NotificationTestHelpers.MessagesAsync(factory, m => m.RecipientEmail == manager.Email));
        Assert.Equal(0, transport.CallsTo(manager.Email));
        Assert.Equal(ArrsClaimStatus.Submitted, await factory.WithDbAsync(db => db.ArrsClaimLines.Where(l => l.Id == lineId).Select(l => l.Status).SingleAsync()));
    }

    [Fact]
    public async Task TransportFailure_IsRetriedAfterTheBackOff_ThenSentOnce()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var manager = await factory.Data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code);
        await AddNoticeAsync(pcn.Code);
        var clock = new FixedClock(DateTimeOffset.UtcNow.AddSeconds(1));
        var transport = new RecordingTransport(failFirst: 1);
        var sender = NotificationTestHelpers.Sender(factory, transport, clock);

        await sender.SendDueAsync("test-sender");
        var afterFailure = Assert.Single(await NotificationTestHelpers.MessagesAsync(factory, m => m.RecipientEmail == manager.Email));
        Assert.Equal(NotificationState.Pending, afterFailure.State);
        Assert.Equal(1, afterFailure.Attempts);
        Assert.Contains("Mail server unavailable", afterFailure.LastError, StringComparison.Ordinal);
        Assert.Null(afterFailure.ClaimedBy);
        Assert.Equal(clock.UtcNow.UtcDateTime.AddSeconds(60), afterFailure.NextAttemptAtUtc, TimeSpan.FromSeconds(1));

        await sender.SendDueAsync("test-sender"); // still inside the back-off: not tried
        Assert.Equal(1, transport.CallsTo(manager.Email));

        clock.UtcNow = clock.UtcNow.AddSeconds(61);
        await sender.SendDueAsync("test-sender");
        await sender.SendDueAsync("test-sender");

        Assert.Equal(2, transport.CallsTo(manager.Email));
        Assert.Single(transport.Sent, e => e.To == manager.Email);
        var sent = Assert.Single(await NotificationTestHelpers.MessagesAsync(factory, m => m.RecipientEmail == manager.Email));
        Assert.Equal(NotificationState.Sent, sent.State);
        Assert.Equal(2, sent.Attempts);
        Assert.Equal("Test", sent.Transport);
        Assert.NotNull(sent.SentAtUtc);
    }

    [Fact]
    public async Task TwoSendersAgainstOneDatabase_SendEachMessageExactlyOnce()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var users = new List<TestUser>();
        for (var i = 0; i < 12; i++)
        {
            users.Add(await factory.Data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code));
        }

        for (var i = 0; i < 3; i++)
        {
            await AddNoticeAsync(pcn.Code, $"Notice {i}");
        }

        var emails = users.Select(u => u.Email).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var expected = (await NotificationTestHelpers.MessagesAsync(factory, m => emails.Contains(m.RecipientEmail))).Count;
        Assert.Equal(36, expected);

        var first = new RecordingTransport(pause: TimeSpan.FromMilliseconds(5));
        var second = new RecordingTransport(pause: TimeSpan.FromMilliseconds(5));
        await Task.WhenAll(
            DrainAsync(NotificationTestHelpers.Sender(factory, first), "sender-one"),
            DrainAsync(NotificationTestHelpers.Sender(factory, second), "sender-two"));

        var sent = first.Sent.Concat(second.Sent).Where(e => emails.Contains(e.To)).Select(e => $"{e.To}|{e.Subject}").ToList();
        Assert.Equal(36, sent.Count);
        Assert.Equal(36, sent.Distinct(StringComparer.Ordinal).Count());
        Assert.NotEmpty(first.Sent); // both senders took part
        Assert.NotEmpty(second.Sent);
        Assert.All(await NotificationTestHelpers.MessagesAsync(factory, m => emails.Contains(m.RecipientEmail)), m =>
        {
            Assert.Equal(NotificationState.Sent, m.State);
            Assert.Equal(1, m.Attempts);
        });
    }

    private static async Task DrainAsync(NotificationSender sender, string id)
    {
        for (var pass = 0; pass < 20; pass++)
        {
            await sender.SendDueAsync(id);
        }
    }

    private async Task AddNoticeAsync(string pcnCode, string subject = "A claim line is queried")
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<INotificationOutbox>();
        await outbox.AddAsync(new Notice(NotificationKind.ClaimLineQueried, Audience.PcnUsers(pcnCode), pcnCode, subject, "Queried", "/claims"));
        await scope.ServiceProvider.GetRequiredService<PortalDbContext>().SaveChangesAsync();
    }
}
