using PcnPortal.Domain.Common;
using PcnPortal.Domain.OdFunds;
using static PcnPortal.Domain.Tests.OdFunds.OdFundBuilder;

namespace PcnPortal.Domain.Tests.OdFunds;

public class OdFundRulesTests
{
    private static RuleOutcome Outcome(OdFund fund, string code) => OdFundRules.Check(fund).Single(o => o.Code == code);

    [Fact]
    public void Distributable_IsTotalLessRingFenceLessHeldBack()
    {
        var fund = Fund(total: 720_000m, heldBack: 50_000m);
        Assert.Equal(72_000m, fund.CdRingFenceAmount);
        Assert.Equal(598_000m, fund.Distributable);
        var outcome = Outcome(fund, "OD-DISTRIBUTABLE");
        Assert.Equal(RuleSeverity.Pass, outcome.Severity);
        Assert.Contains("£720,000.00 − £72,000.00 ring-fence − £50,000.00 held back = £598,000.00", outcome.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("360000", "360000", RuleSeverity.Pass)]
    [InlineData("360000", "359999.99", RuleSeverity.Fail)]
    [InlineData("360000", "360000.01", RuleSeverity.Fail)]
    [InlineData("720000", "-0.01", RuleSeverity.Fail)]
    public void SourcesMustAddUpToTotal(string a, string b, RuleSeverity expected)
    {
        var fund = Fund(total: 720_000m) with
        {
            Sources = [new OdFundSource("National", decimal.Parse(a, System.Globalization.CultureInfo.InvariantCulture)), new OdFundSource("CCG", decimal.Parse(b, System.Globalization.CultureInfo.InvariantCulture))],
        };
        Assert.Equal(expected, Outcome(fund, "OD-SOURCES-TOTAL").Severity);
    }

    [Fact]
    public void Sources_ShortfallIsStated()
    {
        var fund = Fund(total: 720_000m) with { Sources = [new OdFundSource("National", 360_000m)] };
        Assert.Contains("£360,000.00 less than the fund total", Outcome(fund, "OD-SOURCES-TOTAL").Explanation, StringComparison.Ordinal);
        Assert.Equal(RuleSeverity.Fail, Outcome(fund with { Sources = [] }, "OD-SOURCES-TOTAL").Severity);
    }

    [Theory]
    [InlineData("10", RuleSeverity.Pass, "72,000.00")]
    [InlineData("12.5", RuleSeverity.Pass, "90,000.00")]
    [InlineData("9.99", RuleSeverity.Fail, "71,928.00")]
    [InlineData("0", RuleSeverity.Fail, "0.00")]
    public void RingFence_AtLeastTenPercent_ShownInPounds(string percent, RuleSeverity expected, string pounds)
    {
        var fund = Fund(total: 720_000m, ringFence: decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture));
        var outcome = Outcome(fund, "OD-RINGFENCE-MIN");
        Assert.Equal(expected, outcome.Severity);
        Assert.Equal("£" + pounds, outcome.Figures["Amount"]);
    }

    [Fact]
    public void RingFence_RoundsToPennyHalfAwayFromZero()
    {
        var fund = Fund(total: 100.05m); // 10% = 10.005
        Assert.Equal(10.01m, fund.CdRingFenceAmount);
    }

    [Fact]
    public void Rate_RequiredForPerCapita()
    {
        Assert.Equal(RuleSeverity.Fail, Outcome(Fund() with { RatePerPatient = null }, "OD-RATE").Severity);
        Assert.Contains("£0.66 per registered patient as at 1 October 2020", Outcome(Fund(), "OD-RATE").Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain(OdFundRules.Check(Fund(method: OdAllocationMethod.ProRata)), o => o.Code == "OD-RATE");
    }

    [Fact]
    public void HeldBackBeyondTotal_Fails() =>
        Assert.Equal(RuleSeverity.Fail, Outcome(Fund(total: 100_000m, heldBack: 95_000m), "OD-DISTRIBUTABLE").Severity);

    [Fact]
    public void Quorum_AtLeastOne() =>
        Assert.Equal(RuleSeverity.Fail, Outcome(Fund() with { Quorum = 0 }, "OD-QUORUM-MIN").Severity);
}
