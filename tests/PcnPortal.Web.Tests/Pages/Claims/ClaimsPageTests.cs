using PcnPortal.Domain.Common;
using PcnPortal.TestSupport;
using PcnPortal.Web.Features.Arrs;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Pages.Claims;

/// <summary>/claims: the PCN's ARR Sum, used, remaining and forecast at the top, queried lines first.</summary>
public sealed class ClaimsPageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Claims_ShowsTheArrSumFiguresAtTheTop_AndQueriedLinesFirst()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var ids = await factory.Data.CreateClaimLinesAsync(
            pcn.Code,
            TestData.ClaimRow(pcn.Code, $"CP-1-{pcn.Code}", month: "2020-06", name: "June Person"),
            TestData.ClaimRow(pcn.Code, $"CP-2-{pcn.Code}", month: "2020-05", name: "May Person"));
        await factory.Data.ApproveClaimLinesAsync(ids[$"2020-06/CP-1-{pcn.Code}"]);
        var reviewer = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts));
        await reviewer.SubmitFormAsync($"/claims/review/{ids[$"2020-05/CP-2-{pcn.Code}"]}", new Dictionary<string, string> { ["Input.Decision"] = "query", ["Input.Text"] = "Payslip?" });
        var manager = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code));

        var page = await manager.GetDocumentAsync("/claims?year=2020/21");

        var expected = (await factory.Data.WithServiceAsync<ArrsEntitlementQuery, EntitlementReport>(q => q.GetAsync(new FinancialYear(2020), pcn.Code))).Pcns.Single();
        var figures = page.QuerySelectorAll("#entitlement .nhsuk-summary-list__row").ToDictionary(
            r => r.QuerySelector("dt")!.TextContent.Trim(), r => r.QuerySelector("dd")!.TextContent.Trim());
        Assert.Equal(["ARR Sum", "Used", "Remaining", "Forecast to year end"], figures.Keys);
        Assert.True(expected.ArrSum > 0m && expected.Approved > 0m && expected.Pending > 0m);
        Assert.StartsWith(Money.Format(expected.ArrSum), figures["ARR Sum"], StringComparison.Ordinal);
        Assert.StartsWith(Money.Format(expected.Approved + expected.Pending), figures["Used"], StringComparison.Ordinal);
        Assert.Equal(Money.Format(expected.Remaining), figures["Remaining"]);
        Assert.Contains(Money.Format(expected.RemainingAfterForecast), figures["Forecast to year end"], StringComparison.Ordinal);
        Assert.True(page.QuerySelector("#entitlement")!.CompareDocumentPosition(page.QuerySelector("table")!).HasFlag(AngleSharp.Dom.DocumentPositions.Following));

        // The queried May line is listed before the newer approved June line.
        var first = page.QuerySelector("table tbody tr")!.TextContent;
        Assert.Contains("May Person", first, StringComparison.Ordinal);
        Assert.Contains("Queried", first, StringComparison.Ordinal);
        Assert.Contains("1 line is queried", page.QuerySelector("#queried")!.TextContent, StringComparison.Ordinal);
    }
}
