using PcnPortal.Domain.Arrs;
using PcnPortal.Domain.Arrs.Engine;
using PcnPortal.Domain.Arrs.Rules;
using PcnPortal.Domain.Common;
using static PcnPortal.Domain.Tests.Arrs.ArrsTestData;

namespace PcnPortal.Domain.Tests.Arrs;

public class ArrsAssessorTests
{
    private static RuleSeverity? Sev(ArrsAssessment a, int i, string code) => a[i].SeverityOf(code);

    [Theory]
    // month, wte, start, end, salary, expected max_for_period, expected reimbursable, cap severity
    [InlineData("2019-11", "1.0", "2019-07-01", null, "4000", "3150.83", "3150.83", RuleSeverity.Warn)] // 70% of 4,820 = 3,374 > cap
    [InlineData("2019-11", "1.0", "2019-07-01", null, "3000", "3150.83", "2674.00", RuleSeverity.Pass)] // 70% of 3,820
    [InlineData("2019-11", "1.0", "2019-11-16", null, "4000", "1575.42", "1575.42", RuleSeverity.Warn)] // joined mid-month: 15/30 days
    [InlineData("2019-11", "0.5", "2019-07-01", "2019-11-10", "4000", "525.14", "525.14", RuleSeverity.Warn)] // left 10th: 10/30 days at 0.5
    [InlineData("2022-09", "1.0", "2019-07-01", null, "5000", "4776.50", "4776.50", RuleSeverity.Warn)] // £57,318 ÷ 12
    [InlineData("2022-10", "1.0", "2019-07-01", null, "5000", "4942.67", "4942.67", RuleSeverity.Warn)] // uplift 1 Oct 2022: £59,312 ÷ 12
    public void Cap_ProRata_AndRateChanges(string month, string wte, string start, string? end, string salary, string maxForPeriod, string reimbursable, RuleSeverity cap)
    {
        var year = FinancialYear.Containing(DateOnly.Parse(month + "-01"));
        var a = Assess(year, [Line(month, wte: decimal.Parse(wte), start: start, end: end, salary: decimal.Parse(salary))]);

        Assert.Equal(decimal.Parse(maxForPeriod), a[0].MaxForPeriod);
        Assert.Equal(decimal.Parse(reimbursable), a[0].Reimbursable);
        Assert.Equal(cap, Sev(a, 0, CapRule.Code));
        Assert.Equal(RuleSeverity.Pass, Sev(a, 0, RateRule.Code));
    }

    [Fact]
    public void Cap_Explanation_ShowsTheFigures()
    {
        var a = Assess(Fy(2019), [Line("2019-11")]);

        var outcome = a.Outcome(0, CapRule.Code)!;
        Assert.Equal(RuleSeverity.Warn, outcome.Severity);
        Assert.Equal("Cap £3,150.83 = £37,810 × 1.0 WTE × 30/30 days ÷ 12; claimed 70% of £4,820.00 = £3,374.00; capped.", outcome.Explanation);
        Assert.Equal("3150.83", outcome.Figures["maxForPeriod"]);
        Assert.Equal("0.7", outcome.Figures["rate"]);
        Assert.Equal(0.70m, a[0].Rate);
        Assert.Equal(4_820m, a[0].ClaimedCost);
    }

    [Fact]
    public void Outcomes_ListEveryApplicableRule()
    {
        var a = Assess(Fy(2019), [Line("2019-11")]);

        var codes = a.Outcomes(0).Select(o => o.Code).ToList();
        Assert.Equal([RoleEligibleRule.Code, PeriodRule.Code, WteRule.Code, DuplicateRule.Code, RateRule.Code, CapRule.Code, AdditionalityRule.Code, RoleLimitRule.Code, EntitlementRule.Code], codes);
        Assert.All(a.Outcomes(0), o => Assert.False(string.IsNullOrWhiteSpace(o.Explanation)));
    }

    [Theory]
    [InlineData("GP_ASSISTANT", "2022-09", RuleSeverity.Fail)]
    [InlineData("GP_ASSISTANT", "2022-10", RuleSeverity.Pass)]
    [InlineData("SPLW", "2019-06", RuleSeverity.Fail)]
    [InlineData("SPLW", "2019-07", RuleSeverity.Pass)]
    [InlineData("NOT_A_ROLE", "2019-07", RuleSeverity.Fail)]
    public void RoleEligible(string role, string month, RuleSeverity expected)
    {
        var a = Assess(FinancialYear.Containing(DateOnly.Parse(month + "-01")), [Line(month, role: role, start: "2019-04-01")]);

        Assert.Equal(expected, Sev(a, 0, RoleEligibleRule.Code));
        if (expected == RuleSeverity.Fail)
        {
            Assert.Equal(0m, a[0].Reimbursable);
        }
    }

    [Theory]
    [InlineData("2019-11", "2019-07-01", null, 2019, RuleSeverity.Pass)]
    [InlineData("2020-04", "2019-07-01", null, 2019, RuleSeverity.Fail)] // outside the year assessed
    [InlineData("2019-11", "2019-12-01", null, 2019, RuleSeverity.Fail)] // starts after the month
    [InlineData("2019-11", "2019-07-01", "2019-10-31", 2019, RuleSeverity.Fail)] // left before the month
    [InlineData("2019-11", "2019-11-30", null, 2019, RuleSeverity.Pass)] // one day
    [InlineData("2019-11", "2019-10-01", "2019-09-01", 2019, RuleSeverity.Fail)] // end before start
    public void Period(string month, string start, string? end, int year, RuleSeverity expected)
    {
        var a = Assess(Fy(year), [Line(month, start: start, end: end)]);

        Assert.Equal(expected, Sev(a, 0, PeriodRule.Code));
    }

    [Theory]
    [InlineData("0", RuleSeverity.Fail)]
    [InlineData("-0.5", RuleSeverity.Fail)]
    [InlineData("1.01", RuleSeverity.Fail)]
    [InlineData("1", RuleSeverity.Pass)]
    [InlineData("0.01", RuleSeverity.Pass)]
    public void Wte_OnTheLine(string wte, RuleSeverity expected)
    {
        var a = Assess(Fy(2019), [Line(wte: decimal.Parse(wte))]);

        Assert.Equal(expected, Sev(a, 0, WteRule.Code));
    }

    [Theory]
    [InlineData("0.5", "0.5", RuleSeverity.Pass)]
    [InlineData("0.6", "0.6", RuleSeverity.Fail)]
    [InlineData("0.4", "0.6", RuleSeverity.Pass)]
    public void Wte_AcrossPcns_LaterLineFails(string first, string second, RuleSeverity secondExpected)
    {
        var a = Assess(Fy(2019), [
            Line(pcn: "U00001", staff: "P1", wte: decimal.Parse(first), sequence: 1),
            Line(pcn: "U00002", staff: "P1", wte: decimal.Parse(second), sequence: 2),
        ]);

        Assert.Equal(RuleSeverity.Pass, Sev(a, 0, WteRule.Code));
        Assert.Equal(secondExpected, Sev(a, 1, WteRule.Code));
        if (secondExpected == RuleSeverity.Fail)
        {
            Assert.Contains("1.2 WTE", a.Outcome(1, WteRule.Code)!.Explanation);
        }
    }

    [Fact]
    public void Duplicate_TheLaterSubmissionFails_WhateverTheInputOrder()
    {
        var a = Assess(Fy(2019), [
            Line(staff: "D1", sequence: 20),
            Line(staff: "D1", sequence: 10),
            Line(staff: "D1", month: "2019-12", sequence: 30),
        ]);

        Assert.Equal(RuleSeverity.Fail, Sev(a, 0, DuplicateRule.Code));
        Assert.Equal(RuleSeverity.Pass, Sev(a, 1, DuplicateRule.Code));
        Assert.Equal(RuleSeverity.Pass, Sev(a, 2, DuplicateRule.Code));
        Assert.Equal(0m, a[0].Reimbursable);
        Assert.Contains("line 2", a.Outcome(0, DuplicateRule.Code)!.Explanation);
    }

    [Fact]
    public void Entitlement_CrossingLineIsCut_LaterLinesFail()
    {
        var a = Assess(Fy(2020),
            [Line("2020-11", staff: "E1", sequence: 1), Line("2020-11", staff: "E2", sequence: 2), Line("2020-11", staff: "E3", sequence: 3), Line("2020-10", staff: "E4", sequence: 4)],
            Context(arrSum: 12_000m));

        // October first (month order), then November in submission order. Each full month is £55,670 ÷ 12 = £4,639.17.
        Assert.Equal(RuleSeverity.Pass, Sev(a, 3, EntitlementRule.Code));
        Assert.Equal(RuleSeverity.Pass, Sev(a, 0, EntitlementRule.Code));
        Assert.Equal(RuleSeverity.Warn, Sev(a, 1, EntitlementRule.Code));
        Assert.Equal(12_000m - (2 * 4_639.17m), a[1].Reimbursable);
        Assert.Equal(RuleSeverity.Fail, Sev(a, 2, EntitlementRule.Code));
        Assert.Equal(0m, a[2].Reimbursable);
        Assert.Equal(12_000m, a.ReimbursableFor("U00001"));
        Assert.Contains("£4,639.17 is cut to £2,721.66", a.Outcome(1, EntitlementRule.Code)!.Explanation);
    }

    [Fact]
    public void Entitlement_UsesComputedArrSum_WhenNotGiven()
    {
        var a = Assess(Fy(2019), [Line()], Context(arrSum: null, population: 150_000));

        Assert.Equal(161_826.75m, a.ArrSumFor("U00001"));
    }

    [Theory]
    // baseline WTE, named staff in baseline?, expected severities for lines B (started 2018) and N (started 2019)
    [InlineData("0", false, RuleSeverity.Pass, RuleSeverity.Pass)]
    [InlineData("1.0", false, RuleSeverity.Fail, RuleSeverity.Pass)] // earliest start fills the baseline
    [InlineData("1.0", true, RuleSeverity.Fail, RuleSeverity.Pass)]
    [InlineData("0.5", false, RuleSeverity.Warn, RuleSeverity.Pass)] // crossing line: half additional
    [InlineData("2.0", false, RuleSeverity.Fail, RuleSeverity.Fail)]
    public void Additionality_AgainstBaseline(string baselineWte, bool named, RuleSeverity baselineStaff, RuleSeverity newStaff)
    {
        var post = new BaselinePost(PublishedArrsSchedule.ClinicalPharmacist, decimal.Parse(baselineWte), named ? "B" : null);
        var a = Assess(Fy(2019),
            [Line(staff: "N", start: "2019-07-01", sequence: 1), Line(staff: "B", start: "2018-01-01", sequence: 2)],
            Context(baseline: post));

        Assert.Equal(newStaff, Sev(a, 0, AdditionalityRule.Code));
        Assert.Equal(baselineStaff, Sev(a, 1, AdditionalityRule.Code));
        if (baselineStaff == RuleSeverity.Warn)
        {
            Assert.Equal(Money.ToPence(3_150.83333333m * 0.5m), a[1].Reimbursable);
        }
    }

    [Theory]
    [InlineData("2019-10", null, RuleSeverity.Pass)] // vacant from 1 Aug: grace to 1 Nov
    [InlineData("2019-11", null, RuleSeverity.Fail)] // exactly vacant_from + 3 months
    [InlineData("2019-12", null, RuleSeverity.Fail)]
    [InlineData("2019-12", "2019-12-10", RuleSeverity.Pass)] // refilled in the month
    [InlineData("2020-01", "2019-12-10", RuleSeverity.Pass)]
    public void Additionality_VacantBaselinePost_Grace(string month, string? refilled, RuleSeverity expected)
    {
        var post = new BaselinePost(PublishedArrsSchedule.Splw, 1.0m, "V", new DateOnly(2019, 8, 1), refilled is null ? null : DateOnly.Parse(refilled));
        var lines = new List<ClaimLineInput> { Line(month, role: PublishedArrsSchedule.Splw, staff: "NEW", salary: 2_000m) };
        if (refilled is not null)
        {
            lines.Add(Line(month, role: PublishedArrsSchedule.Splw, staff: "V2", start: refilled, salary: 2_000m));
        }

        var a = Assess(Fy(2019), lines, Context(baseline: post));

        // The refilled post's holder fills the baseline first only if named; here the new starter started earlier, so check the role as a whole.
        var severities = Enumerable.Range(0, a.Count).Select(i => Sev(a, i, AdditionalityRule.Code)).ToList();
        if (expected == RuleSeverity.Fail)
        {
            Assert.All(severities, s => Assert.Equal(RuleSeverity.Fail, s));
            Assert.Contains("vacant since 1 August 2019", a.Outcome(0, AdditionalityRule.Code)!.Explanation);
        }
        else
        {
            Assert.Contains(RuleSeverity.Pass, severities);
        }
    }

    [Theory]
    [InlineData(2019, "2019-11", RuleSeverity.Fail)]
    [InlineData(2020, "2020-05", RuleSeverity.Pass)]
    public void Additionality_TransferredPharmacist(int year, string month, RuleSeverity expected)
    {
        var post = new BaselinePost(PublishedArrsSchedule.ClinicalPharmacist, 1.0m);
        var a = Assess(Fy(year),
            [Line(month, staff: "T", transferred: true, sequence: 1), Line(month, staff: "B", start: "2018-01-01", sequence: 2), Line(month, staff: "N", sequence: 3)],
            Context(baseline: post));

        Assert.Equal(expected, Sev(a, 0, AdditionalityRule.Code));
        Assert.Equal(RuleSeverity.Fail, Sev(a, 1, AdditionalityRule.Code)); // transferred does not fill the baseline
        Assert.Equal(RuleSeverity.Pass, Sev(a, 2, AdditionalityRule.Code));
    }

    [Theory]
    [InlineData("ADVANCED_PRACTITIONER", 2021, "2021-11", 150_000, 1)]
    [InlineData("ADVANCED_PRACTITIONER", 2022, "2022-11", 99_999, 2)]
    [InlineData("ADVANCED_PRACTITIONER", 2022, "2022-11", 100_000, 3)]
    [InlineData("CLINICAL_PHARMACIST", 2019, "2019-11", 100_000, 2)]
    public void RoleLimit_LinesBeyondTheCapFail(string role, int year, string month, int population, int allowed)
    {
        var lines = Enumerable.Range(1, 4).Select(k => Line(month, role: role, staff: "R" + k, start: "2022-10-01", sequence: k)).ToList();
        if (year < 2022)
        {
            lines = lines.Select(l => l with { StartDate = new DateOnly(year, 7, 1) }).ToList();
        }

        var a = Assess(Fy(year), lines, Context(population: population));

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(i < allowed ? RuleSeverity.Pass : RuleSeverity.Fail, Sev(a, i, RoleLimitRule.Code));
        }
    }

    [Fact]
    public void RoleLimit_NotApplicable_WithoutACap() =>
        Assert.Null(Sev(Assess(Fy(2020), [Line("2020-05")]), 0, RoleLimitRule.Code));

    [Theory]
    [InlineData(true, "200", "200", RuleSeverity.Pass)] // £2,400 × 1.0 ÷ 12 = £200 allowed
    [InlineData(true, "250", "200", RuleSeverity.Warn)]
    [InlineData(false, "100", "0", RuleSeverity.Warn)]
    public void Fee_ThirdPartySplw(bool thirdParty, string fee, string allowedFee, RuleSeverity expected)
    {
        var a = Assess(Fy(2019), [Line(role: PublishedArrsSchedule.Splw, salary: 1_000m, ni: 0m, pension: 0m, fee: decimal.Parse(fee), thirdPartySplw: thirdParty)]);

        Assert.Equal(expected, Sev(a, 0, FeeRule.Code));
        Assert.Equal(1_000m + decimal.Parse(allowedFee), a[0].Reimbursable);
    }

    [Fact]
    public void MentalHealthPractitioner_WithNoMaximum_FailsCap()
    {
        var a = Assess(Fy(2021), [Line("2021-05", role: PublishedArrsSchedule.MentalHealthPractitioner, start: "2021-04-01")]);

        Assert.Equal(RuleSeverity.Fail, Sev(a, 0, CapRule.Code));
        Assert.Equal(0.50m, a[0].Rate);
        Assert.Contains("administrator", a.Outcome(0, CapRule.Code)!.Explanation);
    }

    [Fact]
    public void Assess_IsDeterministic()
    {
        List<ClaimLineInput> lines = [Line(staff: "X", sequence: 5), Line(staff: "Y", sequence: 3), Line(staff: "X", sequence: 4)];
        var first = Assess(Fy(2019), lines, Context(arrSum: 5_000m));
        var second = Assess(Fy(2019), lines, Context(arrSum: 5_000m));

        for (var i = 0; i < lines.Count; i++)
        {
            Assert.Equal(first.Outcomes(i).Select(o => o.Explanation), second.Outcomes(i).Select(o => o.Explanation));
        }
    }
}
