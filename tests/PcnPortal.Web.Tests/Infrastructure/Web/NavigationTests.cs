using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Infrastructure.Web;

/// <summary>The header navigation highlights one item: the area the page belongs to (issue #17, "one highlighted navigation item").</summary>
public sealed class NavigationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/claims/review", "Claims review")]
    [InlineData("/claims?Pcn={0}", "ARRS claims")]
    [InlineData("/pcns", "PCNs")]
    public async Task OnePage_HighlightsOneNavigationItem(string url, string expected)
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var contracts = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts));

        var page = await contracts.GetDocumentAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, url, pcn.Code));

        var current = page.QuerySelectorAll(".nhsuk-header__navigation-item--current").Select(i => i.TextContent.Trim()).ToList();
        Assert.Equal([expected], current);
        Assert.Single(page.QuerySelectorAll(".nhsuk-header__navigation-link[aria-current]"));
    }
}
