using System.Globalization;
using PcnPortal.Domain.Arrs;
using PcnPortal.Domain.Arrs.Engine;
using PcnPortal.Domain.Arrs.Rules;
using PcnPortal.Domain.Common;
using PcnPortal.Domain.Registration;
using static PcnPortal.Domain.Tests.Arrs.ArrsTestData;

namespace PcnPortal.Domain.Tests.Arrs;

/// <summary>
/// The ARR Sum population (issue 14 rule 2, issue 13 "Populations for a year"). Source: Network Contract DES 2019/20 and
/// NHS England ARRS guidance as quoted by NHS BNSSG CCG, PCCC paper Oct 2019 Table 2 (£53,942.25 / £107,884.50 /
/// £161,826.75 below 100,000 / from 100,000 / from 150,000 weighted): the PCN's member practices during the year, their
/// weighted list sizes as at 1 January before the year.
/// </summary>
public class ArrsPopulationTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    private static PcnYearContext ContextFor(FinancialYear year, IEnumerable<PracticeMembership> members, IEnumerable<ListSizeRecord> sizes) =>
        ArrsPopulation.From(PcnYearPopulation.Calculate("U00001", year, members, sizes)).ToContext("U00001", AreaTier.National, []);

    [Theory]
    [InlineData(45_000, "53942.25")] // below 100,000: 9/12 × (£37,810 + £34,113)
    [InlineData(120_000, "107884.50")] // from 100,000: × 2
    [InlineData(160_000, "161826.75")] // from 150,000: × 3
    public void PcnFormedJuly2019_GetsTheBandItsWeightedPopulationEarns(int weighted, string expected)
    {
        // Two practices join on 1 July 2019; their list sizes are as at 1 January 2019, before the PCN existed.
        PracticeMembership[] members = [new("A81001", "U00001", D("2019-07-01"), null), new("A81002", "U00001", D("2019-07-01"), null)];
        ListSizeRecord[] sizes = [new("A81001", D("2019-01-01"), 20_000, 20_000m), new("A81002", D("2019-01-01"), weighted - 20_000, weighted - 20_000m)];
        var context = ContextFor(Fy(2019), members, sizes);

        var a = ArrsAssessor.Assess([Line("2019-11")], Reference, new Dictionary<string, PcnYearContext> { ["U00001"] = context }, Fy(2019));

        Assert.Equal(weighted, context.WeightedPopulation);
        Assert.Null(context.PopulationMissing);
        Assert.Equal("", context.PopulationNote);
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), a.ArrSumFor("U00001"));
        Assert.Equal(RuleSeverity.Pass, a[0].SeverityOf(EntitlementRule.Code));
    }

    [Fact]
    public void Claim2020_WithListSizesOnlyFrom1January2019_UsesThemAndWarnsWithTheDate()
    {
        // 2020/21 takes list sizes as at 1 January 2020; only 1 January 2019 ones are held: 50,000 weighted × £7.131 = £356,550.
        PracticeMembership[] members = [new("A81001", "U00001", D("2019-07-01"), null)];
        ListSizeRecord[] sizes = [new("A81001", D("2019-01-01"), 48_000, 50_000m)];
        var context = ContextFor(Fy(2020), members, sizes);

        var a = ArrsAssessor.Assess([Line("2020-05", start: "2020-04-01")], Reference, new Dictionary<string, PcnYearContext> { ["U00001"] = context }, Fy(2020));

        Assert.Equal(356_550.00m, a.ArrSumFor("U00001"));
        Assert.Contains(context.PopulationWarnings, w => w.Contains("1 Jan 2019", StringComparison.Ordinal) && w.Contains("latest earlier", StringComparison.Ordinal));
        var entitlement = a.Outcome(0, EntitlementRule.Code)!;
        Assert.Equal(RuleSeverity.Pass, entitlement.Severity);
        Assert.Contains("population: list sizes as at 1 January 2019 used for 1 of 1 practices: none held for 1 January 2020", entitlement.Explanation);
    }

    [Fact]
    public void NoListSizes_NoArrSumAsFact_TheLineSaysWhatToLoad()
    {
        PracticeMembership[] members = [new("A81001", "U00001", D("2019-07-01"), null)];
        var context = ContextFor(Fy(2021), members, []);

        var a = ArrsAssessor.Assess([Line("2021-05", start: "2021-04-01")], Reference, new Dictionary<string, PcnYearContext> { ["U00001"] = context }, Fy(2021));

        Assert.True(context.ArrSumNotHeld);
        Assert.Contains("import-list-sizes", a.ArrSumNotHeld("U00001"));
        var entitlement = a.Outcome(0, EntitlementRule.Code)!;
        Assert.Equal(RuleSeverity.Fail, entitlement.Severity);
        Assert.StartsWith("£0 for now: no ARR Sum is held for U00001 in 2021/22", entitlement.Explanation);
        Assert.Contains("list sizes as at 1 January 2021", entitlement.Explanation);
        Assert.DoesNotContain("used up", entitlement.Explanation);
        Assert.Equal("not held", entitlement.Figures["arrSum"]);
        Assert.Equal(0m, a[0].Reimbursable);
    }

    [Fact]
    public void NoMembersDuringTheYear_SaysToLoadMemberships()
    {
        var population = ArrsPopulation.From(PcnYearPopulation.Calculate("U00001", Fy(2021), [new PracticeMembership("A81001", "U00001", D("2019-07-01"), D("2020-06-30"))], []));

        Assert.False(population.Held);
        Assert.Contains("import-epcn", population.Missing);
        Assert.Equal(population.Missing, population.Warnings[0]);
    }
}
