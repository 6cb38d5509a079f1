using Microsoft.Extensions.DependencyInjection;
using PcnPortal.Web.Features.Arrs;
using PcnPortal.Web.Features.Papers;
using PcnPortal.Web.Features.Papers.Sections;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Features.Papers;

public sealed class RedistributionPaperSectionTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<PaperSectionSnapshot> BuildAsync(DateOnly asAt, bool detail = true)
    {
        using var scope = factory.Services.CreateScope();
        var section = scope.ServiceProvider.GetRequiredService<PaperDataSections>().Find("arrs-redistribution");
        Assert.IsType<RedistributionSection>(section);
        return await section!.BuildAsync(asAt, new PaperSectionOptions(detail), CancellationToken.None);
    }

    [Fact]
    public async Task YearWithoutRedistribution_SaysWhy()
    {
        var snapshot = await BuildAsync(new DateOnly(2024, 6, 1));

        Assert.StartsWith("There is no redistribution for 2024/25", Assert.Single(snapshot.Blocks).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task YearWithoutARound_ShowsTheExpectedUnusedEntitlementFromTheForecast()
    {
        var pcn = await factory.Data.CreatePcnAsync(practiceListSizes: [20_000, 15_000]);

        var snapshot = await BuildAsync(new DateOnly(2022, 9, 30));

        Assert.StartsWith("No redistribution round has been opened for 2022/23.", snapshot.Blocks[0].Text, StringComparison.Ordinal);
        var table = Assert.Single(snapshot.Blocks, b => b.Table is not null).Table!;
        Assert.Contains(table.Rows, r => r[0].Text.Contains(pcn.Code, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RoundWithAnApproval_ChartWithAlternativeText_PoolBidsAndReductions()
    {
        var g1 = await factory.Data.CreatePcnAsync(name: "Severn Vale PCN");
        var g2 = await factory.Data.CreatePcnAsync(name: "Avon Edge PCN");
        var bidder = await factory.Data.CreatePcnAsync(practiceListSizes: [100]);
        await factory.Data.CreateClaimLineAsync(bidder.Code, month: "2021-05");
        var round = await factory.Data.CreateRedistributionRoundAsync(2021, null, (g1, 100m), (g2, 200m));
        var approved = await factory.Data.CreateRedistributionBidAsync(round, bidder, monthlyCost: 10m);
        await factory.Data.CreateRedistributionBidAsync(round, bidder, monthlyCost: 20m);
        var version = await factory.WithDbAsync(db => Task.FromResult(db.RedistributionBids.Single(b => b.Id == approved).Version));
        var result = await factory.Data.WithServiceAsync<RedistributionService, PcnPortal.Web.Infrastructure.Web.Forms.FormResult>(s =>
            s.DecideAsync(approved, version, RedistributionDecision.ApproveInFull, null, null, "contracts@test"));
        Assert.True(result.Succeeded);

        var snapshot = await BuildAsync(new DateOnly(2021, 12, 1));

        Assert.Contains("a pool of £300.00", snapshot.Blocks[0].Text, StringComparison.Ordinal);
        Assert.Contains("2 bids for £90.00, 1 decided: £30.00 approved and £270.00 left", snapshot.Blocks[0].Text, StringComparison.Ordinal);
        var chart = Assert.Single(snapshot.Blocks, b => b.Chart is not null).Chart!;
        Assert.Contains("In all £30.00 of the £300.00 pool was given up; the most by Avon Edge PCN, £20.00 of £200.00.", chart.AltText, StringComparison.Ordinal);
        var tables = snapshot.Blocks.Where(b => b.Table is not null).Select(b => b.Table!).ToList();
        Assert.Equal([$"Pool by giving PCN, round {round}, 2021/22", $"Bids and decisions, round {round}, 2021/22", $"Reductions of the giving PCNs, round {round}, 2021/22"], tables.Select(t => t.Caption));
        Assert.Equal(["£10.00", "£20.00"], tables[2].Rows.Select(r => r[2].Text).Order());
        Assert.Contains(tables[1].Rows, r => r[3].Text == "Approved in full" && r[4].Text == "£30.00");
        Assert.Contains(tables[1].Rows, r => r[3].Text == "Submitted" && r[4].Text == "");
    }
}
