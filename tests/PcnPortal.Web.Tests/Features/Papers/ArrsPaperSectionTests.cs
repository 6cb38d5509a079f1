using Microsoft.Extensions.DependencyInjection;
using PcnPortal.Web.Features.Papers;
using PcnPortal.Web.Features.Papers.Sections;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Features.Papers;

public sealed class ArrsPaperSectionTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<PaperSectionSnapshot> BuildAsync(DateOnly asAt, bool detail = true)
    {
        using var scope = factory.Services.CreateScope();
        var section = scope.ServiceProvider.GetRequiredService<PaperDataSections>().Find("arrs");
        Assert.IsType<ArrsSection>(section);
        return await section!.BuildAsync(asAt, new PaperSectionOptions(detail), CancellationToken.None);
    }

    [Fact]
    public async Task YearWithoutClaims_SaysSoAndStillListsTheMaximumReimbursableAmounts()
    {
        var snapshot = await BuildAsync(new DateOnly(2030, 6, 1));

        Assert.Contains(snapshot.Blocks, b => b.Text == "No ARRS claims have been received for 2030/31, so there is no spend to report.");
        var schedule = Assert.Single(snapshot.Blocks, b => b.Table is not null).Table!;
        Assert.StartsWith("Maximum reimbursable amounts per WTE per year, 2030/31", schedule.Caption, StringComparison.Ordinal);
    }

    [Fact]
    public async Task YearWithClaims_ShowsSpendAgainstArrSumClaimsByRoleAndThe2020Schedule()
    {
        var pcn = await factory.Data.CreatePcnAsync(practiceListSizes: [20_000, 20_000]);
        await factory.Data.CreateClaimLinesAsync(pcn.Code,
            TestData.ClaimRow(pcn.Code, "PAPER-" + pcn.Code, "2020-06", salary: "3500.00", employerNi: "400.00", employerPension: "500.00", name: "Alex Pharmacist"));

        var snapshot = await BuildAsync(new DateOnly(2020, 9, 30));

        var tables = snapshot.Blocks.Where(b => b.Table is not null).Select(b => b.Table!).ToList();
        Assert.Equal(["Spend against ARR Sum, 2020/21 (whole pounds)", "Claims by role, 2020/21 (WTE in post in June 2020)", "Maximum reimbursable amounts per WTE per year, 2020/21 (national)"], tables.Select(t => t.Caption));
        Assert.Contains(tables[0].Rows, r => r[0].Text.Contains(pcn.Code, StringComparison.Ordinal));
        var role = tables[1].Rows.First();
        Assert.Equal(["1", "0", "1.00", "£4,400.00"], role.Skip(1).Take(4).Select(c => c.Text));
        Assert.Contains(tables[2].Rows, r => r[3].Text == "£55,670.00" && r[2].Text == "100%");
    }
}
