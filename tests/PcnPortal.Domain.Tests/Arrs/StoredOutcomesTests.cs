using PcnPortal.Domain.Arrs;
using PcnPortal.Domain.Arrs.Engine;
using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Tests.Arrs;

/// <summary>
/// Outcome equivalence (docs/decisions/0014-compact-claim-outcomes.md): what is stored of a line's assessment (its checks
/// and running totals, as the text the database holds) written out again by <see cref="ArrsOutcomeExplainer"/> gives the
/// same codes, severities, explanations and figures as the engine's own <see cref="ArrsAssessment.Outcomes"/>, on the
/// generated batches that reach every rule outcome and on every case of the ARRS tests (<see cref="ArrsTestData.Assess"/>
/// checks each assessment it makes).
/// </summary>
public class StoredOutcomesTests
{
    private static readonly ArrsReferenceData Reference = PublishedArrsSchedule.Create();

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
    public void GeneratedBatch_OutcomesWrittenAgainFromTheStoredFormAreTheEngines(int seed)
    {
        var (lines, contexts, year) = ArrsAssessorMatchesReferenceTests.GenerateBatch(new Random(seed));

        var assessment = ArrsAssessor.Assess(lines, Reference, contexts, year);

        AssertRebuiltIdentically(assessment, Reference, contexts);
    }

    [Fact]
    public void StoredChecks_NameEachRulesStateAndReason()
    {
        var year = ArrsTestData.Fy(2019);
        var line = ArrsTestData.Line(wte: 1.2m);

        var stored = ArrsTestData.Assess(year, [line]).Stored(0);

        Assert.Equal(ArrsStoredAssessment.ChecksLength, stored.Checks.Length);
        Assert.Equal(RuleSeverity.Fail, ArrsStoredAssessment.SeverityOf(stored.Checks, "ARRS-WTE"));
        Assert.Equal(RuleSeverity.Pass, ArrsStoredAssessment.SeverityOf(stored.Checks, "ARRS-ROLE-ELIGIBLE"));
        Assert.Null(ArrsStoredAssessment.SeverityOf(stored.Checks, "ARRS-ENTITLEMENT")); // a failed line takes nothing from the ARR Sum
        Assert.Equal(["ARRS-WTE"], ArrsStoredAssessment.CodesWith(stored.Checks, RuleSeverity.Fail));
        Assert.Equal('F', stored.Checks[ArrsStoredAssessment.StateOffset("ARRS-WTE")]);
    }

    [Fact]
    public void StoredTotals_KeepEachFiguresScale()
    {
        var stored = new ArrsStoredAssessment(new string('-', 20), 1.0000m, 0m, 1234.50m, 7);

        var back = ArrsStoredAssessment.Parse(stored.Checks, stored.Totals);

        Assert.Equal("1.0000;0;1234.50;7", stored.Totals);
        Assert.Equal(decimal.GetBits(1234.50m), decimal.GetBits(back.EntitlementUsedBefore));
        Assert.Equal(stored, back);
    }

    /// <summary>Each line's outcomes, written again from its stored form (round-tripped through text), equal the engine's.</summary>
    internal static void AssertRebuiltIdentically(ArrsAssessment assessment, ArrsReferenceData reference, IReadOnlyDictionary<string, PcnYearContext> contexts)
    {
        var explainer = new ArrsOutcomeExplainer(reference, assessment.Year);
        for (var i = 0; i < assessment.Count; i++)
        {
            var line = assessment.Lines[i];
            var stored = assessment.Stored(i);
            var read = ArrsStoredAssessment.Parse(stored.Checks, stored.Totals);
            var expected = assessment.Outcomes(i);

            var rebuilt = explainer.Explain(line, assessment[i].Reimbursable, read, contexts.GetValueOrDefault(line.PcnCode));

            Assert.Equal(Text(expected), Text(rebuilt));
        }
    }

    private static string Text(IReadOnlyList<RuleOutcome> outcomes) => string.Join(
        "\n",
        outcomes.Select(o => $"{o.Code} {o.Severity} {o.Explanation} [{string.Join(", ", o.Figures.Select(f => $"{f.Key}={f.Value}"))}]"));
}
