using PcnPortal.Domain.Arrs;
using PcnPortal.Domain.Arrs.Engine;
using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Tests.Arrs;

/// <summary>
/// The fast engine (<see cref="ArrsAssessor"/>) against the plain reference (<see cref="ReferenceArrsAssessor"/>) on
/// generated batches: every figure (bit for bit, so with its decimal scale), every check and reason, every
/// explanation with its figures, and each PCN's ARR Sum and total paid must be the same.
/// </summary>
public class ArrsAssessorMatchesReferenceTests
{
    private static readonly ArrsReferenceData Reference = PublishedArrsSchedule.Create();

    private static readonly string[] Roles = [.. Reference.Roles.Select(r => r.Code), "NOT_A_ROLE"];

    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        for (var seed = 1; seed <= 200; seed++)
        {
            seeds.Add(seed);
        }

        return seeds;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void GeneratedBatch_EngineGivesTheReferenceResult(int seed)
    {
        var (lines, contexts, year) = GenerateBatch(new Random(seed));

        var engine = ArrsAssessor.Assess(lines, Reference, contexts, year);
        var reference = ReferenceArrsAssessor.Assess(lines, Reference, contexts, year);

        Assert.Equal(lines.Count, engine.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            Assert.Equal(Describe(reference.Lines[i], reference.Outcomes[i]), Describe(engine[i], engine.Outcomes(i)));
        }

        foreach (var pcn in reference.ArrSum.Keys)
        {
            Assert.Equal(decimal.GetBits(reference.ArrSum[pcn]), decimal.GetBits(engine.ArrSumFor(pcn)));
            Assert.Equal(decimal.GetBits(reference.Paid[pcn]), decimal.GetBits(engine.ReimbursableFor(pcn)));
        }
    }

    [Fact]
    public void GeneratedBatches_ExerciseEveryRuleOutcome()
    {
        // The comparison above proves little unless the batches reach every rule's pass, warn and fail.
        var seen = new HashSet<string>();
        for (var seed = 1; seed <= 200; seed++)
        {
            var (lines, contexts, year) = GenerateBatch(new Random(seed));
            var a = ArrsAssessor.Assess(lines, Reference, contexts, year);
            for (var i = 0; i < a.Count; i++)
            {
                foreach (var code in ArrsAssessment.RuleCodes)
                {
                    seen.Add($"{code} {a[i].CheckFor(code).State} {a[i].CheckFor(code).Reason}");
                }
            }
        }

        string[] expected =
        [
            "ARRS-ROLE-ELIGIBLE Fail 1", "ARRS-ROLE-ELIGIBLE Fail 2", "ARRS-PERIOD Pass 1", "ARRS-PERIOD Fail 2", "ARRS-PERIOD Fail 3",
            "ARRS-PERIOD Fail 4", "ARRS-WTE Fail 1", "ARRS-WTE Warn 2", "ARRS-DUPLICATE Fail 1", "ARRS-RATE Fail 1", "ARRS-FEE Pass 0",
            "ARRS-FEE Warn 1", "ARRS-FEE Warn 2", "ARRS-CAP Warn 1", "ARRS-CAP Fail 2", "ARRS-ADDITIONALITY Pass 1",
            "ARRS-ADDITIONALITY Pass 2", "ARRS-ADDITIONALITY Warn 3", "ARRS-ADDITIONALITY Fail 4", "ARRS-ADDITIONALITY Fail 5",
            "ARRS-ADDITIONALITY Fail 6", "ARRS-ROLE-LIMIT Pass 0", "ARRS-ROLE-LIMIT Fail 1", "ARRS-ENTITLEMENT Pass 0",
            "ARRS-ENTITLEMENT Warn 1", "ARRS-ENTITLEMENT Fail 2", "ARRS-ENTITLEMENT Fail 3",
        ];
        Assert.Empty(expected.Except(seen));
    }

    /// <summary>Everything a line's result says: figures with their decimal scale, checks with reasons, explanations with figures.</summary>
    private static string Describe(in ArrsLineResult r, IReadOnlyList<RuleOutcome> outcomes)
    {
        static string Exact(decimal value) => $"{value}[{string.Join(",", decimal.GetBits(value))}]";
        var figures = string.Join(" | ", Exact(r.ClaimedCost), Exact(r.AllowedCost), Exact(r.AnnualMaximum), Exact(r.MaxForPeriod), Exact(r.Rate), Exact(r.Reimbursable), $"{r.DaysInPost}/{r.DaysInMonth}", r.Status, r.LineIndex);
        var line = r;
        var checks = string.Join(" ", ArrsAssessment.RuleCodes.Select(code => $"{code}={line.CheckFor(code).State}/{line.CheckFor(code).Reason}"));
        var explained = outcomes.Select(o => $"{o.Code} {o.Severity}: {o.Explanation} {{{string.Join(", ", o.Figures.Select(f => f.Key + "=" + f.Value))}}}");
        return string.Join("\n", [figures, checks, .. explained]);
    }

    /// <summary>
    /// A batch of one to four PCNs (national, outer or inner London; populations either side of the role-limit
    /// threshold; a calculated, generous or tight ARR Sum; no usable population, or an older one; one without a context), baselines with named posts and
    /// vacancies within and beyond grace, some refilled; staff in every role (and an unknown one) with varied WTE (some
    /// written with more decimal places, some out of range), part months, leavers, dates the wrong way round,
    /// third-party fees, transferred pharmacists, people shared between PCNs through their staff reference, repeated
    /// lines, lines outside the year; either month after month in submission order, or shuffled with ties in submission order.
    /// </summary>
    internal static (List<ClaimLineInput> Lines, Dictionary<string, PcnYearContext> Contexts, FinancialYear Year) GenerateBatch(Random random)
    {
        var year = new FinancialYear(2019 + random.Next(0, 7));
        T Pick<T>(params T[] items) => items[random.Next(items.Length)];
        DateOnly Day(int fromMonth, int toMonth) => year.FirstDay.AddMonths(random.Next(fromMonth, toMonth)).AddDays(random.Next(0, 28));
        var pcns = Enumerable.Range(0, random.Next(1, 5)).Select(p => "U" + (10 + p).ToString("00000")).ToList();
        var contexts = new Dictionary<string, PcnYearContext>(StringComparer.Ordinal);
        foreach (var pcn in pcns.Where(_ => random.Next(8) > 0))
        {
            var baseline = Enumerable.Range(0, random.Next(0, 5)).Select(_ => new BaselinePost(
                Pick(PublishedArrsSchedule.ClinicalPharmacist, PublishedArrsSchedule.Splw, Pick(Roles)),
                Pick(0.5m, 1.0m, 0.60m, 1m, 0.25m),
                random.Next(3) == 0 ? pcn + "-S" + random.Next(0, 6) : null,
                random.Next(3) == 0 ? Day(-6, 12) : null,
                random.Next(4) == 0 ? Day(0, 12) : null)).ToList();
            contexts[pcn] = new PcnYearContext
            {
                PcnCode = pcn,
                WeightedPopulation = Pick(0, 45_000, 99_999, 100_000, 160_000),
                AreaTier = Pick(AreaTier.National, AreaTier.OuterLondon, AreaTier.InnerLondon),
                ArrSum = Pick<decimal?>(null, 1_000_000m, 20_000m, 3_500.50m),
                Baseline = baseline,
                GpSum = Pick<decimal?>(null, null, 5_000m),
                PopulationMissing = random.Next(10) == 0 ? $"No usable population for {pcn}: load list sizes." : null,
                PopulationNote = random.Next(5) == 0 ? "list sizes as at 1 January 2019 used for 1 of 2 practices: none held for 1 January 2020" : "",
            };
        }

        var lines = new List<ClaimLineInput>();
        foreach (var pcn in pcns)
        {
            for (var s = 0; s < random.Next(2, 9); s++)
            {
                var staff = random.Next(6) == 0 ? "SHARED-" + random.Next(0, 2) : pcn + "-S" + s;
                var role = random.Next(5) == 0 ? Pick(Roles) : Pick(PublishedArrsSchedule.ClinicalPharmacist, PublishedArrsSchedule.Splw, PublishedArrsSchedule.CareCoordinator);
                if (year.StartYear == 2024 && s % 3 == 0)
                {
                    role = PublishedArrsSchedule.Gp; // the ring-fenced GP sum's year
                }

                var wte = random.Next(12) == 0 ? Pick(0m, 1.2m, -0.5m) : Pick(1.0m, 1m, 0.6m, 0.60m, 0.5m, 0.4m, 0.333m);
                var start = random.Next(3) == 0 ? Day(0, 12) : Day(-30, 0);
                DateOnly? end = random.Next(5) == 0 ? (random.Next(6) == 0 ? start.AddDays(-3) : Day(0, 12)) : null;
                var salary = Math.Round(1_500m + ((decimal)random.NextDouble() * 4_500m), random.Next(0, 3));
                var fee = random.Next(6) == 0 ? Pick(50m, 180m, 900m) : 0m;
                var first = random.Next(-1, 12);
                for (var m = first; m < Math.Min(12, first + random.Next(1, 13)); m++)
                {
                    var copies = random.Next(15) == 0 ? 2 : 1;
                    for (var c = 0; c < copies; c++)
                    {
                        lines.Add(new ClaimLineInput(
                            pcn, staff, "Staff " + staff, role, year.FirstDay.AddMonths(m), wte, start, end, salary, Math.Round(salary * 0.138m, 2),
                            Math.Round(salary * 0.1438m, 2), Pick(0m, 25m), fee, random.Next(0, 40), random.Next(8) == 0, fee > 0 && random.Next(3) > 0));
                    }
                }
            }
        }

        if (random.Next(2) == 0)
        {
            // As a claims file usually comes: month after month in submission order (the engine then need not sort).
            long sequence = 0;
            return ([.. lines.OrderBy(l => l.Month).Select(l => l with { Sequence = ++sequence })], contexts, year);
        }

        return ([.. lines.OrderBy(_ => random.Next())], contexts, year);
    }
}
