using PcnPortal.Domain.Registration;

namespace PcnPortal.Domain.Tests.Registration;

public class PcnPopulationTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static readonly ListSizeRecord[] Records =
    [
        new("A81001", D("2019-01-01"), 10_000, 11_000.5m),
        new("A81001", D("2020-01-01"), 10_500, 11_400m),
        new("A81001", D("2020-04-01"), 10_700, null),
        new("A81002", D("2018-01-01"), 20_000, 19_000m),
        new("A81002", D("2019-10-01"), 20_300, null),
    ];

    [Theory]
    [InlineData("2019-01-01", "2019-01-01")]
    [InlineData("2019-07-01", "2019-01-01")]
    [InlineData("2019-12-31", "2019-01-01")]
    [InlineData("2020-03-31", "2020-01-01")]
    [InlineData("2020-01-01", "2020-01-01")]
    public void PopulationDate_IsLatestFirstOfJanuaryOnOrBefore(string asAt, string expected)
    {
        Assert.Equal(D(expected), PcnPopulation.PopulationDate(D(asAt)));
    }

    [Theory]
    // as at, practice, expected date used (null: none), exact?
    [InlineData("2019-07-01", "A81001", "2019-01-01", true)]
    [InlineData("2020-06-01", "A81001", "2020-01-01", true)]
    [InlineData("2019-07-01", "A81002", "2018-01-01", false)]
    [InlineData("2020-07-01", "A81002", "2019-10-01", false)]
    [InlineData("2018-12-31", "A81001", null, false)]
    [InlineData("2019-07-01", "A99999", null, false)]
    public void SelectForPractice(string asAt, string practice, string? expectedDate, bool exact)
    {
        var used = PcnPopulation.SelectForPractice(practice, Records, PcnPopulation.PopulationDate(D(asAt)));

        Assert.Equal(expectedDate is null ? null : D(expectedDate), used.DateUsed);
        Assert.Equal(exact, used.IsExactDate);
    }

    [Fact]
    public void OlderRecordUsed_ExplanationSaysWhichDate()
    {
        var used = PcnPopulation.SelectForPractice("A81002", Records, D("2019-01-01"));

        Assert.Contains("no list size for 1 Jan 2019", used.Explanation);
        Assert.Contains("as at 1 Jan 2018", used.Explanation);
    }

    [Fact]
    public void Calculate_SumsMembersAndReportsMissing()
    {
        var result = PcnPopulation.Calculate(["A81001", "A81002", "A99999"], Records, D("2019-09-30"));

        Assert.Equal(D("2019-01-01"), result.PopulationDate);
        Assert.Equal(30_000, result.Registered);
        Assert.Equal(30_000.5m, result.Weighted);
        Assert.Equal(["A99999"], result.MissingPractices);
        Assert.False(result.IsComplete);
        Assert.False(result.AllExact);
    }

    [Fact]
    public void Calculate_NoWeightedForUsedRecord_IsReported()
    {
        var result = PcnPopulation.Calculate(["A81002"], Records, D("2020-05-01"));

        Assert.Equal(20_300, result.Registered);
        Assert.Equal(["A81002"], result.PracticesWithoutWeighted);
        Assert.False(result.IsWeightedComplete);
    }
}
