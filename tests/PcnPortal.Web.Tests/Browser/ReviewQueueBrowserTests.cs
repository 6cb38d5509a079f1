using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PcnPortal.Domain.Arrs.Claims;
using PcnPortal.Domain.Common;
using PcnPortal.TestSupport;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Tests.Browser;

/// <summary>The contracts team works the review queue with the keyboard only: sort, open a line, decide, land on the next, go back.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReviewQueueBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task ReviewQueue_KeyboardOnly_SortDecideNextAndBack_PassesAccessibilityScans()
    {
        var pcn = await browser.Factory.Data.CreatePcnAsync();
        var ids = await browser.Factory.Data.CreateClaimLinesAsync(
            pcn.Code,
            TestData.ClaimRow(pcn.Code, $"K-1-{pcn.Code}", name: "Kim First"),
            TestData.ClaimRow(pcn.Code, $"K-2-{pcn.Code}", name: "Lee Second"),
            TestData.ClaimRow(pcn.Code, $"K-3-{pcn.Code}", name: "Max Failing"));
        await browser.Factory.WithDbAsync(async db =>
        {
            var line = await db.ArrsClaimLines.SingleAsync(l => l.Id == ids[$"2020-05/K-3-{pcn.Code}"]);
            line.WorstOutcome = RuleSeverity.Fail;
            line.Reimbursable = 0m;
            await db.SaveChangesAsync();
        });
        var page = await browser.SignedInPageAsync(await browser.Factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts));

        await page.GotoAsync($"/claims/review?Pcn={pcn.Code}");
        await BrowserFixture.AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "review-queue");

        // The filter's last question sits inside the filter box, below the others (it once floated off to the right).
        var box = (await page.Locator(".app-filter").BoundingBoxAsync())!;
        var label = (await page.Locator("label[for=SharedStaff]").BoundingBoxAsync())!;
        Assert.True(label.X >= box.X && label.X + label.Width <= box.X + box.Width && label.Width > 200, $"The shared-staff filter's label is at x {label.X}, {label.Width} px wide, in a box from {box.X} to {box.X + box.Width}.");
        Assert.Equal("Max Failing", (await page.Locator("#queue tbody tr td:nth-child(2)").First.InnerTextAsync()).Trim());

        // Sort by person with the keyboard.
        await TabToAsync(page, "#queue thead th:nth-child(2) a");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**Sort=person**");
        Assert.Equal("ascending", await page.Locator("#queue thead th:nth-child(2)").GetAttributeAsync("aria-sort"));
        Assert.Equal(["Kim First", "Lee Second", "Max Failing"], (await page.Locator("#queue tbody tr td:nth-child(2)").AllInnerTextsAsync()).Select(t => t.Trim()));

        // Open the first line, approve it with the keyboard, and land on the next line in the same order.
        await TabToAsync(page, "#queue tbody tr:first-child td:nth-child(2) a");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"**/claims/review/{ids[$"2020-05/K-1-{pcn.Code}"]}?**");
        await BrowserFixture.AssertAccessibleAsync(page);
        await TabToAsync(page, "#Input_Decision");
        await page.Keyboard.PressAsync("Space");
        Assert.True(await page.IsCheckedAsync("#Input_Decision"));
        await TabToAsync(page, "main form button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"**/claims/review/{ids[$"2020-05/K-2-{pcn.Code}"]}?**");
        Assert.Contains("Lee Second", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("was approved", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        // The failing line offers no "Approve £0.00", only the override with its amount and reason.
        await TabToAsync(page, "#next-line");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"**/claims/review/{ids[$"2020-05/K-3-{pcn.Code}"]}?**");
        Assert.DoesNotContain("Approve £0.00", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        // The amount and reason stay hidden until the override is chosen (the NHS frontend's script is running).
        Assert.False(await page.Locator("#Input_Amount").IsVisibleAsync());
        await TabToAsync(page, "#Input_Decision");
        await page.Keyboard.PressAsync("Space");
        Assert.True(await page.Locator("#Input_Amount").IsVisibleAsync());
        await BrowserFixture.AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "review-decide-override");

        // Back to the queue, still sorted by person.
        await TabToAsync(page, "#back-to-queue");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/claims/review?**Sort=person**");
        Assert.Equal(ArrsClaimStatus.Approved, await browser.Factory.WithDbAsync(db => db.ArrsClaimLines.Where(l => l.Id == ids[$"2020-05/K-1-{pcn.Code}"]).Select(l => l.Status).SingleAsync()));
        await BrowserFixture.AssertAccessibleAsync(page);
    }

    /// <summary>Presses Tab until the element is focused (fails after 120 presses: it cannot be reached by keyboard).</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        var target = page.Locator(selector).First;
        for (var i = 0; i < 120; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                return;
            }
        }

        Assert.Fail($"{selector} could not be reached with the Tab key on {page.Url}.");
    }

    /// <summary>When PCNPORTAL_SCREENSHOTS names a folder, saves the page at 1280 and 1920 px wide there (for looking at, not asserting).</summary>
    private static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("PCNPORTAL_SCREENSHOTS") is not { Length: > 0 } folder)
        {
            return;
        }

        foreach (var width in new[] { 1280, 1920 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}-{width}.png"), FullPage = true });
        }

        await page.SetViewportSizeAsync(1280, 900);
    }
}
