using PcnPortal.Domain.Arrs;
using PcnPortal.Domain.Arrs.Rules;
using PcnPortal.Domain.Common;
using static PcnPortal.Domain.Tests.Arrs.ArrsTestData;

namespace PcnPortal.Domain.Tests.Arrs;

/// <summary>
/// London weighting, hand-worked for 2022/23. Source: BMA, "Primary care network funding" (inner London clinical pharmacist
/// £68,768 in 2022; national £59,312 from 1 October 2022, NHS England letter 26 Sep 2022). No outer London figure for 2022 is
/// held, so an outer London PCN is paid at the national maximum (ArrsReferenceData.RateInForce).
/// </summary>
public class ArrsLondonTests
{
    [Theory]
    // tier, expected maximum for November 2022 (annual ÷ 12), reimbursable for a £7,000 month (capped)
    [InlineData(AreaTier.InnerLondon, "5730.67")] // £68,768 ÷ 12
    [InlineData(AreaTier.OuterLondon, "4942.67")] // £59,312 ÷ 12: no outer London figure held, national applies
    [InlineData(AreaTier.National, "4942.67")]
    public void ClinicalPharmacist_November2022_ByAreaTier(AreaTier tier, string expected)
    {
        var a = Assess(Fy(2022), [Line("2022-11", start: "2022-01-01", salary: 7_000m, ni: 0m, pension: 0m)], Context(tier: tier));

        Assert.Equal(decimal.Parse(expected), a[0].MaxForPeriod);
        Assert.Equal(decimal.Parse(expected), a[0].Reimbursable);
        Assert.Equal(RuleSeverity.Warn, a[0].SeverityOf(CapRule.Code));
    }

    [Fact]
    public void InnerLondon_BeforeTheOctober2022Figure_UsesTheNationalMaximum()
    {
        // September 2022: only the national £57,318 is held (the inner London £68,768 applies from 1 October 2022).
        var a = Assess(Fy(2022), [Line("2022-09", start: "2022-01-01", salary: 7_000m, ni: 0m, pension: 0m)], Context(tier: AreaTier.InnerLondon));

        Assert.Equal(4_776.50m, a[0].Reimbursable);
    }

    [Theory]
    // Mental health practitioner caps: 1 / 2 WTE (2021/22, GM Training Hub), 2 / 4 (2022/23, Management in Practice 4 Apr 2022),
    // none from April 2023 (NCL Training Hub; Capsticks; Management in Practice 8 Mar 2023; PKF Francis Clark).
    [InlineData(2021, 1)]
    [InlineData(2022, 2)]
    [InlineData(2023, null)]
    [InlineData(2025, null)]
    public void MentalHealthPractitionerCap_RemovedFromApril2023(int year, int? capBelowThreshold)
    {
        var limit = Reference.RoleLimitFor(PublishedArrsSchedule.MentalHealthPractitioner, Fy(year));

        Assert.Equal(capBelowThreshold, (int?)limit?.CapFor(50_000));
    }

    [Fact]
    public void RoleLimit_Explanation_SaysThePopulationBasisIsUnconfirmed()
    {
        var lines = Enumerable.Range(1, 2).Select(k => Line("2022-11", role: "ADVANCED_PRACTITIONER", staff: "R" + k, start: "2022-10-01", sequence: k)).ToList();

        var a = Assess(Fy(2022), lines, Context(population: 99_999));

        Assert.Contains("99,999 weighted patients compared with the threshold; whether the DES means registered or weighted patients is not confirmed", a.Outcome(0, RoleLimitRule.Code)!.Explanation);
    }
}
