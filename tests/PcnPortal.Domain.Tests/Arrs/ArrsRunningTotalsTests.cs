using PcnPortal.Domain.Arrs;
using PcnPortal.Domain.Arrs.Engine;
using PcnPortal.Domain.Arrs.Rules;
using PcnPortal.Domain.Common;
using static PcnPortal.Domain.Tests.Arrs.ArrsTestData;

namespace PcnPortal.Domain.Tests.Arrs;

public class ArrsRunningTotalsTests
{
    public static TheoryData<decimal> Figures() =>
    [
        0m, 1m, 1.0m, 1.000m, 0.6m, 2.4m, 12_345.67m, -12_345.67m, new decimal(0, 0, 0, true, 2), 0.0000000000000000000000000001m,
        36_028_797_018_963_967m, 36_028_797_018_963_968m, 0.3333333333333333333333333333m, decimal.MaxValue, decimal.MinValue, decimal.MaxValue / 4,
    ];

    [Theory]
    [MemberData(nameof(Figures))]
    public void Unpack_GivesBackTheSameDecimal_BitForBit(decimal figure)
    {
        var totals = new ArrsRunningTotals();

        var packed = totals.Pack(figure);

        Assert.Equal(decimal.GetBits(figure), decimal.GetBits(totals.Unpack(packed)));
    }

    [Fact]
    public void Unpack_OfTheDefault_IsZero() => Assert.Equal(decimal.GetBits(0m), decimal.GetBits(new ArrsRunningTotals().Unpack(0)));

    [Fact]
    public void ManyFigures_EachComesBack()
    {
        var random = new Random(7);
        var totals = new ArrsRunningTotals();
        var figures = Enumerable.Range(0, 5_000)
            .Select(_ => new decimal(random.Next(), random.Next(3) == 0 ? random.Next() : random.Next(0, 1 << 23), random.Next(4) == 0 ? random.Next() : 0, random.Next(2) == 0, (byte)random.Next(29)))
            .ToList();

        var packed = figures.Select(totals.Pack).ToList();

        for (var k = 0; k < figures.Count; k++)
        {
            Assert.Equal(decimal.GetBits(figures[k]), decimal.GetBits(totals.Unpack(packed[k])));
        }
    }

    [Fact]
    public void RoleLimitBefore_IsKeptOnlyForLinesGiven()
    {
        var totals = new ArrsRunningTotals();
        totals.SetRoleLimitBefore(3, 1.5m);

        Assert.Equal(1.5m, totals.RoleLimitBefore(3));
        Assert.Equal(0m, totals.RoleLimitBefore(4));
    }

    [Fact]
    public void Explanations_ShowRunningTotalsThatDoNotFitEightBytes()
    {
        // An ARR Sum with more decimal places than the packed form holds: after the cut, "used by earlier lines" is it.
        var arrSum = 5_000.0000000000000000000001m;
        var a = Assess(Fy(2020), [Line("2020-11", staff: "E1", sequence: 1), Line("2020-11", staff: "E2", sequence: 2), Line("2020-11", staff: "E3", sequence: 3)], Context(arrSum: arrSum));

        Assert.Equal(RuleSeverity.Warn, a[1].SeverityOf(EntitlementRule.Code));
        Assert.Equal("5000.00", a.Outcome(2, EntitlementRule.Code)!.Figures["usedBefore"]);
        Assert.Contains("£5,000.00 used by earlier lines", a.Outcome(2, EntitlementRule.Code)!.Explanation);

        // A WTE of a third, to 28 places, on two PCNs' lines for one person.
        var third = 0.3333333333333333333333333333m;
        var b = Assess(Fy(2020), [Line("2020-11", pcn: "U00001", staff: "P", wte: third, sequence: 1), Line("2020-11", pcn: "U00002", staff: "P", wte: third, sequence: 2)]);

        Assert.Equal(RuleSeverity.Pass, b[1].SeverityOf(WteRule.Code));
        Assert.Equal("0.333", b.Outcome(1, WteRule.Code)!.Figures["wte"]);
    }
}
