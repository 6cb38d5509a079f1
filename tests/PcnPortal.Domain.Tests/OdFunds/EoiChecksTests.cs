using PcnPortal.Domain.Common;
using PcnPortal.Domain.Maturity;
using PcnPortal.Domain.OdFunds;

namespace PcnPortal.Domain.Tests.OdFunds;

public class EoiChecksTests
{
    private static EoiLine Line(decimal amount = 5_000m, string deliverable = "PCN strategy and leadership plan", params MaturityDomain[] domains) =>
        new("Facilitated PCN workshops", deliverable, amount, domains.Length == 0 ? [MaturityDomain.LeadershipPlanningAndPartnerships] : domains);

    private static Eoi Valid(params EoiLine[] lines) => new("U00001", lines.Length == 0 ? [Line()] : lines, true, true);

    private static IReadOnlyList<RuleOutcome> Check(Eoi eoi, decimal share = 26_400m) => EoiChecks.Check(eoi, share);

    [Fact]
    public void ValidEoi_AllPass()
    {
        var outcomes = Check(Valid(Line(10_000m), Line(16_400m, "Expand PHM", MaturityDomain.DataAndPopulationHealthManagement)));
        Assert.All(outcomes, o => Assert.Equal(RuleSeverity.Pass, o.Severity));
        Assert.Equal(
            ["OD-EOI-LINES", "OD-EOI-AMOUNT", "OD-EOI-DELIVERABLE", "OD-EOI-DOMAIN", "OD-EOI-FUNDED-ELSEWHERE", "OD-EOI-CD-CONFIRM", "OD-EOI-OVER-SHARE"],
            outcomes.Select(o => o.Code));
    }

    [Theory]
    [InlineData("-0.01", false)]
    [InlineData("0", true)]
    [InlineData("0.01", true)]
    [InlineData("1250.50", true)]
    [InlineData("1250.505", false)]
    [InlineData("1250.500", true)]
    public void Amount_NotNegative_TwoDecimalsMax(string amount, bool ok)
    {
        var outcomes = Check(Valid(Line(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture))));
        var amountOutcome = Assert.Single(outcomes, o => o.Code == "OD-EOI-AMOUNT");
        Assert.Equal(ok ? RuleSeverity.Pass : RuleSeverity.Fail, amountOutcome.Severity);
    }

    [Fact]
    public void LineFailures_NameTheLine()
    {
        var outcomes = Check(Valid(Line(), Line(deliverable: " "), new EoiLine("Backfill", "Supervision", 100m, [])));
        var deliverable = Assert.Single(outcomes, o => o.Code == "OD-EOI-DELIVERABLE");
        Assert.Equal(RuleSeverity.Fail, deliverable.Severity);
        Assert.Equal("2", deliverable.Figures["Line"]);
        var domain = Assert.Single(outcomes, o => o.Code == "OD-EOI-DOMAIN");
        Assert.Equal("3", domain.Figures["Line"]);
        Assert.StartsWith("Line 3: choose at least one maturity domain", domain.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void NoLines_Fails() =>
        Assert.Equal(RuleSeverity.Fail, Check(new Eoi("U00001", [], true, true)).Single(o => o.Code == "OD-EOI-LINES").Severity);

    [Theory]
    [InlineData(false, true, "OD-EOI-FUNDED-ELSEWHERE")]
    [InlineData(true, false, "OD-EOI-CD-CONFIRM")]
    public void Confirmations_Required(bool notFunded, bool cd, string failingCode)
    {
        var outcomes = Check(Valid() with { ConfirmedNotFundedElsewhere = notFunded, ClinicalDirectorConfirmed = cd });
        Assert.Equal([failingCode], outcomes.Where(o => o.Severity == RuleSeverity.Fail).Select(o => o.Code));
    }

    [Theory]
    [InlineData("26400", null, RuleSeverity.Pass, null)]
    [InlineData("26400.01", null, RuleSeverity.Warn, RuleSeverity.Fail)]
    [InlineData("30000", "Two practices joined in April", RuleSeverity.Warn, RuleSeverity.Pass)]
    public void OverShare_IsWarningNeedingReason(string amount, string? reason, RuleSeverity over, RuleSeverity? reasonSeverity)
    {
        var eoi = Valid(Line(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture))) with { OverShareReason = reason };
        var outcomes = Check(eoi);
        Assert.Equal(over, outcomes.Single(o => o.Code == "OD-EOI-OVER-SHARE").Severity);
        Assert.Equal(reasonSeverity, outcomes.SingleOrDefault(o => o.Code == "OD-EOI-OVER-SHARE-REASON")?.Severity);
    }

    [Fact]
    public void OverShare_StatesDifference()
    {
        var outcome = Check(Valid(Line(30_000m))).Single(o => o.Code == "OD-EOI-OVER-SHARE");
        Assert.Equal("£3,600.00", outcome.Figures["Difference"]);
    }
}
