using PcnPortal.Domain.Common;
using PcnPortal.Domain.Registration;

namespace PcnPortal.Domain.Tests.Registration;

public class PracticeMultiplePcnsRuleTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static DateOnly? OptionalDate(string? iso) => iso is null ? null : D(iso);

    [Theory]
    // first PCN start, end; second PCN start, end; expected
    [InlineData("2019-07-01", "2021-03-31", "2021-04-01", null, RuleSeverity.Pass)]
    [InlineData("2019-07-01", "2021-04-01", "2021-04-01", null, RuleSeverity.Fail)]
    [InlineData("2019-07-01", null, "2021-04-01", null, RuleSeverity.Fail)]
    [InlineData("2021-04-01", null, "2019-07-01", "2020-03-31", RuleSeverity.Pass)]
    [InlineData("2019-07-01", "2022-03-31", "2020-01-01", "2020-06-30", RuleSeverity.Fail)]
    public void TwoPcns(string aStart, string? aEnd, string bStart, string? bEnd, RuleSeverity expected)
    {
        PracticeMembership[] memberships =
        [
            new("A81001", "U11111", D(aStart), OptionalDate(aEnd)),
            new("A81001", "U22222", D(bStart), OptionalDate(bEnd)),
        ];

        var outcome = PracticeMultiplePcnsRule.CheckPractice("A81001", memberships);

        Assert.Equal(RegistrationRuleCodes.PracticeMultiplePcns, outcome.Code);
        Assert.Equal(expected, outcome.Severity);
    }

    [Fact]
    public void Overlap_ExplanationNamesPcnsAndDates()
    {
        PracticeMembership[] memberships =
        [
            new("A81001", "U11111", D("2019-07-01"), null),
            new("A81001", "U22222", D("2021-04-01"), D("2022-03-31")),
        ];

        var outcome = PracticeMultiplePcnsRule.CheckPractice("A81001", memberships);

        Assert.Contains("U11111", outcome.Explanation);
        Assert.Contains("U22222", outcome.Explanation);
        Assert.Contains("overlap from 1 Apr 2021 to 31 Mar 2022", outcome.Explanation);
    }

    [Fact]
    public void SamePcnTwice_IsNotTwoPcns()
    {
        PracticeMembership[] memberships =
        [
            new("A81001", "U11111", D("2019-07-01"), null),
            new("A81001", "U11111", D("2020-07-01"), null),
        ];

        Assert.Equal(RuleSeverity.Pass, PracticeMultiplePcnsRule.CheckPractice("A81001", memberships).Severity);
    }

    [Fact]
    public void FindOverlaps_ReturnsOnlyFailingPractices()
    {
        PracticeMembership[] memberships =
        [
            new("A81001", "U11111", D("2019-07-01"), null),
            new("A81001", "U22222", D("2021-04-01"), null),
            new("A81002", "U11111", D("2019-07-01"), null),
        ];

        var failures = PracticeMultiplePcnsRule.FindOverlaps(memberships);

        var failure = Assert.Single(failures);
        Assert.Equal("A81001", failure.Figures["practice"]);
    }
}
