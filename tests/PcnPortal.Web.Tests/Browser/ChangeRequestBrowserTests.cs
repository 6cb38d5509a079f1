using Microsoft.EntityFrameworkCore;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ChangeRequestBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Manager_ProposesNewClinicalDirector_CommissionerApproves_PcnPageShowsIt()
    {
        var pcn = await browser.Factory.Data.CreatePcnAsync();
        var manager = await browser.SignedInPageAsync(await browser.Factory.Data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code));

        await manager.GotoAsync($"/pcns/{pcn.Code}");
        await manager.ClickAsync("text=Propose a change");
        await manager.CheckAsync("#Input_Kind_ClinicalDirector");
        await BrowserFixture.AssertAccessibleAsync(manager);
        await manager.ClickAsync("main button[type=submit]");
        await manager.FillAsync("#Input_EffectiveDate_Day", "1");
        await manager.FillAsync("#Input_EffectiveDate_Month", "4");
        await manager.FillAsync("#Input_EffectiveDate_Year", "2024");
        await manager.FillAsync("#Input_DirectorName", "Dr Rhiannon Pryce");
        await manager.FillAsync("#Input_DirectorProfession", "GP");
        await manager.FillAsync("#Input_Reason", "Elected by the member practices in March.");
        await BrowserFixture.AssertAccessibleAsync(manager);
        await manager.ClickAsync("main button[type=submit]");

        // Check your answers, then the confirmation page.
        Assert.Contains("Dr Rhiannon Pryce, GP", await manager.TextContentAsync("#answers") ?? string.Empty);
        await BrowserFixture.AssertAccessibleAsync(manager);
        await manager.ClickAsync("text=Submit change");
        Assert.Contains("Change submitted", await manager.TextContentAsync("#confirmation") ?? string.Empty);
        await BrowserFixture.AssertAccessibleAsync(manager);
        await manager.ClickAsync("text=your PCN's page");
        Assert.Contains("Submitted", await manager.TextContentAsync("#requests") ?? string.Empty);

        var contracts = await browser.SignedInPageAsync(await browser.Factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts));
        await contracts.GotoAsync("/pcns/changes");
        await contracts.ClickAsync("text=Clinical director: Dr Rhiannon Pryce (GP)");
        Assert.Contains("Dr Rhiannon Pryce (GP), from 1 April 2024", await contracts.TextContentAsync("#comparison") ?? string.Empty);
        await BrowserFixture.AssertAccessibleAsync(contracts);
        await contracts.ClickAsync("text=Approve change");
        Assert.Contains("Approved and applied", await contracts.TextContentAsync(".nhsuk-notification-banner") ?? string.Empty);

        await manager.GotoAsync($"/pcns/{pcn.Code}");
        Assert.Contains("Dr Rhiannon Pryce, GP, from 1 April 2024", await manager.TextContentAsync("main") ?? string.Empty);
        await BrowserFixture.AssertAccessibleAsync(manager);
        Assert.Equal(1, await browser.Factory.WithDbAsync(db => db.ClinicalDirectors.CountAsync(c => c.PcnId == pcn.Id)));
    }
}
