using PcnPortal.Domain.Access;

namespace PcnPortal.Domain.Tests.Access;

public class AccessHoursTests
{
    [Theory]
    // Extended hours: outside 08:00-18:30 on weekdays; all of the weekend.
    [InlineData(AccessScheme.ExtendedHours, DayOfWeek.Monday, "18:30", "20:00", 90)]
    [InlineData(AccessScheme.ExtendedHours, DayOfWeek.Tuesday, "07:00", "08:00", 60)]
    [InlineData(AccessScheme.ExtendedHours, DayOfWeek.Wednesday, "18:00", "19:00", 30)] // half in core hours
    [InlineData(AccessScheme.ExtendedHours, DayOfWeek.Thursday, "10:00", "12:00", 0)]
    [InlineData(AccessScheme.ExtendedHours, DayOfWeek.Saturday, "09:00", "12:00", 180)]
    [InlineData(AccessScheme.ExtendedHours, DayOfWeek.Sunday, "10:00", "11:00", 60)]
    // Enhanced access: within 18:30-20:00 Monday to Friday and 09:00-17:00 Saturday only.
    [InlineData(AccessScheme.EnhancedAccess, DayOfWeek.Monday, "18:30", "20:00", 90)]
    [InlineData(AccessScheme.EnhancedAccess, DayOfWeek.Friday, "18:00", "20:30", 90)]
    [InlineData(AccessScheme.EnhancedAccess, DayOfWeek.Tuesday, "07:00", "08:00", 0)] // outside: needs agreement
    [InlineData(AccessScheme.EnhancedAccess, DayOfWeek.Saturday, "08:00", "17:30", 480)]
    [InlineData(AccessScheme.EnhancedAccess, DayOfWeek.Sunday, "10:00", "12:00", 0)]
    [InlineData(AccessScheme.EnhancedAccess, DayOfWeek.Monday, "20:00", "19:00", 0)] // ends before it starts
    public void Counted_MinutesWithinTheSchemesHours(AccessScheme scheme, DayOfWeek day, string start, string end, int expected) =>
        Assert.Equal(expected, AccessHours.Counted(scheme, day, TimeOnly.Parse(start), TimeOnly.Parse(end)));

    [Theory]
    [InlineData("A81001,A81002", "A81001,A81002", "", "")]
    [InlineData("A81001,A81002,A81003", "A81001,A81002", "", "A81003")] // a practice closed
    [InlineData("A81001", "A81001,A81004", "A81004", "")]
    public void Replan_ChangesInMembership(string approved, string current, string joined, string left)
    {
        var (j, l) = AccessReplan.Changes(approved.Split(','), current.Split(','));
        Assert.Equal(joined, string.Join(',', j));
        Assert.Equal(left, string.Join(',', l));
    }

    [Theory]
    [InlineData("2022-10-01", 3, "2022-10", "2022/23 Q3 (October to December 2022)")]
    [InlineData("2023-02-14", 4, "2023-01", "2022/23 Q4 (January to March 2023)")]
    [InlineData("2019-04-01", 1, "2019-04", "2019/20 Q1 (April to June 2019)")]
    [InlineData("2019-09-30", 2, "2019-07", "2019/20 Q2 (July to September 2019)")]
    public void Quarter_Containing(string day, int number, string key, string text)
    {
        var quarter = AccessQuarter.Containing(DateOnly.Parse(day));
        Assert.Equal(number, quarter.Number);
        Assert.Equal(key, quarter.Key);
        Assert.Equal(text, quarter.ToString());
        Assert.True(AccessQuarter.TryParse(key, out var parsed));
        Assert.Equal(quarter, parsed);
    }

    [Theory]
    [InlineData("2022-11")]
    [InlineData("2022-13")]
    [InlineData("October")]
    [InlineData("")]
    [InlineData(null)]
    public void Quarter_TryParse_RefusesWhatIsNotAQuartersFirstMonth(string? text) =>
        Assert.False(AccessQuarter.TryParse(text, out _));

    [Fact]
    public void PublishedFigures_ContiguousFromTheDesStart_EachCited()
    {
        var figures = PublishedAccessSchedule.Figures().OrderBy(f => f.From).ToList();
        Assert.Equal(new DateOnly(2019, 7, 1), figures[0].From);
        for (var i = 1; i < figures.Count; i++)
        {
            Assert.Equal(figures[i - 1].To!.Value.AddDays(1), figures[i].From);
        }

        Assert.Null(figures[^1].To);
        Assert.All(figures, f => Assert.False(string.IsNullOrWhiteSpace(f.Source) || string.IsNullOrWhiteSpace(f.PopulationSource) || string.IsNullOrWhiteSpace(f.RoundingSource)));
        var enhanced = figures.Single(f => f.Scheme == AccessScheme.EnhancedAccess);
        Assert.Equal((new DateOnly(2022, 10, 1), 60, AccessPopulationBasis.Adjusted), (enhanced.From, enhanced.MinutesPerThousand, enhanced.Basis));
    }
}
