using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Browser;

/// <summary>
/// Issue 18: a PCN manager declares a quarter of enhanced access in the browser (a mistake first: the NHS error summary
/// takes focus and links to the field), then the contracts team sees the shortfall in the CCG summary; axe on each page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessDeclarationBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task PcnDeclaresAQuarter_CommissionerSeesTheShortfall()
    {
        var data = browser.Factory.Data;
        var pcn = await data.CreatePcnAsync(practiceListSizes: [20_000, 20_000]);
        await data.CreateAdjustedPopulationAsync(pcn, 45_000);
        var manager = await browser.SignedInPageAsync(await data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code));

        await manager.GotoAsync($"/access/pcns/{pcn.Code}/declarations/2022-10");
        await BrowserFixture.AssertAccessibleAsync(manager);
        Assert.Contains("Minutes required in October 2022: 11,957 minutes", await manager.Locator("#month-0").InnerTextAsync(), StringComparison.Ordinal);
        for (var i = 0; i < 3; i++)
        {
            await manager.FillAsync($"#Input_Months_{i}__Offered", "200");
            await manager.FillAsync($"#Input_Months_{i}__Booked", i == 1 ? "260" : "180");
            await manager.FillAsync($"#Input_Months_{i}__Attended", "170");
            await manager.FillAsync($"#Input_Months_{i}__DidNotAttend", "10");
            await manager.FillAsync($"#Input_Months_{i}__MinutesDelivered", "10,000");
        }

        // More booked than offered in November: the summary is focused and its link goes to that box; nothing saved.
        await manager.Locator("main form button[type=submit]").PressAsync("Enter");
        await manager.WaitForSelectorAsync(".nhsuk-error-summary");
        await Assertions.Expect(manager.Locator(".nhsuk-error-summary")).ToBeFocusedAsync();
        await BrowserFixture.AssertAccessibleAsync(manager);
        await manager.Keyboard.PressAsync("Tab");
        await manager.Keyboard.PressAsync("Enter");
        Assert.Equal("Input_Months_1__Booked", await manager.EvaluateAsync<string>("document.activeElement.id"));
        Assert.Equal(0, await browser.Factory.WithDbAsync(db => db.AccessDeclarations.CountAsync(d => d.PcnId == pcn.Id)));

        await manager.FillAsync("#Input_Months_1__Booked", "180");
        await manager.Locator("main form button[type=submit]").PressAsync("Enter");
        await manager.WaitForURLAsync($"**/access/pcns/{pcn.Code}?**");
        var quarter = await manager.Locator("#quarter-2022-10").InnerTextAsync();
        Assert.Contains("(84.5%): 5,486 minutes short", quarter, StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(manager);

        var contracts = await browser.SignedInPageAsync(await data.CreateUserAsync(PortalRoles.CommissionerContracts));
        await contracts.GotoAsync("/access?year=2022/23");
        var cell = await contracts.Locator($"tr[data-pcn={pcn.Code}] td[data-quarter='2022-10']").InnerTextAsync();
        Assert.Contains("30,000 of 35,486 min", cell, StringComparison.Ordinal);
        Assert.Contains("5,486 min short", cell, StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(contracts);
    }
}
