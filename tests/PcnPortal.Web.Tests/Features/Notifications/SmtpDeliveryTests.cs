using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using netDumbster.smtp;
using PcnPortal.Web.Features.Arrs;
using PcnPortal.Web.Features.Notifications;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Features.Notifications;

/// <summary>The portal with the SMTP transport pointed at a real SMTP server running in the test process (netDumbster).</summary>
public sealed class SmtpPortalFactory : PortalFactory
{
    public SmtpPortalFactory()
    {
        Port = NotificationTestHelpers.FreePort();
        SmtpServer = SimpleSmtpServer.Start(Port);
    }

    public int Port { get; }

    public SimpleSmtpServer SmtpServer { get; }

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Email:Transport"] = "Smtp",
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Smtp:UseStartTls"] = "false",
        ["Email:From"] = "pcn-portal@avonmere.example.nhs.uk",
        ["Email:PortalUrl"] = "https://pcn-portal.example.nhs.uk/",
    };

    protected override void Dispose(bool disposing)
    {
        SmtpServer.Stop();
        SmtpServer.Dispose();
        base.Dispose(disposing);
    }
}

public sealed class SmtpDeliveryTests(SmtpPortalFactory factory) : IClassFixture<SmtpPortalFactory>
{
    [Fact]
    public async Task RejectedClaimLine_ArrivesOverSmtp_WithRecipientSubjectAndLink()
    {
        var pcn = await factory.Data.CreatePcnAsync(name: "Harbourside and Docks PCN");
        var manager = await factory.Data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code);
        var lineId = await factory.Data.CreateClaimLineAsync(pcn.Code);
        var version = await factory.WithDbAsync(db => db.ArrsClaimLines.Where(l => l.Id == lineId).Select(l => l.Version).SingleAsync());
        await factory.Data.WithServiceAsync<ArrsDecisionService, ArrsDecisionOutcome>(
            s => s.DecideAsync(lineId, version, ArrsDecision.Reject, "OUTSIDE-EMPLOYMENT", "The month is before the start date", "contracts@test"));

        var sent = await factory.Services.GetRequiredService<NotificationSender>().SendDueAsync("smtp-test");

        Assert.Equal(1, sent);
        var received = Assert.Single(factory.SmtpServer.ReceivedEmail);
        Assert.Equal(manager.Email, Assert.Single(received.ToAddresses).Address, ignoreCase: true);
        Assert.Equal("pcn-portal@avonmere.example.nhs.uk", received.FromAddress.Address, ignoreCase: true);
        Assert.Equal($"Claim line rejected: {pcn.Code} Harbourside and Docks PCN, May 2020", received.Headers["Subject"]);
        var body = received.MessageParts[0].BodyData;
        Assert.Contains($"https://pcn-portal.example.nhs.uk/claims/lines/{lineId}", body, StringComparison.Ordinal);
        Assert.Contains("The month is before the start date", body, StringComparison.Ordinal);
        Assert.Contains("Month outside employment or the financial year", body, StringComparison.Ordinal);
        var message = Assert.Single(await NotificationTestHelpers.MessagesAsync(factory, m => m.RecipientEmail == manager.Email));
        Assert.Equal("Smtp", message.Transport);
    }
}
