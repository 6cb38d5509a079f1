using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Notifications;
using PcnPortal.Web.Features.Notifications;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Features.Notifications;

/// <summary>The daily run: deadline reminders by working days (Easter 2026: Good Friday 3 April, Easter Monday 6 April), digests, once only.</summary>
public sealed class DailyRunTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task MaturityReturnReminders_10And2WorkingDaysBefore_AcrossEaster_EachSentOnce()
    {
        var pcn = await factory.Data.CreatePcnAsync(name: "Reminder Test PCN");
        var manager = await factory.Data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code);
        var returnId = await factory.Data.CreateMaturityReturnAsync(pcn, due: new DateOnly(2026, 4, 8));

        async Task<List<NotificationMessage>> RunOn(int month, int day)
        {
            await factory.Data.WithServiceAsync<NotificationDailyRun, DailyRunSummary>(r => r.RunAsync(new DateOnly(2026, month, day)));
            return await NotificationTestHelpers.MessagesAsync(factory, m => m.RecipientEmail == manager.Email);
        }

        Assert.Empty(await RunOn(3, 20)); // Friday before the 10-day reminder day

        var tenDay = Assert.Single(await RunOn(3, 23));
        Assert.Equal(NotificationKind.DeadlineReminder, tenDay.Kind);
        Assert.Equal($"reminder:maturity-return:{returnId}:10:{manager.Id}", tenDay.DedupeKey);
        Assert.Contains(pcn.Code, tenDay.Subject, StringComparison.Ordinal);
        Assert.Contains("Wednesday 8 April 2026", tenDay.Subject, StringComparison.Ordinal);
        Assert.Contains("10 working days from today", tenDay.Body, StringComparison.Ordinal);
        Assert.EndsWith($"/maturity/returns/{returnId}", tenDay.Link, StringComparison.Ordinal);

        Assert.Single(await RunOn(3, 23)); // a second run the same day (a restart) writes nothing
        Assert.Single(await RunOn(4, 1));

        // Thursday 2 April is 2 working days before Wednesday 8 April, because of Good Friday and Easter Monday.
        var afterTwoDay = await RunOn(4, 2);
        Assert.Equal(2, afterTwoDay.Count);
        Assert.Contains("2 working days from today", afterTwoDay[1].Body, StringComparison.Ordinal);
        Assert.Equal(2, (await RunOn(4, 3)).Count);
        Assert.Equal(2, (await RunOn(4, 6)).Count);
        Assert.Equal(2, (await RunOn(4, 7)).Count);
        Assert.Equal(2, (await RunOn(4, 8)).Count);
    }

    [Fact]
    public async Task SubmittedReturn_GetsNoReminder()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var manager = await factory.Data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code);
        var returnId = await factory.Data.CreateMaturityReturnAsync(pcn, due: new DateOnly(2026, 4, 8));
        await factory.WithDbAsync(async db =>
        {
            var r = await db.MaturityReturns.SingleAsync(x => x.Id == returnId);
            r.Status = Domain.Maturity.MaturityReturnStatus.Submitted;
            await db.SaveChangesAsync();
        });

        await factory.Data.WithServiceAsync<NotificationDailyRun, DailyRunSummary>(r => r.RunAsync(new DateOnly(2026, 4, 2)));

        Assert.Empty(await NotificationTestHelpers.MessagesAsync(factory, m => m.RecipientEmail == manager.Email));
    }

    [Fact]
    public async Task ContractsDigest_OnTheThursdayBeforeEaster_NamesTuesdaysLines_OncePerDay()
    {
        var contracts = await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts);
        var pcn = await factory.Data.CreatePcnAsync(name: "Digest Test PCN");
        var dueTuesday = await factory.Data.CreateClaimLineAsync(pcn.Code);
        var dueLater = await factory.Data.CreateClaimLineAsync(pcn.Code);
        await factory.WithDbAsync(async db =>
        {
            (await db.ArrsClaimLines.SingleAsync(l => l.Id == dueTuesday)).DueOn = new DateOnly(2026, 4, 7);
            (await db.ArrsClaimLines.SingleAsync(l => l.Id == dueLater)).DueOn = new DateOnly(2026, 4, 8);
            await db.SaveChangesAsync();
        });

        await factory.Data.WithServiceAsync<NotificationDailyRun, DailyRunSummary>(r => r.RunAsync(new DateOnly(2026, 4, 2)));
        await factory.Data.WithServiceAsync<NotificationDailyRun, DailyRunSummary>(r => r.RunAsync(new DateOnly(2026, 4, 2)));
        await factory.Data.WithServiceAsync<NotificationDailyRun, DailyRunSummary>(r => r.RunAsync(new DateOnly(2026, 4, 3))); // Good Friday: none

        var digest = Assert.Single(await NotificationTestHelpers.MessagesAsync(factory, m => m.RecipientEmail == contracts.Email));
        Assert.Equal(NotificationKind.ClaimLinesDueTomorrow, digest.Kind);
        Assert.Equal("1 claim line due for a decision on Tuesday 7 April 2026", digest.Subject);
        Assert.Contains($"{pcn.Code} Digest Test PCN: 1 claim line", digest.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Priya Shah", digest.Body, StringComparison.Ordinal);
        Assert.EndsWith("/claims/review", digest.Link, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DailyDigestChoice_GathersTheDaysNotificationsIntoOneEmail()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var manager = await factory.Data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code);
        await factory.Data.WithServiceAsync<NotificationPreferenceService, List<NotificationKind>>(s => s.SaveAsync(
            manager.Id, new Dictionary<NotificationKind, NotificationDelivery> { [NotificationKind.ClaimLineQueried] = NotificationDelivery.DailyDigest }, default));
        await factory.WithDbAsync(async db =>
        {
            foreach (var subject in new[] { "First queried line", "Second queried line" })
            {
                var outbox = new NotificationOutbox(db, new EmailOptions { EffectiveTransport = EmailTransportKind.Outbox, PortalUrl = "https://portal.example" }, TimeProvider.System);
                await outbox.AddAsync(new Notice(NotificationKind.ClaimLineQueried, Audience.PcnUsers(pcn.Code), pcn.Code, subject, "Queried", "/claims"));
            }

            await db.SaveChangesAsync();
        });
        var waiting = await NotificationTestHelpers.MessagesAsync(factory, m => m.RecipientEmail == manager.Email);
        Assert.All(waiting, m => Assert.Equal(NotificationState.AwaitingDigest, m.State));

        await factory.Data.WithServiceAsync<NotificationDailyRun, DailyRunSummary>(r => r.RunAsync(new DateOnly(2026, 4, 2)));
        await factory.Data.WithServiceAsync<NotificationDailyRun, DailyRunSummary>(r => r.RunAsync(new DateOnly(2026, 4, 2)));

        var messages = await NotificationTestHelpers.MessagesAsync(factory, m => m.RecipientEmail == manager.Email);
        var digest = Assert.Single(messages, m => m.Kind == NotificationKind.DailyDigest);
        Assert.Equal(NotificationState.Pending, digest.State);
        Assert.Contains("First queried line", digest.Body, StringComparison.Ordinal);
        Assert.Contains("Second queried line", digest.Body, StringComparison.Ordinal);
        Assert.All(messages.Where(m => m.Kind != NotificationKind.DailyDigest), m =>
        {
            Assert.Equal(NotificationState.InDigest, m.State);
            Assert.Equal(digest.Id, m.DigestId);
        });
    }
}
