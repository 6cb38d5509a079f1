using PcnPortal.Domain.Arrs;
using PcnPortal.Domain.Arrs.Engine;
using PcnPortal.Domain.Arrs.Rules;
using PcnPortal.Domain.Common;
using static PcnPortal.Domain.Tests.Arrs.ArrsTestData;

namespace PcnPortal.Domain.Tests.Arrs;

/// <summary>
/// Batch-level behaviour of the engine: the order lines arrive in, people who move between PCNs or change role, the
/// figures the explanations work out again, and lines whose figures differ only in decimal scale.
/// </summary>
public class ArrsAssessorBatchTests
{
    private static readonly FinancialYear Year = Fy(2024);

    [Fact]
    public void InputOrder_DoesNotChangeAnyLinesResult()
    {
        var (lines, contexts) = MixedYear();
        var inOrder = ArrsAssessor.Assess(lines, Reference, contexts, Year);

        var reversed = lines.AsEnumerable().Reverse().ToList();
        var shuffled = lines.OrderBy(l => (l.Sequence * 7919) % 1009).ToList();
        foreach (var other in new[] { reversed, shuffled })
        {
            var assessment = ArrsAssessor.Assess(other, Reference, contexts, Year);
            for (var j = 0; j < other.Count; j++)
            {
                var i = lines.IndexOf(other[j]);
                Assert.Equal(Describe(inOrder, i), Describe(assessment, j));
            }
        }
    }

    [Fact]
    public void InputOrder_Totals_AreTheSame()
    {
        var (lines, contexts) = MixedYear();
        var inOrder = ArrsAssessor.Assess(lines, Reference, contexts, Year);
        var reversed = ArrsAssessor.Assess(lines.AsEnumerable().Reverse().ToList(), Reference, contexts, Year);

        foreach (var pcn in contexts.Keys)
        {
            Assert.Equal(inOrder.ReimbursableFor(pcn), reversed.ReimbursableFor(pcn));
        }

        Assert.Equal(inOrder.CountByRule(), reversed.CountByRule());
        Assert.True(inOrder.ReimbursableFor("U00002") - inOrder.GpReimbursableFor("U00002") == inOrder.ArrSumFor("U00002"), "the tight ARR Sum is used up");
    }

    [Fact]
    public void PeopleListedInADifferentOrderEachMonth_KeepTheirOwnClaims()
    {
        // Month 1 lists A, B, C; month 2 lists C, A, B, A (A twice): the second A is a duplicate of the first.
        var lines = new List<ClaimLineInput>
        {
            Line("2024-04", staff: "A", salary: 3_000m, start: "2023-01-01", sequence: 1),
            Line("2024-04", staff: "B", salary: 3_100m, start: "2023-01-01", sequence: 2),
            Line("2024-04", staff: "C", salary: 3_200m, start: "2023-01-01", sequence: 3),
            Line("2024-05", staff: "C", salary: 3_200m, start: "2023-01-01", sequence: 4),
            Line("2024-05", staff: "A", salary: 3_000m, start: "2023-01-01", sequence: 5),
            Line("2024-05", staff: "B", salary: 3_100m, start: "2023-01-01", sequence: 6),
            Line("2024-05", staff: "A", salary: 3_000m, start: "2023-01-01", sequence: 7),
        };

        var a = Assess(Year, lines);

        Assert.Equal([0, 0, 0, 0, 0, 0, 1], Enumerable.Range(0, a.Count).Select(i => a[i].Duplicate.Failed ? 1 : 0));
        Assert.Contains("line 5", a.Outcome(6, DuplicateRule.Code)!.Explanation);
        Assert.Equal(a[0].Reimbursable, a[4].Reimbursable);
        Assert.Equal(a[1].Reimbursable, a[5].Reimbursable);
        Assert.Equal(a[2].Reimbursable, a[3].Reimbursable);
    }

    [Fact]
    public void APersonInTwoPcns_IsCountedOnceAcrossThem_AndIsNotADuplicate()
    {
        // The same person, in the same position of two PCNs' lists, every month.
        var lines = new List<ClaimLineInput>();
        long sequence = 0;
        foreach (var month in new[] { "2024-04", "2024-05", "2024-06" })
        {
            foreach (var pcn in new[] { "U00001", "U00002" })
            {
                lines.Add(Line(month, pcn: pcn, staff: "X" + pcn, start: "2023-01-01", sequence: ++sequence));
                lines.Add(Line(month, pcn: pcn, staff: "SHARED", wte: 0.6m, start: "2023-01-01", sequence: ++sequence));
            }
        }

        var a = Assess(Year, lines);

        for (var i = 0; i < a.Count; i++)
        {
            Assert.Equal(RuleSeverity.Pass, a[i].SeverityOf(DuplicateRule.Code));
            // 1.2 WTE across the two PCNs: both PCNs' lines are referred to the contracts team, neither is cut.
            var shared = lines[i].StaffRef == "SHARED";
            Assert.Equal(shared ? RuleSeverity.Warn : RuleSeverity.Pass, a[i].SeverityOf(WteRule.Code));
            Assert.True(a[i].Reimbursable > 0m);
        }

        Assert.Contains("total hours across PCNs in April 2024 are being checked by the commissioner", a.Outcome(3, WteRule.Code)!.Explanation);
        Assert.DoesNotContain("1.2", a.Outcome(3, WteRule.Code)!.Explanation);
    }

    [Fact]
    public void APersonWhoseRoleChanges_IsAssessedInTheNewRole()
    {
        var lines = new List<ClaimLineInput>
        {
            Line("2024-04", staff: "R", role: PublishedArrsSchedule.ClinicalPharmacist, start: "2023-01-01", sequence: 1),
            Line("2024-05", staff: "R", role: PublishedArrsSchedule.Splw, start: "2023-01-01", sequence: 2),
            Line("2024-06", staff: "R", role: "NOT_A_ROLE", start: "2023-01-01", sequence: 3),
            Line("2024-07", staff: "R", role: new string(PublishedArrsSchedule.Splw.ToCharArray()), start: "2023-01-01", sequence: 4),
        };

        var a = Assess(Year, lines);

        Assert.Equal(Money.ToPence(CapRule.MaxForPeriod(62_340m, 1.0m, 30, 30)), a[0].MaxForPeriod); // pharmacist, 2023 uplift
        Assert.Equal(Money.ToPence(CapRule.MaxForPeriod(40_159m, 1.0m, 31, 31)), a[1].MaxForPeriod); // SPLW
        Assert.Equal(RuleSeverity.Fail, a[2].SeverityOf(RoleEligibleRule.Code));
        Assert.Equal(0m, a[2].Reimbursable);
        Assert.Equal(Money.ToPence(CapRule.MaxForPeriod(40_159m, 1.0m, 31, 31)), a[3].MaxForPeriod);
        Assert.Contains("Social prescribing link worker", a.Outcome(3, RoleEligibleRule.Code)!.Explanation);
    }

    [Fact]
    public void PartlyWithinBaseline_ExplanationShowsTheAdditionalPart()
    {
        // A 0.5 WTE baseline post vacant since 1 April 2019: beyond the 3-month grace in November, so claimed WTE covers it first.
        var post = new BaselinePost(PublishedArrsSchedule.ClinicalPharmacist, 0.5m, VacantFrom: new DateOnly(2019, 4, 1));
        var a = Assess(Fy(2019), [Line(staff: "B", start: "2018-01-01", sequence: 1)], Context(baseline: post));

        var outcome = a.Outcome(0, AdditionalityRule.Code)!;
        Assert.Equal(RuleSeverity.Warn, outcome.Severity);
        Assert.Equal(
            "Partly within the baseline: 0.5 WTE of the PCN's 0.5 WTE Clinical pharmacist baseline has been vacant since 1 April 2019, 3 months or more before November 2019, and is not refilled, so claimed Clinical pharmacist staff cover it first: 0.0 + 1.0 WTE claimed, so only 0.5 WTE (50% of the line) is additional.",
            outcome.Explanation);
        Assert.Equal("0.5", outcome.Figures["additionalFraction"]);
        Assert.Equal("0.5", outcome.Figures["baselineWte"]);
        Assert.Equal(Money.ToPence(37_810m / 12m * 0.5m), a[0].Reimbursable);
        Assert.Equal(a[0].Reimbursable.ToString("0.00"), a.Outcome(0, EntitlementRule.Code)!.Figures["requested"]);
    }

    [Fact]
    public void RoleLimit_ExplanationCountsOnlyTheAdditionalPart()
    {
        // 2019/20 caps clinical pharmacists at 1 WTE below 100,000 patients. A 0.5 WTE baseline post vacant beyond grace: the first line counts 0.5.
        var post = new BaselinePost(PublishedArrsSchedule.ClinicalPharmacist, 0.5m, VacantFrom: new DateOnly(2019, 4, 1));
        var a = Assess(Fy(2019),
            [Line(staff: "B", start: "2018-01-01", sequence: 1), Line(staff: "N", sequence: 2), Line(staff: "M", sequence: 3)],
            Context(baseline: post));

        Assert.Contains("0.5 WTE claimed", a.Outcome(0, RoleLimitRule.Code)!.Explanation);
        Assert.Equal(RuleSeverity.Fail, a[1].SeverityOf(RoleLimitRule.Code));
        Assert.Contains("1.5 WTE claimed", a.Outcome(1, RoleLimitRule.Code)!.Explanation);
    }

    [Fact]
    public void SameFiguresWrittenWithDifferentScales_GiveTheirOwnExactResults()
    {
        // 1, 1.0 and 1.000 WTE are equal but not the same decimal: each line's figures are as if assessed alone.
        var wtes = new[] { 1m, 1.0m, 1.000m, 1m, 0.5m, 0.50m };
        var lines = wtes.Select((w, k) => Line("2024-06", staff: "W" + k, wte: w, salary: 9_000m, start: "2023-01-01", sequence: k + 1)).ToList();

        var together = Assess(Year, lines);

        for (var k = 0; k < lines.Count; k++)
        {
            var alone = Assess(Year, [lines[k]]);
            Assert.Equal(decimal.GetBits(alone[0].MaxForPeriod), decimal.GetBits(together[k].MaxForPeriod));
            Assert.Equal(decimal.GetBits(alone[0].Reimbursable), decimal.GetBits(together[k].Reimbursable));
            Assert.Equal(decimal.GetBits(alone[0].AllowedCost), decimal.GetBits(together[k].AllowedCost));
        }
    }

    [Fact]
    public void EmptyBatch_HasNoResults()
    {
        var a = ArrsAssessor.Assess([], Reference, new Dictionary<string, PcnYearContext>(), Year);

        Assert.Equal(0, a.Count);
        Assert.All(a.CountByRule().Values, counts => Assert.Equal((0, 0, 0), counts));
    }

    /// <summary>Everything a line's result says, as text, so two assessments can be compared line by line.</summary>
    private static string Describe(ArrsAssessment a, int i)
    {
        ref readonly var r = ref a[i];
        var figures = $"{r.ClaimedCost}|{r.AllowedCost}|{r.AnnualMaximum}|{r.MaxForPeriod}|{r.Rate}|{r.Reimbursable}|{r.DaysInPost}/{r.DaysInMonth}|{r.Status}";
        var outcomes = a.Outcomes(i).Select(o => $"{o.Code} {o.Severity} {o.Explanation} {string.Join(",", o.Figures.Select(f => f.Key + "=" + f.Value))}");
        return figures + "\n" + string.Join("\n", outcomes);
    }

    /// <summary>
    /// Three PCNs over a year: baselines with a named post, a part post and a vacancy; a person shared between two
    /// PCNs; part-month starters and leavers; a third-party fee; one PCN with an ARR Sum that runs out. No two lines
    /// share a person and month in one PCN, so no explanation refers to another line by position.
    /// </summary>
    private static (List<ClaimLineInput> Lines, Dictionary<string, PcnYearContext> Contexts) MixedYear()
    {
        var contexts = new Dictionary<string, PcnYearContext>(StringComparer.Ordinal)
        {
            ["U00001"] = Context("U00001", arrSum: null, population: 60_000, baseline:
                [new BaselinePost(PublishedArrsSchedule.ClinicalPharmacist, 1.0m, "U00001-S0"), new BaselinePost(PublishedArrsSchedule.Splw, 0.5m, VacantFrom: new DateOnly(2024, 7, 1))]),
            ["U00002"] = Context("U00002", arrSum: 60_000m, population: 45_000, tier: AreaTier.InnerLondon, baseline:
                [new BaselinePost(PublishedArrsSchedule.ClinicalPharmacist, 0.5m)]),
            ["U00003"] = Context("U00003", arrSum: null, population: 120_000, tier: AreaTier.OuterLondon),
        };
        string[] roles =
        [
            PublishedArrsSchedule.ClinicalPharmacist, PublishedArrsSchedule.Splw, PublishedArrsSchedule.CareCoordinator,
            PublishedArrsSchedule.EnhancedPracticeNurse, PublishedArrsSchedule.Gp, PublishedArrsSchedule.MentalHealthPractitioner,
        ];
        var lines = new List<ClaimLineInput>();
        long sequence = 0;
        for (var m = 0; m < 12; m++)
        {
            var month = Year.FirstDay.AddMonths(m).ToString("yyyy-MM");
            foreach (var pcn in contexts.Keys)
            {
                for (var s = 0; s < 7; s++)
                {
                    var start = s == 3 ? Year.FirstDay.AddMonths(m).AddDays(9).ToString("yyyy-MM-dd") : "2023-01-01";
                    string? end = s == 4 && m == 8 ? "2024-12-20" : null;
                    lines.Add(Line(
                        month,
                        role: roles[(s + m / 6) % roles.Length],
                        wte: s % 3 == 0 ? 0.6m : 1.0m,
                        salary: 2_900m + (s * 211.5m),
                        fee: s == 1 ? 180m : 0m,
                        thirdPartySplw: s == 1,
                        pcn: pcn,
                        staff: pcn + "-S" + s,
                        start: start,
                        end: end,
                        sequence: ++sequence));
                }

                if (pcn != "U00003")
                {
                    lines.Add(Line(month, role: PublishedArrsSchedule.CareCoordinator, wte: 0.6m, salary: 2_500m, pcn: pcn, staff: "SHARED", start: "2023-01-01", sequence: ++sequence));
                }
            }
        }

        return (lines, contexts);
    }
}
