using PcnPortal.Domain.Common;
using PcnPortal.Domain.OdFunds;
using static PcnPortal.Domain.Tests.OdFunds.OdFundBuilder;

namespace PcnPortal.Domain.Tests.OdFunds;

public class OdAllocationCalculatorTests
{
    [Fact]
    public void Seed002_FortyThousandPatientsAt66p_Is26400()
    {
        var allocation = OdAllocationCalculator.Calculate(Fund(), [Pop("U00001", 40_000m)]);
        var share = Assert.Single(allocation.Shares);
        Assert.Equal(26_400m, share.Amount);
        Assert.Equal("40,000 registered patients × £0.66 = £26,400.00", share.Working);
        Assert.Equal(1, allocation.Version);
    }

    [Fact]
    public void Seed002_BnssgPopulation_AllocatesWithinEightHundredThousandAndStatesRemainder()
    {
        // 1,038,177 patients at October 2020 × 66p = £685,196.82; £800,000 less 10% leaves £720,000 to share.
        var allocation = OdAllocationCalculator.Calculate(Fund(total: 800_000m), [Pop("BNSSG", 1_038_177m)]);
        Assert.Equal(685_196.82m, allocation.TotalAllocated);
        Assert.Equal(34_803.18m, allocation.Unallocated);
        Assert.Equal(0m, allocation.Shortfall);
        Assert.True(allocation.IsUsable);
        Assert.Equal("OD-ALLOC-REMAINDER", allocation.Outcome.Code);
        Assert.Equal("£34,803.18", allocation.Outcome.Figures["Unallocated"]);
    }

    [Fact]
    public void Seed002_BnssgPopulation_ExceedsSevenHundredTwentyThousandAfterRingFence_IsShortfall()
    {
        // £720,000 less the 10% CD ring-fence leaves £648,000: 66p per patient would need £37,196.82 more.
        var allocation = OdAllocationCalculator.Calculate(Fund(total: 720_000m), [Pop("BNSSG", 1_038_177m)]);
        Assert.False(allocation.IsUsable);
        Assert.Equal(RuleSeverity.Fail, allocation.Outcome.Severity);
        Assert.Equal("OD-ALLOC-SHORTFALL", allocation.Outcome.Code);
        Assert.Equal(37_196.82m, allocation.Shortfall);
        Assert.Equal(0m, allocation.Unallocated);
        Assert.Equal("£0.6241", allocation.Outcome.Figures["MaximumRate"]);
        Assert.Contains("Lower the rate to £0.6241 or less, allocate pro rata", allocation.Outcome.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12345", "0.66", "8147.70")]
    [InlineData("1", "0.665", "0.67")] // half away from zero
    [InlineData("3", "0.0025", "0.01")] // 0.0075 → 0.01
    [InlineData("0", "0.66", "0")]
    public void PerCapita_RoundsEachShareToPenny(string population, string rate, string expected)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var allocation = OdAllocationCalculator.Calculate(Fund(rate: decimal.Parse(rate, inv)), [Pop("U00001", decimal.Parse(population, inv))]);
        Assert.Equal(decimal.Parse(expected, inv), allocation.Shares[0].Amount);
    }

    [Fact]
    public void PerCapita_WeightedBasis_UsesWeightedPopulation()
    {
        var fund = Fund() with { Basis = PopulationBasis.Weighted };
        var allocation = OdAllocationCalculator.Calculate(fund, [Pop("U00001", 40_000m, 41_234.56m)]);
        Assert.Equal(27_214.81m, allocation.Shares[0].Amount); // 27,214.8096
        Assert.Equal("41,234.56 weighted patients × £0.66 = £27,214.81", allocation.Shares[0].Working);
    }

    [Fact]
    public void ProRata_ThreeEqualPcns_PenceAddUpExactly()
    {
        var fund = Fund(total: 111.11m, method: OdAllocationMethod.ProRata); // ring-fence 11.11, distributable 100.00
        Assert.Equal(100m, fund.Distributable);
        var allocation = OdAllocationCalculator.Calculate(fund, [Pop("U00003", 10m), Pop("U00001", 10m), Pop("U00002", 10m)]);
        Assert.Equal([33.33m, 33.34m, 33.33m], allocation.Shares.Select(s => s.Amount));
        Assert.Equal(100m, allocation.TotalAllocated);
        Assert.Equal(0m, allocation.Unallocated);
        Assert.Equal("OD-ALLOC-EXACT", allocation.Outcome.Code);
        Assert.Contains("largest remainder", allocation.Shares[1].Working, StringComparison.Ordinal);
        Assert.Contains("add up exactly", allocation.Outcome.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void ProRata_LargestFractionGetsThePenny()
    {
        // £1.00 across 1:2 → exact 33.33.. and 66.66..: the second has the larger remainder (0.67 > 0.33).
        var fund = Fund(total: 1.11m, method: OdAllocationMethod.ProRata);
        var allocation = OdAllocationCalculator.Calculate(fund, [Pop("A", 1m), Pop("B", 2m)]);
        Assert.Equal([0.33m, 0.67m], allocation.Shares.Select(s => s.Amount));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(19)]
    [InlineData(42)]
    public void ProRata_ManyPcns_SumsToDistributable(int seed)
    {
        var random = new Random(seed);
        var pops = Enumerable.Range(1, 20).Select(i => Pop($"U{i:00000}", random.Next(8_000, 120_000), random.Next(8_000, 120_000) + 0.37m)).ToList();
        var fund = Fund(total: 720_000m + (seed / 100m), method: OdAllocationMethod.ProRata, heldBack: 12_345.67m) with { Basis = PopulationBasis.Weighted };
        var allocation = OdAllocationCalculator.Calculate(fund, pops);
        Assert.Equal(fund.Distributable, allocation.TotalAllocated);
        Assert.All(allocation.Shares, s => Assert.Equal(Money.ToPence(s.Amount), s.Amount));
        Assert.True(allocation.IsUsable);
    }

    [Fact]
    public void ProRata_NoPopulation_Fails()
    {
        var allocation = OdAllocationCalculator.Calculate(Fund(method: OdAllocationMethod.ProRata), [Pop("U00001", 0m)]);
        Assert.Equal("OD-ALLOC-NO-POPULATION", allocation.Outcome.Code);
        Assert.False(allocation.IsUsable);
    }

    [Fact]
    public void DuplicatePcn_Throws() =>
        Assert.Throws<ArgumentException>(() => OdAllocationCalculator.Calculate(Fund(), [Pop("U00001", 1m), Pop("u00001 ", 2m)]));

    [Fact]
    public void Recalculate_BumpsVersionAndDiffsChangedShares()
    {
        var v1 = OdAllocationCalculator.Calculate(Fund(), [Pop("U00001", 40_000m), Pop("U00002", 30_000m), Pop("U00003", 20_000m)]);
        var (v2, diff) = OdAllocationCalculator.Recalculate(v1, Fund(), [Pop("U00001", 40_000m), Pop("U00002", 31_000m), Pop("U00004", 5_000m)]);

        Assert.Equal(2, v2.Version);
        Assert.Equal((1, 2), (diff.FromVersion, diff.ToVersion));
        Assert.Equal(
            [
                new OdShareChange("U00002", OdShareChangeKind.Changed, 19_800m, 20_460m),
                new OdShareChange("U00003", OdShareChangeKind.Removed, 13_200m, null),
                new OdShareChange("U00004", OdShareChangeKind.Added, null, 3_300m),
            ],
            diff.Changes);
        Assert.Equal(660m - 13_200m + 3_300m, diff.TotalDifference);
        Assert.False(OdAllocationDiff.Compare(v1, v1).HasChanges);
    }
}
