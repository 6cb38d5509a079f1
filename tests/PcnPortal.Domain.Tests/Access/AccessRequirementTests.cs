using PcnPortal.Domain.Access;

namespace PcnPortal.Domain.Tests.Access;

public class AccessRequirementTests
{
    private static readonly IReadOnlyList<AccessRequirementFigure> Figures = PublishedAccessSchedule.Figures();

    private static AccessRequirementFigure ExtendedHours => Figures[0];

    private static AccessRequirementFigure EnhancedAccess => Figures[2];

    [Theory]
    [InlineData(50_000, 1500)] // the DES example: 25 hours a week
    [InlineData(48_211, 1440)] // 1,446.33 minutes: 96.42 quarter hours, down to 96
    [InlineData(48_250, 1455)] // 1,447.5 minutes: 96.5 quarter hours, a half rounds up
    [InlineData(7_250, 225)] // 217.5 minutes: 14.5 quarter hours, up
    [InlineData(999, 30)]
    [InlineData(240, 0)] // 7.2 minutes: under half a quarter hour
    [InlineData(0, 0)]
    public void Weekly_ExtendedHours_30MinutesPer1000Registered_NearestQuarterHour(int population, int expected)
    {
        var weekly = AccessRequirement.Weekly(ExtendedHours, population);
        Assert.Equal(expected, weekly.Minutes);
        Assert.Equal(population * 30m / 1000m, weekly.ExactMinutes);
    }

    [Theory]
    [InlineData(50_000, 3000)]
    [InlineData(45_123, 2707)] // 2,707.38
    [InlineData(45_125, 2708)] // 2,707.5: half a minute up
    [InlineData(12_345, 741)] // 740.7
    public void Weekly_EnhancedAccess_60MinutesPer1000Adjusted_NearestMinute(int population, int expected) =>
        Assert.Equal(expected, AccessRequirement.Weekly(EnhancedAccess, population).Minutes);

    [Fact]
    public void Weekly_Working_ShowsEachStep() =>
        Assert.Equal(
            "48,211 registered patients ÷ 1,000 × 30 = 1,446.33 minutes, rounded to the nearest quarter hour: 1,440 minutes (24 hours) a week",
            AccessRequirement.Weekly(ExtendedHours, 48_211).Working);

    [Theory]
    [InlineData("2019-06-30", null)]
    [InlineData("2019-07-01", AccessScheme.ExtendedHours)]
    [InlineData("2020-04-01", AccessScheme.ExtendedHours)]
    [InlineData("2022-09-30", AccessScheme.ExtendedHours)]
    [InlineData("2022-10-01", AccessScheme.EnhancedAccess)]
    [InlineData("2026-12-03", AccessScheme.EnhancedAccess)]
    public void FigureOn_SchemeInForce(string day, AccessScheme? expected) =>
        Assert.Equal(expected, AccessRequirement.FigureOn(Figures, DateOnly.Parse(day))?.Scheme);

    [Theory]
    [InlineData(AccessPopulationBasis.Registered, "2019-07-01", "2019-04-01")]
    [InlineData(AccessPopulationBasis.Registered, "2020-03-31", "2019-04-01")]
    [InlineData(AccessPopulationBasis.Registered, "2021-02-10", "2020-04-01")]
    [InlineData(AccessPopulationBasis.Adjusted, "2022-11-05", "2022-11-05")]
    public void PopulationDate_RegisteredFirstAprilOfYear_AdjustedTheDay(AccessPopulationBasis basis, string day, string expected)
    {
        var figure = basis == AccessPopulationBasis.Registered ? ExtendedHours : EnhancedAccess;
        Assert.Equal(DateOnly.Parse(expected), figure.PopulationDate(DateOnly.Parse(day)));
    }

    /// <summary>Populations that change on given days: "registered from 2019-04-01 = 50000; adjusted from 2022-10-01 = 52000".</summary>
    private static Func<AccessRequirementFigure, DateOnly, AccessPopulation> Populations(string spec)
    {
        var steps = spec.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s =>
            {
                var parts = s.Split(' ');
                return (Basis: Enum.Parse<AccessPopulationBasis>(parts[0], true), From: DateOnly.Parse(parts[2]), People: int.Parse(parts[4]));
            })
            .ToList();
        return (figure, day) =>
        {
            var step = steps.Where(s => s.Basis == figure.Basis && s.From <= day).OrderByDescending(s => s.From).FirstOrDefault();
            return step == default
                ? AccessPopulation.Missing($"{(figure.Basis == AccessPopulationBasis.Adjusted ? "adjusted population" : "registered list sizes")} for U90001 at {AccessText.Date(figure.PopulationDate(day))} not loaded")
                : AccessPopulation.Of(step.People, step.From, $"{step.People} from {step.From:yyyy-MM-dd}");
        };
    }

    [Theory]
    // A quarter of enhanced access: 3,000 a week × 92 days ÷ 7 = 39,428.57.
    [InlineData("2022-10-01", "2022-12-31", "adjusted from 2022-10-01 = 50000", 39429, 1)]
    // The last quarter of extended hours: 1,500 × 92 ÷ 7 = 19,714.29.
    [InlineData("2022-07-01", "2022-09-30", "registered from 2019-01-01 = 50000", 19714, 1)]
    // Across the switch: 16 days of extended hours (1,500 × 16 ÷ 7 = 3,428.57) and 14 of enhanced access on 52,000
    // adjusted (3,120 × 14 ÷ 7 = 6,240): 9,668.57.
    [InlineData("2022-09-15", "2022-10-14", "registered from 2019-01-01 = 50000; adjusted from 2022-04-01 = 52000", 9669, 2)]
    // Population falls mid-quarter when a practice leaves on 16 August 2020: 46 days at 1,500 a week (9,857.14) and
    // 46 days at 40,000 patients, 1,200 a week (7,885.71): 17,742.86.
    [InlineData("2020-07-01", "2020-09-30", "registered from 2019-01-01 = 50000; registered from 2020-08-16 = 40000", 17743, 2)]
    // A new adjusted population from 1 January 2023 in the middle of a year: 31 days at 3,000 a week (13,285.71) and
    // 31 days at 3,120 (13,817.14): 27,102.86.
    [InlineData("2022-12-01", "2023-01-31", "adjusted from 2022-10-01 = 50000; adjusted from 2023-01-01 = 52000", 27103, 2)]
    // Before the DES: nothing required.
    [InlineData("2019-04-01", "2019-06-30", "registered from 2019-01-01 = 50000", 0, 1)]
    // The DES starts mid-period: 14 days of 1,500.
    [InlineData("2019-06-15", "2019-07-14", "registered from 2019-01-01 = 50000", 3000, 2)]
    // The year changes on 1 April 2020 but the population does not: one stretch per figure.
    [InlineData("2020-03-01", "2020-04-30", "registered from 2019-01-01 = 50000", 13071, 2)]
    public void ForPeriod_DayByDay_PopulationInForceEachDay_RoundedOnce(string from, string to, string populations, int expected, int segments)
    {
        var result = AccessRequirement.ForPeriod(DateOnly.Parse(from), DateOnly.Parse(to), Figures, Populations(populations));
        Assert.True(result.IsKnown, result.Missing);
        Assert.Equal(expected, result.Minutes);
        Assert.Equal(segments, result.Segments.Count);
        Assert.Equal(DateOnly.Parse(to).DayNumber - DateOnly.Parse(from).DayNumber + 1, result.Segments.Sum(s => s.Days));
    }

    [Fact]
    public void ForPeriod_AdjustedPopulationMissing_CannotBeWorkedOut_SaysWhatToLoad()
    {
        var result = AccessRequirement.ForPeriod(new DateOnly(2022, 9, 1), new DateOnly(2022, 10, 31), Figures, Populations("registered from 2019-01-01 = 50000"));
        Assert.False(result.IsKnown);
        Assert.Null(result.Minutes);
        Assert.Equal("cannot be worked out: adjusted population for U90001 at 1 October 2022 not loaded", result.Missing);
        Assert.Contains("cannot be worked out", result.Segments[1].Working, StringComparison.Ordinal);
    }

    [Fact]
    public void ForPeriod_RegisteredNeverUsedForEnhancedAccess()
    {
        // Only registered populations held: enhanced access days are not worked out from them.
        var result = AccessRequirement.ForPeriod(new DateOnly(2023, 1, 1), new DateOnly(2023, 1, 31), Figures, Populations("registered from 2019-01-01 = 50000"));
        Assert.Null(result.Minutes);
    }

    [Fact]
    public void Segment_Working_NamesDatesFigureAndDays()
    {
        var result = AccessRequirement.ForPeriod(new DateOnly(2022, 10, 1), new DateOnly(2022, 10, 31), Figures, Populations("adjusted from 2022-10-01 = 50000"));
        Assert.Equal(
            "1 October 2022 to 31 October 2022: Enhanced access, 50,000 PCN adjusted population ÷ 1,000 × 60 = 3,000 minutes, rounded to the nearest minute: 3,000 minutes (50 hours) a week (50000 from 2022-10-01); × 31 days ÷ 7 = 13,285.71 minutes",
            result.Segments.Single().Working);
        Assert.Equal(13286, result.Minutes);
    }
}
