using System.Globalization;
using PcnPortal.Domain.Common;
using PcnPortal.Domain.Registration;

namespace PcnPortal.Domain.Tests.Registration;

public class PcnYearPopulationTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    private static readonly ListSizeRecord[] Sizes =
    [
        new("A81001", D("2019-01-01"), 10_000, 11_000m),
        new("A81001", D("2020-01-01"), 10_500, 11_500m),
        new("A81002", D("2019-01-01"), 20_000, 21_000m),
        new("A81002", D("2020-01-01"), 20_400, 21_400m),
        new("A81003", D("2018-01-01"), 5_000, 5_100m),
        new("A81004", D("2019-01-01"), 7_000, null),
    ];

    /// <summary>"practice pcn start [left]" separated by ";".</summary>
    private static List<PracticeMembership> Memberships(string spec) =>
        [.. spec.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(m =>
        {
            var parts = m.Split(' ');
            return new PracticeMembership(parts[0], parts[1], D(parts[2]), parts.Length > 3 ? D(parts[3]) : null);
        })];

    public static TheoryData<string, string, int, string, int> Cases => new()
    {
        // memberships; year; registered; members of U11111 as "practice from..to[,from..to]"; warnings
        {
            // A PCN formed on 1 July 2019: its practices' list sizes as at 1 January 2019, before the PCN existed.
            "A81001 U11111 2019-07-01; A81002 U11111 2019-07-01", "2019/20", 30_000,
            "A81001 2019-07-01..2020-03-31|A81002 2019-07-01..2020-03-31", 0
        },
        {
            // The next year: list sizes as at 1 January 2020, members for the whole year.
            "A81001 U11111 2019-07-01; A81002 U11111 2019-07-01", "2020/21", 30_900,
            "A81001 2020-04-01..2021-03-31|A81002 2020-04-01..2021-03-31", 0
        },
        {
            // Handover on 1 October 2019 (left date = join date): a member of U11111 until 30 September, counted in both PCNs.
            "A81001 U11111 2019-07-01; A81002 U11111 2019-07-01 2019-10-01; A81002 U22222 2019-10-01", "2019/20", 30_000,
            "A81001 2019-07-01..2020-03-31|A81002 2019-07-01..2019-09-30", 1
        },
        {
            // Joined U11111 during the year by a handover from U22222.
            "A81001 U11111 2019-07-01; A81002 U22222 2019-07-01 2020-01-15; A81002 U11111 2020-01-15", "2019/20", 30_000,
            "A81001 2019-07-01..2020-03-31|A81002 2020-01-15..2020-03-31", 1
        },
        {
            // Moved twice in a year, back to U11111 (re-joining the same PCN): two periods, one practice.
            "A81002 U11111 2019-07-01 2019-11-01; A81002 U22222 2019-11-01 2020-02-01; A81002 U11111 2020-02-01", "2019/20", 20_000,
            "A81002 2019-07-01..2019-10-31,2020-02-01..2020-03-31", 1
        },
        {
            // Left before the year and joined after it: not members. A membership of no day (ODS same-day row) is not either.
            "A81001 U11111 2019-07-01 2020-03-31; A81002 U11111 2021-04-01; A81001 U11111 2020-10-01 2020-10-01; A81001 U22222 2020-10-01", "2020/21", 0,
            "", 0
        },
        {
            // No list size for 1 January 2019: the 2018 one is used and named.
            "A81001 U11111 2019-07-01; A81003 U11111 2019-07-01", "2019/20", 15_000,
            "A81001 2019-07-01..2020-03-31|A81003 2019-07-01..2020-03-31", 1
        },
        {
            // No list size at all on or before 1 January 2019, and one without a weighted figure: said, never a silent 0.
            "A81001 U11111 2019-07-01; A81004 U11111 2019-07-01; A81009 U11111 2019-07-01", "2019/20", 17_000,
            "A81001 2019-07-01..2020-03-31|A81004 2019-07-01..2020-03-31|A81009 2019-07-01..2020-03-31", 2
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Calculate(string memberships, string year, int registered, string members, int warnings)
    {
        var result = PcnYearPopulation.Calculate("U11111", FinancialYear.Parse(year), Memberships(memberships), Sizes);

        Assert.Equal(registered, result.Registered);
        Assert.Equal(FinancialYear.Parse(year).PopulationDate, result.PopulationDate);
        var actual = string.Join("|", result.Members.Select(m => $"{m.PracticeCode} {string.Join(",", m.Periods.Select(p => $"{p.From:yyyy-MM-dd}..{p.To:yyyy-MM-dd}"))}"));
        Assert.Equal(members, actual);
        Assert.Equal(warnings, result.Warnings.Count);
    }

    [Fact]
    public void OlderListSize_WarningNamesTheDateUsed()
    {
        var result = PcnYearPopulation.Calculate("U11111", new FinancialYear(2019), Memberships("A81003 U11111 2019-07-01"), Sizes);

        Assert.False(result.AllExact);
        Assert.Equal("Practice A81003 has no list size for 1 Jan 2019: the latest earlier one, as at 1 Jan 2018, is used.", Assert.Single(result.Warnings));
        Assert.Equal(5_100m, result.Weighted);
    }

    [Fact]
    public void MissingListSize_IsNamed_NotASilentZero()
    {
        var result = PcnYearPopulation.Calculate("U11111", new FinancialYear(2019), Memberships("A81009 U11111 2019-07-01"), Sizes);

        Assert.False(result.IsComplete);
        Assert.Equal(["A81009"], result.MissingPractices);
        Assert.Contains("A81009 has no list size on or before 1 Jan 2019", Assert.Single(result.Warnings));
    }

    [Fact]
    public void MovedPractice_NamesTheOtherPcn()
    {
        var result = PcnYearPopulation.Calculate(
            "U11111", new FinancialYear(2019), Memberships("A81001 U11111 2019-07-01 2019-10-01; A81001 U22222 2019-10-01"), Sizes);

        var member = Assert.Single(result.Members);
        Assert.Equal(["U22222"], member.AlsoInPcns);
        Assert.False(member.WholeYear(new FinancialYear(2019)));
        Assert.Contains("also in U22222 during 2019/20 (1 Oct 2019 to 31 Mar 2020)", Assert.Single(result.Warnings));
    }
}
