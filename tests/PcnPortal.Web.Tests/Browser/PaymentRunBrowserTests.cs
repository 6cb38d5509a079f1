using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PcnPortal.Domain.Arrs.Claims;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Browser;

/// <summary>
/// The monthly payment run as finance does it from the keyboard: the NHS date input's own error (a date that does not
/// exist), the error summary's link moving to the day box, then the run marked paid; axe on each state.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PaymentRunBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Finance_MarksAMonthPaid_AfterCorrectingADateThatDoesNotExist()
    {
        var data = browser.Factory.Data;
        var pcn = await data.CreatePcnAsync(practiceListSizes: [20_000, 15_000]);
        var ids = await data.CreateClaimLinesAsync(pcn.Code, TestData.ClaimRow(pcn.Code, month: "2020-11"), TestData.ClaimRow(pcn.Code, "SP-" + pcn.Code, "2020-11", role: "SPLW", salary: "2000.00"));
        await data.ApproveClaimLinesAsync([.. ids.Values]);
        var finance = await browser.SignedInPageAsync(await data.CreateUserAsync(PortalRoles.CommissionerFinance));

        await finance.GotoAsync("/finance/schedule?month=2020-11");
        Assert.Equal("Payment run for November 2020", await finance.TextContentAsync("#payment-run-heading"));
        await BrowserFixture.AssertAccessibleAsync(finance);

        await finance.FocusAsync("#Input_Reference");
        await finance.Keyboard.TypeAsync("BACS-2020-11-007");
        await finance.Keyboard.PressAsync("Tab");
        await finance.Keyboard.TypeAsync("31");
        await finance.Keyboard.PressAsync("Tab");
        await finance.Keyboard.TypeAsync("11");
        await finance.Keyboard.PressAsync("Tab");
        await finance.Keyboard.TypeAsync("2020");
        await finance.Keyboard.PressAsync("Tab");
        await finance.Keyboard.PressAsync("Enter");

        // 31 November does not exist: the NHS message, the summary focused, its link to the day box; nothing paid.
        await finance.WaitForSelectorAsync(".nhsuk-error-summary");
        Assert.Contains("The date the payment was made must be a real date", await finance.TextContentAsync(".nhsuk-error-summary") ?? string.Empty);
        await BrowserFixture.AssertAccessibleAsync(finance);
        await Assertions.Expect(finance.Locator(".nhsuk-error-summary")).ToBeFocusedAsync();
        await finance.Keyboard.PressAsync("Tab");
        await Assertions.Expect(finance.Locator(".nhsuk-error-summary a").First).ToBeFocusedAsync();
        await finance.Keyboard.PressAsync("Enter");
        Assert.Equal("Input_PaidOn_Day", await finance.EvaluateAsync<string>("document.activeElement.id"));
        Assert.Equal(0, await browser.Factory.WithDbAsync(db => db.ArrsClaimLines.CountAsync(l => ids.Values.Contains(l.Id) && l.Status == ArrsClaimStatus.Paid)));

        await finance.FillAsync("#Input_PaidOn_Day", "30");
        await finance.FocusAsync("#mark-paid button[type=submit]");
        await finance.Keyboard.PressAsync("Enter");

        await finance.WaitForSelectorAsync(".nhsuk-notification-banner");
        Assert.Contains("marked paid on 30 November 2020 with payment reference BACS-2020-11-007", await finance.TextContentAsync(".nhsuk-notification-banner") ?? string.Empty);
        await BrowserFixture.AssertAccessibleAsync(finance);
        Assert.Equal(2, await browser.Factory.WithDbAsync(db => db.ArrsClaimLines.CountAsync(l => ids.Values.Contains(l.Id) && l.Status == ArrsClaimStatus.Paid && l.PaymentReference == "BACS-2020-11-007")));
    }
}
