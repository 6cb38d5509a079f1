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
        Assert.Equal("Cap £3,150.83 = £37,810 × 1.0 WTE × 30/30 days ÷ 12; claimed 70% of £4,820.00 = £3,374.00; capped (maximum reported (secondary source)).", outcome.Explanation);
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
    // WTE on PCN A's line, then PCN B's (submitted later), then an optional third PCN's; what each line's ARRS-WTE is
    [InlineData("0.5", "0.5", null, RuleSeverity.Pass)] // exactly 1.0 in all: nobody referred
    [InlineData("0.4", "0.6", null, RuleSeverity.Pass)]
    [InlineData("0.6", "0.6", null, RuleSeverity.Warn)] // 1.2: both lines referred, not only the later one
    [InlineData("1.0", "1.0", null, RuleSeverity.Warn)] // another PCN claims a full-time person: the genuine claim is referred, not failed
    [InlineData("1.0", "0.01", null, RuleSeverity.Warn)]
    [InlineData("0.4", "0.3", "0.3", RuleSeverity.Pass)]
    [InlineData("0.4", "0.3", "0.4", RuleSeverity.Warn)] // three PCNs, 1.1: all three referred
    public void Wte_AcrossPcns_OverOne_RefersEveryLineInvolved_AndCutsNothing(string a, string b, string? c, RuleSeverity expected)
    {
        var lines = new List<ClaimLineInput>
        {
            Line(pcn: "U00001", staff: "P1", wte: decimal.Parse(a), sequence: 1),
            Line(pcn: "U00002", staff: "P1", wte: decimal.Parse(b), sequence: 2),
        };
        if (c is not null)
        {
            lines.Add(Line(pcn: "U00003", staff: "P1", wte: decimal.Parse(c), sequence: 3));
        }

        var assessed = Assess(Fy(2019), lines);

        for (var i = 0; i < lines.Count; i++)
        {
            Assert.Equal(expected, Sev(assessed, i, WteRule.Code));

            // Nothing is cut: each line is paid what it would be if it were the person's only claim.
            var alone = Assess(Fy(2019), [lines[i]]);
            Assert.Equal(alone[0].Reimbursable, assessed[i].Reimbursable);
            Assert.True(assessed[i].Reimbursable > 0m);
        }
    }

    [Theory]
    // the order the two lines come in, and their submission order, do not change who is referred
    [InlineData(1, 2)]
    [InlineData(2, 1)]
    public void Wte_AcrossPcns_WhateverTheSubmissionOrder_BothLinesAreReferred(long sequenceA, long sequenceB)
    {
        var a = Assess(Fy(2019), [
            Line(pcn: "U00001", staff: "P1", wte: 1.0m, sequence: sequenceA),
            Line(pcn: "U00002", staff: "P1", wte: 1.0m, sequence: sequenceB),
        ]);

        Assert.Equal(RuleSeverity.Warn, Sev(a, 0, WteRule.Code));
        Assert.Equal(RuleSeverity.Warn, Sev(a, 1, WteRule.Code));
        Assert.Equal(RuleSeverity.Warn, a[0].Status);
    }

    [Theory]
    // a line that does not count towards the person's WTE (out of range, outside employment, a repeat) refers nobody
    [InlineData("1.5", "2019-07-01", false)] // PCN B's WTE fails on the line
    [InlineData("1.0", "2020-01-01", false)] // PCN B's person had not started in the month
    [InlineData("1.0", "2019-07-01", true)] // PCN A's own repeated line does not count twice
    public void Wte_AcrossPcns_LinesThatFailOnTheirOwn_AreNotCounted(string wteB, string startB, bool repeatA)
    {
        var lines = new List<ClaimLineInput>
        {
            Line(pcn: "U00001", staff: "P1", wte: 0.5m, sequence: 1),
            Line(pcn: "U00002", staff: "P1", wte: decimal.Parse(wteB), start: startB, sequence: 2),
        };
        if (repeatA)
        {
            lines[1] = Line(pcn: "U00002", staff: "P1", wte: 0.5m, sequence: 2);
            lines.Add(Line(pcn: "U00001", staff: "P1", wte: 0.5m, sequence: 3));
        }

        var a = Assess(Fy(2019), lines);

        Assert.Equal(RuleSeverity.Pass, Sev(a, 0, WteRule.Code));
    }

    [Fact]
    public void Wte_AcrossPcns_TheExplanationGivesNoOtherPcnsFigures()
    {
        var a = Assess(Fy(2019), [
            Line(pcn: "U00001", staff: "P1", wte: 0.65m, sequence: 1),
            Line(pcn: "U00002", staff: "P1", wte: 0.8m, sequence: 2),
        ]);

        foreach (var (index, own, other) in new[] { (0, "0.65", "0.8"), (1, "0.8", "0.65") })
        {
            var outcome = a.Outcome(index, WteRule.Code)!;
            Assert.Equal(RuleSeverity.Warn, outcome.Severity);
            Assert.Equal(
                $"Referred to the contracts team: Staff P1 (P1)'s total hours across PCNs in November 2019 are being checked by the commissioner. This line ({own} WTE) is held for the contracts team's decision; nothing is taken off it meanwhile.",
                outcome.Explanation);
            Assert.Equal(new Dictionary<string, string> { ["wte"] = own }, outcome.Figures);
            foreach (var leak in new[] { other, "1.45", "U00001", "U00002" })
            {
                Assert.DoesNotContain(leak, outcome.Explanation, StringComparison.Ordinal);
            }
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

    // ARRS-ADDITIONALITY hand-worked cases. Source: NHS England, Network Contract DES Additional Roles Reimbursement
    // Scheme Guidance (Dec 2019) and Contract Specification 2020/21 (17 Sep 2020), additionality: PCNs are reimbursed for
    // staff additional to the baseline (31 March 2019) and must maintain the baseline; a baseline post left vacant is to be
    // refilled, and claimed staff cover it only once it has been vacant beyond the grace. November 2019, clinical
    // pharmacist 1.0 WTE, £4,000 a month at 70% = £2,800 (within the cap £37,810 ÷ 12 = £3,150.83).
    [Theory]
    // baseline posts (role wte [vacant_from [refilled]]; ...), claimed lines (staff wte start; ...), expected severity and £ per line
    [InlineData("", "N 1.0 2019-07-01", "Pass 2800.00")] // no baseline for the role
    [InlineData("1.0 B", "N 1.0 2019-07-01", "Pass 2800.00")] // DES: filled baseline post + new hire: the new hire is reimbursed
    [InlineData("0.5 B; 1.0", "N 1.0 2019-07-01", "Pass 2800.00")] // 1.5 WTE of filled posts, one hire: additional
    [InlineData("1.0 B", "B 1.0 2018-01-01; N 1.0 2019-07-01", "Fail 0.00; Pass 2800.00")] // the baseline post holder claimed: not additional
    [InlineData("1.0 B 2019-08-01", "N 1.0 2019-07-01", "Pass 2800.00")] // the post vacant since 1 August: October is within the grace
    public void Additionality_FilledBaseline_ClaimedStaffAreAdditional(string posts, string claimed, string expected)
    {
        var result = AssessBaselineCase("2019-10", posts, claimed);

        Assert.Equal(expected, result);
    }

    [Theory]
    // Baseline SPLW post 1.0 WTE vacant from 1 August 2019: grace to 1 November 2019 (3 months). SPLW at 100%, £1,000 a month, within the cap.
    [InlineData("2019-08", null, "NEW 1.0", "Pass 1000.00")] // vacant within grace: the new hire is reimbursed
    [InlineData("2019-10", null, "NEW 1.0", "Pass 1000.00")] // still within grace
    [InlineData("2019-11", null, "NEW 1.0", "Fail 0.00")] // vacant beyond grace (from 1 Nov) and not refilled: the hire covers it, £0
    [InlineData("2019-12", null, "NEW 1.0; TWO 1.0", "Fail 0.00; Pass 1000.00")] // the first hire covers the vacant 1.0 WTE, the second is additional
    [InlineData("2019-12", null, "NEW 0.6; TWO 0.6", "Fail 0.00; Warn 333.33")] // 0.6 + 0.6 against 1.0 vacant: 0.2 of 0.6 additional (1/3 of £1,000)
    [InlineData("2019-12", "2019-12-10", "NEW 1.0", "Pass 1000.00")] // refilled in the month: maintained again
    [InlineData("2020-01", "2019-12-10", "NEW 1.0", "Pass 1000.00")]
    public void Additionality_VacantBaselinePost_WithinAndBeyondGrace(string month, string? refilled, string claimed, string expected)
    {
        var posts = "1.0 V 2019-08-01" + (refilled is null ? "" : " " + refilled);
        var lines = string.Join("; ", claimed.Split("; ").Select(c => c + " 2019-07-01"));

        Assert.Equal(expected, AssessBaselineCase(month, posts, lines, PublishedArrsSchedule.Splw, salary: 1_000m));
    }

    [Fact]
    public void Additionality_VacantBeyondGrace_ExplainsTheVacancyWithItsFigures()
    {
        var post = new BaselinePost(PublishedArrsSchedule.Splw, 1.0m, "V", new DateOnly(2019, 8, 1));
        var a = Assess(Fy(2019),
            [Line("2019-12", role: PublishedArrsSchedule.Splw, staff: "NEW", wte: 0.6m, salary: 2_000m, sequence: 1), Line("2019-12", role: PublishedArrsSchedule.Splw, staff: "TWO", wte: 0.6m, salary: 2_000m, sequence: 2)],
            Context(baseline: post));

        var covers = a.Outcome(0, AdditionalityRule.Code)!;
        Assert.Equal(
            "£0: within the baseline. 1.0 WTE of the PCN's 1.0 WTE Social prescribing link worker baseline has been vacant since 1 August 2019, 3 months or more before December 2019, and is not refilled, so claimed Social prescribing link worker staff cover it first: 0.6 WTE claimed including this line, none of it above the 1.0 WTE vacant.",
            covers.Explanation);
        var partly = a.Outcome(1, AdditionalityRule.Code)!;
        Assert.EndsWith("0.6 + 0.6 WTE claimed, so only 0.2 WTE (33.33% of the line) is additional.", partly.Explanation);
        Assert.Equal("1.0", partly.Figures["vacantBeyondGraceWte"]);
        Assert.Equal("2019-08-01", partly.Figures["vacantFrom"]);
    }

    [Fact]
    public void Additionality_VacantWithinGrace_SaysUntilWhen()
    {
        var post = new BaselinePost(PublishedArrsSchedule.Splw, 1.0m, "V", new DateOnly(2019, 8, 1));
        var a = Assess(Fy(2019), [Line("2019-09", role: PublishedArrsSchedule.Splw, staff: "NEW", salary: 2_000m)], Context(baseline: post));

        Assert.Equal(
            "Additional: a baseline Social prescribing link worker post has been vacant since 1 August 2019, within the 3-month grace to refill it (until 1 November 2019); claimed staff stay additional meanwhile.",
            a.Outcome(0, AdditionalityRule.Code)!.Explanation);
    }

    [Theory]
    [InlineData(2019, "2019-11", RuleSeverity.Fail)]
    [InlineData(2020, "2020-05", RuleSeverity.Pass)]
    public void Additionality_TransferredPharmacist(int year, string month, RuleSeverity expected)
    {
        // ARRS guidance (Dec 2019) and the 2020/21 agreement: pharmacists transferred from the NHS England Clinical Pharmacist
        // scheme are claimable from April 2020 and do not count against the baseline: here they cover none of the vacant post.
        var post = new BaselinePost(PublishedArrsSchedule.ClinicalPharmacist, 1.0m, VacantFrom: new DateOnly(year - 1, 12, 1));
        var a = Assess(Fy(year),
            [Line(month, staff: "T", transferred: true, sequence: 1), Line(month, staff: "B", start: "2018-01-01", sequence: 2), Line(month, staff: "N", sequence: 3)],
            Context(baseline: post));

        Assert.Equal(expected, Sev(a, 0, AdditionalityRule.Code));
        Assert.Equal(RuleSeverity.Fail, Sev(a, 1, AdditionalityRule.Code)); // the earliest starter covers the vacant post
        Assert.Equal(RuleSeverity.Pass, Sev(a, 2, AdditionalityRule.Code));
    }

    /// <summary>
    /// Assesses claimed lines for one role and month against baseline posts written "wte [staff_ref [vacant_from
    /// [refilled_on]]]" and lines written "staff wte start"; returns each line's additionality severity and amount.
    /// </summary>
    private static string AssessBaselineCase(string month, string posts, string claimed, string role = PublishedArrsSchedule.ClinicalPharmacist, decimal salary = 4_000m)
    {
        var baseline = posts.Split("; ", StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split(' ')).Select(p => new BaselinePost(
            role,
            decimal.Parse(p[0]),
            p.Length > 1 ? p[1] : null,
            p.Length > 2 ? DateOnly.Parse(p[2]) : null,
            p.Length > 3 ? DateOnly.Parse(p[3]) : null)).ToArray();
        var lines = claimed.Split("; ").Select((c, k) => c.Split(' ')).Select((c, k) =>
            Line(month, role: role, staff: c[0], wte: decimal.Parse(c[1]), start: c[2], salary: salary, ni: 0m, pension: 0m, sequence: k + 1)).ToList();
        var a = Assess(FinancialYear.Containing(DateOnly.Parse(month + "-01")), lines, Context(baseline: baseline));
        return string.Join("; ", Enumerable.Range(0, a.Count).Select(i => $"{Sev(a, i, AdditionalityRule.Code)} {a[i].Reimbursable:0.00}"));
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
