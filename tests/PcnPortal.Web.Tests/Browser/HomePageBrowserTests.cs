using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class HomePageBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task SignIn_ShowsHomePageWithTheRolesAreas_AndPassesAccessibilityScan()
    {
        var admin = await browser.Factory.Data.CreateUserAsync(PortalRoles.Administrator);

        var page = await browser.SignedInPageAsync(admin);

        Assert.Equal("PCN Oversight Portal", (await page.TextContentAsync("h1"))?.Trim());
        var cards = await page.Locator("main .nhsuk-card__link").AllTextContentsAsync();
        Assert.Contains("Users", cards.Select(c => c.Trim()));
        Assert.Contains("Audit log", cards.Select(c => c.Trim()));
        Assert.Equal("PCN Oversight Portal", (await page.TextContentAsync(".nhsuk-header__service-name"))?.Trim());
        await BrowserFixture.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task SignInPage_WithErrors_PassesAccessibilityScanAndFocusesTheSummary()
    {
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");

        await page.ClickAsync("main button[type=submit]");

        Assert.Contains("Enter your email address", await page.TextContentAsync(".nhsuk-error-summary") ?? string.Empty);
        Assert.StartsWith("Error:", await page.TitleAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);
    }
}
