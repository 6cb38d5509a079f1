using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Maturity;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class MaturityReturnBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Manager_CompletesEveryDomainAndSubmits_TaskListAndDomainPagesAreAccessible()
    {
        var pcn = await browser.Factory.Data.CreatePcnAsync();
        var manager = await browser.Factory.Data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code);
        var returnId = await browser.Factory.Data.CreateMaturityReturnAsync(pcn, year: 2080, due: new DateOnly(2099, 1, 31));

        var page = await browser.SignedInPageAsync(manager);
        await page.GotoAsync($"/maturity/returns/{returnId}");
        await BrowserFixture.AssertAccessibleAsync(page);

        foreach (var domain in MaturityDomains.All)
        {
            await page.ClickAsync($"#task-list a[href$='/domains/{domain.Code()}']");
            await BrowserFixture.AssertAccessibleAsync(page);
            await page.CheckAsync($"#Input_Position_{MaturityPosition.Step1.Code()}");
            await page.FillAsync("#Input_Evidence", $"Evidence for {domain.DisplayName()}: monthly joint meetings.");
            await page.ClickAsync("button.nhsuk-button--secondary[type=submit]");
            await page.WaitForURLAsync($"**/maturity/returns/{returnId}");
        }

        await page.ClickAsync($"a[href='/maturity/returns/{returnId}/check']");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync($"**/maturity/returns/{returnId}");

        var status = await browser.Factory.WithDbAsync(db => db.MaturityReturns.Where(r => r.Id == returnId).Select(r => r.Status).SingleAsync());
        Assert.Equal(MaturityReturnStatus.Submitted, status);
        Assert.Equal(0, await page.Locator("#task-list").CountAsync());
    }
}
