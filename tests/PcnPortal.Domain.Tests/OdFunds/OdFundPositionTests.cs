using PcnPortal.Domain.OdFunds;

namespace PcnPortal.Domain.Tests.OdFunds;

public class OdFundPositionTests
{
    [Fact]
    public void Build_AggregatesPerPcnAndTotal()
    {
        var shares = new[]
        {
            new OdShare("U00001", 40_000m, 26_400m, ""),
            new OdShare("U00002", 30_000m, 19_800m, ""),
        };
        var position = OdFundPositions.Build(
            shares,
            requested: [new PcnAmount("U00001", 20_000m), new PcnAmount("U00001", 10_000m), new PcnAmount("U00002", 5_000m)],
            approved: [new PcnAmount("u00001", 28_000m), new PcnAmount("U00002", 5_000m), new PcnAmount("U00003", 1_000m)],
            paid: [new PcnAmount("U00001", 14_000m)]);

        Assert.Equal(["U00001", "U00002", "U00003"], position.Rows.Select(r => r.PcnCode));
        var first = position.Rows[0];
        Assert.Equal((26_400m, 30_000m, 28_000m, 14_000m), (first.Allocated, first.Requested, first.Approved, first.Paid));
        Assert.Equal(-1_600m, first.Remaining);
        Assert.True(first.OverCommitted);
        Assert.Equal(14_000m, first.AwaitingPayment);
        var third = position.Rows[2];
        Assert.Equal(0m, third.Allocated);
        Assert.Equal(-1_000m, third.Remaining);

        Assert.Equal("Total", position.Total.PcnCode);
        Assert.Equal(46_200m, position.Total.Allocated);
        Assert.Equal(35_000m, position.Total.Requested);
        Assert.Equal(34_000m, position.Total.Approved);
        Assert.Equal(14_000m, position.Total.Paid);
        Assert.Equal(12_200m, position.Total.Remaining);
    }

    [Fact]
    public void Build_Empty_IsZero()
    {
        var position = OdFundPositions.Build([], [], [], []);
        Assert.Empty(position.Rows);
        Assert.Equal(0m, position.Total.Remaining);
    }
}
