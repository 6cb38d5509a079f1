using System.Net;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Notifications;
using PcnPortal.Web.Features.Arrs;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Pages.Account.Notifications;

public sealed class AccountNotificationsPageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task DeadlineReminders_CannotBeTurnedOff()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var manager = await factory.Data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code);
        var client = factory.CreateClientFor(manager);

        var page = await client.GetDocumentAsync("/account/notifications");
        Assert.Null(page.QuerySelector("input[name='Input.Choices[DeadlineReminder]'][value='Off']"));
        Assert.NotNull(page.QuerySelector("input[name='Input.Choices[ClaimLineQueried]'][value='Off']"));

        var response = await client.SubmitFormAsync("/account/notifications", new Dictionary<string, string> { ["Input.Choices[DeadlineReminder]"] = "Off" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Deadline reminders cannot be turned off: choose immediately or a daily digest", (await response.ReadDocumentAsync()).ErrorSummary());
        Assert.False(await factory.WithDbAsync(db => db.NotificationPreferences.AnyAsync(p => p.UserId == manager.Id)));
    }

    [Fact]
    public async Task UnknownKindOrChoice_Is400_WithTheReason()
    {
        var manager = await factory.Data.CreateUserAsync(PortalRoles.PcnManager, (await factory.Data.CreatePcnAsync()).Code);

        var response = await factory.CreateClientFor(manager).SubmitFormAsync("/account/notifications", new Dictionary<string, string>
        {
            ["Input.Choices[ClaimLineQueried]"] = "Sometimes",
            ["Input.Choices[Bogus]"] = "Off",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadDocumentAsync()).ErrorSummary();
        Assert.Contains("Choose immediately, daily digest or off for \"A claim line is queried\"", errors);
        Assert.Contains("'Bogus' is not a kind of email the portal sends", errors);
    }

    [Fact]
    public async Task TurningAKindOff_StopsThoseEmailsForThatPersonOnly()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var manager = await factory.Data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code);
        var director = await factory.Data.CreateUserAsync(PortalRoles.ClinicalDirector, pcn.Code);

        var response = await factory.CreateClientFor(manager).SubmitFormAsync("/account/notifications", new Dictionary<string, string>
        {
            ["Input.Choices[ClaimLineQueried]"] = "Off",
            ["Input.Choices[DeadlineReminder]"] = "DailyDigest",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await factory.CreateClientFor(manager).GetDocumentAsync("/account/notifications");
        Assert.True(((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("input[name='Input.Choices[ClaimLineQueried]'][value='Off']")!).IsChecked);
        Assert.True(((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("input[name='Input.Choices[DeadlineReminder]'][value='DailyDigest']")!).IsChecked);

        var lineId = await factory.Data.CreateClaimLineAsync(pcn.Code);
        var version = await factory.WithDbAsync(db => db.ArrsClaimLines.Where(l => l.Id == lineId).Select(l => l.Version).SingleAsync());
        await factory.Data.WithServiceAsync<ArrsDecisionService, ArrsDecisionOutcome>(s => s.DecideAsync(lineId, version, ArrsDecision.Query, null, "Which month?", "contracts@test"));

        var messages = await factory.WithDbAsync(db => db.NotificationMessages.Where(m => m.PcnCode == pcn.Code && m.Kind == NotificationKind.ClaimLineQueried).ToListAsync());
        Assert.Equal(director.Email, Assert.Single(messages).RecipientEmail);
    }
}
