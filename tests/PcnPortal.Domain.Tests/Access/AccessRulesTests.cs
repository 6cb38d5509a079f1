using PcnPortal.Domain.Access;
using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Tests.Access;

public class AccessRulesTests
{
    private static readonly IReadOnlyList<AccessRequirementFigure> Figures = PublishedAccessSchedule.Figures();

    private static AccessRequirementSegment Requirement(string day, int? population) =>
        AccessRequirement.OnDay(DateOnly.Parse(day), Figures, (_, _) => population is { } p ? AccessPopulation.Of(p, new DateOnly(2019, 1, 1), "held") : AccessPopulation.Missing("adjusted population for U90001 at 1 October 2022 not loaded"));

    [Theory]
    [InlineData("2019-06-01", AccessPlanState.None, null, false, RuleSeverity.Pass, "No extended hours or enhanced access requirement")]
    [InlineData("2020-01-10", AccessPlanState.None, null, false, RuleSeverity.Fail, "it has not submitted one. Required: 1,500 minutes (25 hours) a week")]
    [InlineData("2020-01-10", AccessPlanState.Submitted, null, false, RuleSeverity.Fail, "waiting for the contracts team's decision")]
    [InlineData("2020-01-10", AccessPlanState.Returned, null, false, RuleSeverity.Fail, "was returned")]
    [InlineData("2020-01-10", AccessPlanState.Approved, 1500, false, RuleSeverity.Pass, "1,500 minutes (25 hours) a week counted")]
    [InlineData("2020-01-10", AccessPlanState.Approved, 1470, false, RuleSeverity.Warn, "30 fewer than the 1,500 minutes (25 hours) a week required")]
    [InlineData("2020-01-10", AccessPlanState.Approved, 1600, true, RuleSeverity.Warn, "needs re-planning")]
    [InlineData("2022-10-10", AccessPlanState.Approved, 3000, false, RuleSeverity.Pass, "enhanced access plan")]
    public void PlanMissing(string day, AccessPlanState state, int? planned, bool replan, RuleSeverity severity, string says)
    {
        var outcome = AccessPlanMissingRule.Evaluate("U90001", DateOnly.Parse(day), Requirement(day, 50_000), state, planned, replan);
        Assert.Equal(AccessPlanMissingRule.Code, outcome.Code);
        Assert.Equal(severity, outcome.Severity);
        Assert.Contains(says, outcome.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void PlanMissing_RequirementUnknown_SaysWhatIsMissing()
    {
        var outcome = AccessPlanMissingRule.Evaluate("U90001", new DateOnly(2022, 10, 10), Requirement("2022-10-10", null), AccessPlanState.None, null, false);
        Assert.Equal(RuleSeverity.Fail, outcome.Severity);
        Assert.Contains("adjusted population for U90001 at 1 October 2022 not loaded", outcome.Explanation, StringComparison.Ordinal);
        Assert.Equal("not known", outcome.Figures["requiredMinutesPerWeek"]);
    }

    [Theory]
    [InlineData(39429, 39429, RuleSeverity.Pass, "100.0", "0")]
    [InlineData(40000, 39429, RuleSeverity.Pass, "101.4", "0")]
    [InlineData(35000, 39429, RuleSeverity.Fail, "88.8", "4429")]
    [InlineData(0, 39429, RuleSeverity.Fail, "0.0", "39429")]
    public void MinutesShort(int delivered, int required, RuleSeverity severity, string percent, string shortfall)
    {
        var period = AccessRequirement.ForPeriod(new DateOnly(2022, 10, 1), new DateOnly(2022, 12, 31), Figures, (_, _) => AccessPopulation.Of(50_000, new DateOnly(2022, 10, 1), "held"));
        Assert.Equal(required, period.Minutes);
        var outcome = AccessMinutesShortRule.Evaluate("U90001", "2022/23 Q3", delivered, period);
        Assert.Equal(severity, outcome.Severity);
        Assert.Equal(percent, outcome.Figures["percent"]);
        Assert.Equal(shortfall, outcome.Figures["shortfall"]);
        Assert.Equal(required.ToString(System.Globalization.CultureInfo.InvariantCulture), outcome.Figures["required"]);
    }

    [Fact]
    public void MinutesShort_RequirementUnknown_Warns()
    {
        var period = AccessRequirement.ForPeriod(new DateOnly(2022, 10, 1), new DateOnly(2022, 12, 31), Figures, (_, _) => AccessPopulation.Missing("adjusted population for U90001 at 1 October 2022 not loaded"));
        var outcome = AccessMinutesShortRule.Evaluate("U90001", "2022/23 Q3", 1000, period);
        Assert.Equal(RuleSeverity.Warn, outcome.Severity);
        Assert.Contains("cannot be worked out: adjusted population for U90001 at 1 October 2022 not loaded", outcome.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    // Q3 2022/23 ends Saturday 31 December 2022; 10 working days later (bank holidays 26 and 27 December 2022 are
    // before it; 2 January 2023 is one) is Monday 16 January 2023.
    [InlineData("2022-10", 10, "2023-01-16")]
    [InlineData("2022-07", 10, "2022-10-14")]
    [InlineData("2022-07", 5, "2022-10-07")]
    public void DeclarationLate_DueDate(string quarter, int days, string due)
    {
        Assert.True(AccessQuarter.TryParse(quarter, out var q));
        Assert.Equal(DateOnly.Parse(due), AccessDeclarationLateRule.DueDate(q, days));
    }

    [Theory]
    [InlineData("2023-01-16", "2023-03-01", RuleSeverity.Pass, "completed on 16 January 2023")]
    [InlineData("2023-01-18", "2023-03-01", RuleSeverity.Warn, "2 working days late")]
    [InlineData(null, "2023-01-10", RuleSeverity.Pass, "not due yet")]
    [InlineData(null, "2023-01-16", RuleSeverity.Pass, "not due yet")]
    [InlineData(null, "2023-01-20", RuleSeverity.Fail, "missing, 4 working days overdue")]
    public void DeclarationLate(string? completed, string today, RuleSeverity severity, string says)
    {
        AccessQuarter.TryParse("2022-10", out var quarter);
        var outcome = AccessDeclarationLateRule.Evaluate("U90001", quarter, 10, completed is null ? null : DateOnly.Parse(completed), DateOnly.Parse(today));
        Assert.Equal(AccessDeclarationLateRule.Code, outcome.Code);
        Assert.Equal(severity, outcome.Severity);
        Assert.Contains(says, outcome.Explanation, StringComparison.Ordinal);
        Assert.Equal("2023-01-16", outcome.Figures["due"]);
    }

    [Theory]
    [InlineData(100, 80, 70, 10, 3000, "")]
    [InlineData(100, 120, 70, 10, 3000, "booked")]
    [InlineData(100, 80, 70, 20, 3000, "attended")]
    [InlineData(0, 0, 0, 0, 300, "offered")]
    public void DeclarationChecks(int offered, int booked, int attended, int dna, int minutes, string field) =>
        Assert.Equal(field, string.Join(',', AccessDeclarationChecks.Check(offered, booked, attended, dna, minutes).Select(p => p.Field)));
}
