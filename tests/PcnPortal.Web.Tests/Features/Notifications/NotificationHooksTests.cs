using System.Net;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Common;
using PcnPortal.Domain.Maturity;
using PcnPortal.Domain.Notifications;
using PcnPortal.Web.Features.Maturity;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web.Forms;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Features.Notifications;

/// <summary>The services and pages that raise notifications write them, to the right people, with the change.</summary>
public sealed class NotificationHooksTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task ChangeRequest_Submitted_TellsContracts_Returned_TellsThePcnWithTheReason()
    {
        var pcn = await factory.Data.CreatePcnAsync(name: "Hooks Test PCN");
        var managerUser = await factory.Data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code);
        var contractsUser = await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts);
        var manager = factory.CreateClientFor(managerUser);

        var proposed = await manager.SubmitFormAsync($"/pcns/{pcn.Code}/changes/new?kind=Agreements", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Agreements",
            ["Input.EffectiveDate"] = "2024-05-01",
            ["Input.Reason"] = "Signed",
            ["Input.DataSharingAgreementSigned"] = "2024-04-20",
            ["Command"] = "Submit",
        });
        Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);
        var submitted = Assert.Single(await NotificationTestHelpers.MessagesAsync(factory, m => m.RecipientEmail == contractsUser.Email && m.PcnCode == pcn.Code));
        Assert.Equal(NotificationKind.ChangeRequestSubmitted, submitted.Kind);
        Assert.Equal($"Change request to review: {pcn.Code} Hooks Test PCN, network and data sharing agreements", submitted.Subject);

        var id = await factory.WithDbAsync(db => db.PcnChangeRequests.Where(r => r.PcnId == pcn.Id).Select(r => r.Id).SingleAsync());
        var returned = await factory.CreateClientFor(contractsUser).SubmitFormAsync(
            $"/pcns/changes/{id}", new Dictionary<string, string> { ["ReturnReason"] = "Please attach the signed agreement" }, "main form[action*=Return]");
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);

        var toPcn = Assert.Single(await NotificationTestHelpers.MessagesAsync(factory, m => m.RecipientEmail == managerUser.Email));
        Assert.Equal(NotificationKind.ChangeRequestReturned, toPcn.Kind);
        Assert.Contains("Please attach the signed agreement", toPcn.Body, StringComparison.Ordinal);
        Assert.Equal($"https://portal.test/pcns/{pcn.Code}", toPcn.Link);
    }

    [Fact]
    public async Task MaturityRoundOpened_TellsEachPcnInIt_WithTheDueDate()
    {
        var pcn = await factory.Data.CreatePcnAsync(name: "Round Test PCN");
        var director = await factory.Data.CreateUserAsync(PortalRoles.ClinicalDirector, pcn.Code);
        var matrix = await factory.WithDbAsync(db => db.MatrixVersions.OrderBy(v => v.Id).Select(v => v.Id).FirstAsync());

        var result = await factory.Data.WithServiceAsync<MaturityRoundService, ServiceResult<AssessmentRound>>(
            s => s.OpenAsync(new FinancialYear(2061), new DateOnly(2062, 3, 31), matrix, "contracts@test", default));

        Assert.True(result.Succeeded);
        var message = Assert.Single(await NotificationTestHelpers.MessagesAsync(factory, m => m.RecipientEmail == director.Email));
        Assert.Equal(NotificationKind.MaturityRoundOpened, message.Kind);
        Assert.Equal($"Maturity matrix 2061/62: {pcn.Code} Round Test PCN's return is due on 31 March 2062", message.Subject);
    }
}
