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
    // A handover: the left date is the next join date (as in the national ePCN data), one PCN on every date.
    [InlineData("2019-07-01", "2021-04-01", "2021-04-01", null, RuleSeverity.Pass)]
    // Two days in both PCNs (1 and 2 April): a genuine overlap.
    [InlineData("2019-07-01", "2021-04-02", "2021-04-01", null, RuleSeverity.Fail)]
    // A membership of one day, the day of a handover (ODS records a membership of the same day): it covers no day.
    [InlineData("2024-10-01", "2024-10-01", "2024-10-01", null, RuleSeverity.Pass)]
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

    [Theory]
    // start, left date, other start dates of the same practice, expected last day
    [InlineData("2019-10-01", "2022-07-01", "2022-07-01", "2022-06-30")]
    [InlineData("2019-10-01", "2022-03-31", "2022-04-01", "2022-03-31")]
    [InlineData("2019-10-01", "2022-07-02", "2022-07-01", "2022-07-02")]
    [InlineData("2024-10-01", "2024-10-01", "2024-10-01", "2024-09-30")]
    [InlineData("2024-10-01", "2024-10-01", "", "2024-10-01")]
    [InlineData("2019-10-01", null, "2022-07-01", null)]
    public void LastDay_IsTheLeftDate_OrTheDayBeforeAHandover(string start, string? left, string otherStarts, string? expected)
    {
        var joins = otherStarts.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(D).Append(D(start));

        Assert.Equal(OptionalDate(expected), MembershipHandovers.LastDay(D(start), OptionalDate(left), joins));
    }

    [Fact]
    public void Resolve_HandoverToTheSamePcn_AndMovingTwice_OnePcnOnEveryDate()
    {
        PracticeMembership[] memberships =
        [
            new("A81001", "U11111", D("2019-10-01"), D("2020-07-01")),
            new("A81001", "U22222", D("2020-07-01"), D("2020-12-01")),
            new("A81001", "U11111", D("2020-12-01"), null),
        ];

        var resolved = MembershipHandovers.Resolve(memberships);

        Assert.Equal([D("2020-06-30"), D("2020-11-30"), (DateOnly?)null], resolved.Select(m => m.End));
        for (var day = D("2019-10-01"); day <= D("2021-03-31"); day = day.AddDays(1))
        {
            Assert.Single(resolved, m => m.IsCurrentOn(day));
        }

        Assert.Equal(RuleSeverity.Pass, PracticeMultiplePcnsRule.CheckPractice("A81001", memberships).Severity);
    }

    [Fact]
    public void TwoDayOverlap_NamesThePcnsInvolved()
    {
        PracticeMembership[] memberships =
        [
            new("P85004", "U17156", D("2020-04-01"), D("2024-06-30")),
            new("P85004", "U04503", D("2024-07-01"), D("2024-07-02")),
            new("P85004", "U17156", D("2024-07-01"), null),
        ];

        var outcome = PracticeMultiplePcnsRule.CheckPractice("P85004", memberships);

        Assert.Equal(RuleSeverity.Fail, outcome.Severity);
        Assert.Equal("U04503, U17156", outcome.Figures["pcnCodes"]);
        Assert.Contains("overlap from 1 Jul 2024 to 2 Jul 2024", outcome.Explanation);
    }
}
