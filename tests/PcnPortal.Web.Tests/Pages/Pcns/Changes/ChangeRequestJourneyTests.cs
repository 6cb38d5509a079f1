using System.Net;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Registration;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Pages.Pcns.Changes;

/// <summary>
/// /pcns/{code}/changes/new as the NHS service manual does a form (issue #17): what kind of change first, then only that
/// kind's questions, "check your answers", a confirmation page; and the review page shows the register beside the proposal.
/// </summary>
public sealed class ChangeRequestJourneyTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task FirstStep_AsksOnlyWhatIsChanging_ThenShowsOnlyThatKindsQuestions()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var manager = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code));

        var first = await manager.GetDocumentAsync($"/pcns/{pcn.Code}/changes/new");
        var none = await manager.SubmitFormAsync($"/pcns/{pcn.Code}/changes/new", new Dictionary<string, string> { ["Command"] = "Continue" });
        var chosen = await manager.SubmitFormAsync($"/pcns/{pcn.Code}/changes/new", new Dictionary<string, string> { ["Input.Kind"] = "NominatedPayee", ["Command"] = "Continue" });
        var payee = await manager.GetDocumentAsync(chosen.Headers.Location!.OriginalString);

        Assert.Equal(5, first.QuerySelectorAll("input[name='Input.Kind'][type=radio]").Length);
        Assert.Null(first.QuerySelector("[name='Input.DirectorName']"));
        Assert.Null(first.QuerySelector("[name='Input.Reason']"));
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Equal(["Select what you want to change."], (await none.ReadDocumentAsync()).ErrorSummary());
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal($"/pcns/{pcn.Code}/changes/new?kind=NominatedPayee", chosen.Headers.Location!.OriginalString);
        Assert.NotNull(payee.QuerySelector("[name='Input.OrganisationCode']"));
        Assert.NotNull(payee.QuerySelector("[name='Input.OrganisationName']"));
        Assert.Null(payee.QuerySelector("[name='Input.DirectorName']"));
        Assert.Null(payee.QuerySelector("[name='Input.NetworkAgreementSigned.Day']"));
    }

    [Fact]
    public async Task Answers_AreCheckedBeforeSubmitting_CanBeChanged_AndEndOnAConfirmation()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var manager = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code));
        var answers = new Dictionary<string, string>
        {
            ["Input.DirectorName"] = "Dr Nia Evans",
            ["Input.DirectorProfession"] = "GP",
            ["Input.EffectiveDate"] = "2030-04-01",
            ["Input.Reason"] = "Dr Hale retires",
        };

        var check = await manager.SubmitFormAsync($"/pcns/{pcn.Code}/changes/new?kind=ClinicalDirector", answers);
        var checkPage = await check.ReadDocumentAsync();
        var rows = checkPage.QuerySelectorAll("#answers .nhsuk-summary-list__row")
            .Select(r => (r.QuerySelector("dt")!.TextContent.Trim(), r.QuerySelector(".nhsuk-summary-list__value")!.TextContent.Trim())).ToList();
        var savedBeforeSubmit = await factory.WithDbAsync(db => db.PcnChangeRequests.CountAsync(r => r.PcnId == pcn.Id));

        var edit = await manager.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)checkPage.QuerySelector("main form")!, $"/pcns/{pcn.Code}/changes/new", new Dictionary<string, string> { ["Command"] = "Edit" });
        var editPage = await edit.ReadDocumentAsync();
        var submit = await manager.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)checkPage.QuerySelector("main form")!, $"/pcns/{pcn.Code}/changes/new", new Dictionary<string, string> { ["Command"] = "Submit" });

        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        Assert.Equal("Check your answers before submitting the change", checkPage.QuerySelector("h1")!.TextContent);
        Assert.Equal(
            [("What is changing", "A new clinical director"), ("New clinical director", "Dr Nia Evans, GP"), ("Takes effect on", "1 April 2030"), ("Reason", "Dr Hale retires")],
            rows);
        Assert.Equal(0, savedBeforeSubmit);
        Assert.Equal("Dr Nia Evans", editPage.QuerySelector("#Input_DirectorName")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        var request = await factory.WithDbAsync(db => db.PcnChangeRequests.SingleAsync(r => r.PcnId == pcn.Id));
        Assert.Equal((PcnChangeKind.ClinicalDirector, "Dr Nia Evans", new DateOnly(2030, 4, 1), PcnChangeStatus.Submitted), (request.Kind, request.DirectorName, request.EffectiveDate, request.Status));
        Assert.Equal($"/pcns/{pcn.Code}/changes/{request.Id}/submitted", submit.Headers.Location!.OriginalString);
        var confirmation = await manager.GetDocumentAsync(submit.Headers.Location!.OriginalString);
        Assert.Contains($"change request {request.Id}", confirmation.QuerySelector("#confirmation")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("What happens next", confirmation.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirmation_OfAnotherPcnsRequest_IsRefused()
    {
        var own = await factory.Data.CreatePcnAsync();
        var other = await factory.Data.CreatePcnAsync();
        var id = await factory.Data.CreateChangeRequestAsync(other);
        var manager = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.PcnManager, own.Code));

        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync($"/pcns/{other.Code}/changes/{id}/submitted")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/pcns/{own.Code}/changes/{id}/submitted")).StatusCode);
    }

    [Fact]
    public async Task Review_ShowsTheRegisterTodayBesideTheProposal()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        await factory.WithDbAsync(async db =>
        {
            var entity = await db.Pcns.SingleAsync(p => p.Id == pcn.Id);
            entity.NominatedPayeeCode = "Y00001";
            entity.NominatedPayeeName = "Old Payee Surgery";
            await db.SaveChangesAsync();
        });
        var id = await factory.Data.CreateChangeRequestAsync(pcn, effectiveDate: new DateOnly(2030, 4, 1));
        var contracts = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts));

        var page = await contracts.GetDocumentAsync($"/pcns/changes/{id}");

        var row = Assert.Single(page.QuerySelectorAll("#comparison tbody tr"));
        Assert.Equal(
            ["Nominated payee", "Old Payee Surgery (Y00001)", "Payee Ltd (Y12345), from 1 April 2030"],
            row.Children.Select(c => c.TextContent.Trim()));
    }
}
