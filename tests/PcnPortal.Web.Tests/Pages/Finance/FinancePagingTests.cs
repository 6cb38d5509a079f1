using System.Globalization;
using System.Text.RegularExpressions;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Pages.Finance;

/// <summary>The finance page's rows: this CCG's PCNs plus any other PCN with claims, 50 to a page, totals over all. Own database: it adds many PCNs.</summary>
public sealed class FinancePagingTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const int IndexModelPageSize = PcnPortal.Web.Pages.Finance.IndexModel.PageSize;

    private static string RowText(AngleSharp.Dom.IDocument page, string pcnCode) =>
        page.QuerySelector($"#entitlements tr[data-pcn={pcnCode}]")?.TextContent ?? throw new Xunit.Sdk.XunitException($"No row for {pcnCode}");

    [Fact]
    public async Task Get_PcnOutsideTheCcg_ListedOnlyWhenItHasClaims_AndMarked()
    {
        var quiet = await factory.Data.CreatePcnAsync(code: "U00006", ccgCode: "15C");
        var claiming = await factory.Data.CreatePcnAsync(code: "U00007", ccgCode: "15C");
        await factory.Data.CreateClaimLinesAsync(claiming.Code, TestData.ClaimRow(claiming.Code, month: "2020-05"));
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerFinance));

        var page = await client.GetDocumentAsync("/finance?year=2020/21");

        Assert.Null(page.QuerySelector($"#entitlements tr[data-pcn={quiet.Code}]"));
        Assert.Contains("Outside this CCG", RowText(page, claiming.Code), StringComparison.Ordinal);
        var total = page.QuerySelector("#ccg-total th")!.TextContent;
        Assert.StartsWith("Total (", total, StringComparison.Ordinal);
        Assert.Contains("outside this CCG", total, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_MoreThanFiftyPcns_PagesTheRows_TotalsCoverEveryPcn()
    {
        for (var i = 0; i < IndexModelPageSize + 1; i++)
        {
            await factory.Data.CreatePcnAsync();
        }

        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerFinance));

        var first = await client.GetDocumentAsync("/finance?year=2020/21");
        var second = await client.GetDocumentAsync("/finance?year=2020/21&p=2");
        var beyond = await client.GetDocumentAsync("/finance?year=2020/21&p=999");

        string[] Codes(AngleSharp.Dom.IDocument page) => [.. page.QuerySelectorAll("#entitlements tbody tr").Select(r => r.GetAttribute("data-pcn")!)];
        var total = int.Parse(Regex.Match(first.QuerySelector("#ccg-total th")!.TextContent, @"\(([\d,]+) PCNs").Groups[1].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        Assert.True(total > IndexModelPageSize);
        Assert.Equal(IndexModelPageSize, Codes(first).Length);
        Assert.Equal(Math.Min(total - IndexModelPageSize, IndexModelPageSize), Codes(second).Length);
        Assert.Empty(Codes(first).Intersect(Codes(second)));
        Assert.Contains($"Showing PCNs 51 to", second.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(first.QuerySelector("a.nhsuk-pagination__next[href='/finance?year=2020%2F21&p=2']"));
        Assert.Equal(first.QuerySelector("#ccg-total")!.TextContent, second.QuerySelector("#ccg-total")!.TextContent);
        Assert.NotEmpty(Codes(beyond));
    }
}
