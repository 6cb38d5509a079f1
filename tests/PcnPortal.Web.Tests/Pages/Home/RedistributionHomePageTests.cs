using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Pages.Home;

/// <summary>/ for finance, contracts and PCN users: open redistribution rounds, bids to decide, rounds a PCN may bid in. Its own database, so the counts are exact.</summary>
public sealed class RedistributionHomePageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Home_OpenRound_FinanceSeesIt_ContractsSeesTheBidToDecide_OnlyAnEligiblePcnSeesItMayBid()
    {
        var giver = await factory.Data.CreatePcnAsync(practiceListSizes: [20_000, 15_000]);
        var bidder = await factory.Data.CreatePcnAsync(practiceListSizes: [100]);
        await factory.Data.CreateClaimLineAsync(bidder.Code, month: "2020-05"); // forecast spend reaches its £748.76 ARR Sum
        var round = await factory.Data.CreateRedistributionRoundAsync(2020, null, (giver, 50_000m));
        var bid = await factory.Data.CreateRedistributionBidAsync(round, bidder);

        var finance = await factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerFinance)).GetDocumentAsync("/");
        var open = finance.QuerySelector("tr[data-item='Redistribution rounds open']")!;
        Assert.Equal("1", open.QuerySelector("td:last-child")!.TextContent.Trim());
        Assert.Equal($"/finance/redistribution/{round}", open.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("1 bids waiting for the contracts team", open.TextContent, StringComparison.Ordinal);

        var contracts = await factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts)).GetDocumentAsync("/");
        var toDecide = contracts.QuerySelector("tr[data-item='Bids for unused ARRS entitlement to decide']")!;
        Assert.Equal("1", toDecide.QuerySelector("td:last-child")!.TextContent.Trim());
        Assert.Equal($"/finance/redistribution/{round}/bids/{bid}/decide", toDecide.QuerySelector("a")!.GetAttribute("href"));

        var eligible = await factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.PcnManager, bidder.Code)).GetDocumentAsync("/");
        var mayBid = eligible.QuerySelector("tr[data-item='Redistribution rounds your PCN may bid in']")!;
        Assert.Equal("1", mayBid.QuerySelector("td:last-child")!.TextContent.Trim());
        Assert.Equal($"/finance/redistribution/{round}", mayBid.QuerySelector("a")!.GetAttribute("href"));

        var notEligible = await factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.PcnManager, giver.Code)).GetDocumentAsync("/");
        Assert.Equal("0", notEligible.QuerySelector("tr[data-item='Redistribution rounds your PCN may bid in'] td:last-child")!.TextContent.Trim());
    }
}
