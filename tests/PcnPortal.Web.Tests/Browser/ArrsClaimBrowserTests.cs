using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Arrs.Claims;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ArrsClaimBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task ManagerClaimsAMonth_ContractsApproves_ManagerSeesApproved()
    {
        var pcn = await browser.Factory.Data.CreatePcnAsync();
        var manager = await browser.Factory.Data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code);
        var contracts = await browser.Factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts);
        var staffId = await browser.Factory.Data.CreateStaffMemberAsync(pcn);

        // The PCN manager claims May 2020 for one person with the monthly form.
        var page = await browser.SignedInPageAsync(manager);
        await page.GotoAsync("/claims/staff");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.ClickAsync($"a[href='/claims/staff/{staffId}/claim']");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.FillAsync("#Input_Month_Month", "5");
        await page.FillAsync("#Input_Month_Year", "2020");
        await page.FillAsync("#Input_Salary", "2000.00");
        await page.FillAsync("#Input_EmployerNi", "180.00");
        await page.FillAsync("#Input_EmployerPension", "280.00");
        await page.ClickAsync("main form button[value=Continue]");

        // Check your answers, with an axe scan, then Send: the confirmation page.
        await page.WaitForSelectorAsync("#answers");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.ClickAsync("#check button[value=Submit]");
        await page.WaitForURLAsync("**/claims/lines/*/sent");
        await BrowserFixture.AssertAccessibleAsync(page);
        var lineId = await browser.Factory.WithDbAsync(db => db.ArrsClaimLines.Where(l => l.StaffMemberId == staffId).Select(l => l.Id).SingleAsync());
        await page.GotoAsync("/claims?year=2020/21");
        await BrowserFixture.AssertAccessibleAsync(page);

        // The contracts team approves it from the review queue.
        var reviewer = await browser.SignedInPageAsync(contracts);
        await reviewer.GotoAsync($"/claims/review?Pcn={pcn.Code}");
        await BrowserFixture.AssertAccessibleAsync(reviewer);
        await reviewer.ClickAsync($"a[href^='/claims/review/{lineId}?']");
        await reviewer.WaitForURLAsync($"**/claims/review/{lineId}?**");
        await BrowserFixture.AssertAccessibleAsync(reviewer);
        await reviewer.CheckAsync("#Input_Decision");
        await reviewer.Locator("form:has(#Input_Decision) button[type=submit]").ClickAsync();
        await reviewer.WaitForURLAsync(url => !url.Contains($"/claims/review/{lineId}?", StringComparison.Ordinal));

        // The manager sees the line approved.
        await page.GotoAsync($"/claims/lines/{lineId}");
        Assert.Contains("Approved", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(ArrsClaimStatus.Approved, await browser.Factory.WithDbAsync(db => db.ArrsClaimLines.Where(l => l.Id == lineId).Select(l => l.Status).SingleAsync()));
    }
}
