using System.Net;
using AngleSharp.Dom;
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

    [Fact]
    public async Task Eoi_Sent_TellsThePanel_ADecisionWaitingForVotes_AsksTheOtherVoters_TheDecision_TellsThePcn()
    {
        var pcn = await factory.Data.CreatePcnAsync(name: "Eoi Hooks PCN", practiceListSizes: [20_000, 20_000]);
        var director = await factory.Data.CreateUserAsync(PortalRoles.ClinicalDirector, pcn.Code);
        var fund = await factory.Data.CreateFundAsync(quorum: 2);
        var a = await factory.Data.CreateUserAsync(PortalRoles.PanelMember);
        var b = await factory.Data.CreateUserAsync(PortalRoles.PanelMember);
        await factory.Data.AddPanelMemberAsync(fund, a, "Aled Morgan", "Area director");
        await factory.Data.AddPanelMemberAsync(fund, b, "Bethan Hughes", "Head of locality");
        var cd = factory.CreateClientFor(director);

        // Continue saves the EOI and opens check your answers: nothing is sent to the panel until Send.
        Assert.Equal(HttpStatusCode.Redirect, (await cd.SubmitFormAsync($"/od-funds/{fund}/eoi", Robustness.RobustnessData.EoiForm())).StatusCode);
        Assert.Empty(await NotificationTestHelpers.MessagesAsync(factory, m => m.Kind == NotificationKind.EoiAwaitingPanel && m.PcnCode == pcn.Code));
        Assert.Equal(HttpStatusCode.Redirect, (await cd.SubmitFormAsync($"/od-funds/{fund}/eoi/check", new Dictionary<string, string>())).StatusCode);
        var eoiId = await factory.WithDbAsync(db => db.OdEois.Where(e => e.FundId == fund && e.PcnCode == pcn.Code).Select(e => e.Id).SingleAsync());
        var awaiting = await NotificationTestHelpers.MessagesAsync(factory, m => m.Kind == NotificationKind.EoiAwaitingPanel && m.PcnCode == pcn.Code);
        Assert.Equal(new[] { a.Email, b.Email }.Order(StringComparer.Ordinal), awaiting.Select(m => m.RecipientEmail).Order(StringComparer.Ordinal));
        Assert.All(awaiting, m => Assert.Equal($"https://portal.test/od-funds/eois/{eoiId}/decision", m.Link));

        // A records an approval naming B: only B is asked to confirm, with a link to the confirm page and no amount.
        var aClient = factory.CreateClientFor(a);
        var document = await aClient.GetDocumentAsync($"/od-funds/eois/{eoiId}/decision");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)document.QuerySelector("main form[method=post]")!;
        foreach (var box in form.QuerySelectorAll<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='Input.Voters']"))
        {
            box.IsChecked = true;
        }

        Assert.Equal(HttpStatusCode.Redirect, (await aClient.SubmitAsync(form, $"/od-funds/eois/{eoiId}/decision", new Dictionary<string, string>
        {
            ["Input.Outcome"] = "Approved",
            ["Input.ApprovedAmount"] = "12000.00",
        })).StatusCode);
        var toConfirm = Assert.Single(await NotificationTestHelpers.MessagesAsync(factory, m => m.Kind == NotificationKind.VoteConfirmationWaiting && m.PcnCode == pcn.Code));
        Assert.Equal(b.Email, toConfirm.RecipientEmail);
        Assert.Equal($"https://portal.test/od-funds/eois/{eoiId}/decision/confirm", toConfirm.Link);
        Assert.StartsWith($"Confirm your vote: {pcn.Code} Eoi Hooks PCN", toConfirm.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("12,000", toConfirm.Body, StringComparison.Ordinal);
        Assert.Empty(await NotificationTestHelpers.MessagesAsync(factory, m => m.Kind == NotificationKind.EoiDecided && m.PcnCode == pcn.Code));

        // B's home page links straight to the confirm page; B confirms: the decision takes effect and the PCN is told.
        var home = await factory.CreateClientFor(b).GetDocumentAsync("/");
        Assert.NotNull(home.QuerySelector($"tr[data-item='Panel decisions waiting for you to confirm your vote'] a[href='/od-funds/eois/{eoiId}/decision/confirm']"));
        Assert.Equal(HttpStatusCode.Redirect, (await factory.CreateClientFor(b).SubmitFormAsync($"/od-funds/eois/{eoiId}/decision/confirm", new Dictionary<string, string> { ["Input.Command"] = "Confirm" })).StatusCode);
        var decided = Assert.Single(await NotificationTestHelpers.MessagesAsync(factory, m => m.Kind == NotificationKind.EoiDecided && m.PcnCode == pcn.Code));
        Assert.Equal(director.Email, decided.RecipientEmail);
        Assert.StartsWith($"Expression of interest approved: {pcn.Code} Eoi Hooks PCN, ", decided.Subject, StringComparison.Ordinal);
        Assert.Equal($"https://portal.test/od-funds/eois/{eoiId}", decided.Link);
    }
}
