using System.Globalization;
using PcnPortal.Domain.Arrs;
using PcnPortal.Domain.Arrs.Rules;
using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Tests.Arrs;

public class PublishedArrsScheduleTests
{
    [Fact]
    public void Roles_AreTheTwentyContractCodes()
    {
        string[] contract =
        [
            "CLINICAL_PHARMACIST", "SPLW", "FCP_PHYSIO", "PHYSICIAN_ASSOCIATE", "PARAMEDIC", "PHARMACY_TECHNICIAN",
            "CARE_COORDINATOR", "HEALTH_WELLBEING_COACH", "DIETITIAN", "PODIATRIST", "OCCUPATIONAL_THERAPIST",
            "NURSING_ASSOCIATE", "TRAINEE_NURSING_ASSOCIATE", "ADVANCED_PRACTITIONER", "MENTAL_HEALTH_PRACTITIONER",
            "GP_ASSISTANT", "DIGITAL_TRANSFORMATION_LEAD", "APPRENTICE_PHYSICIAN_ASSOCIATE", "ENHANCED_PRACTICE_NURSE", "GP",
        ];

        Assert.Equal(contract.Order(), PublishedArrsSchedule.Roles().Select(r => r.Code).Order());
    }

    [Theory]
    [InlineData("CLINICAL_PHARMACIST", AreaTier.National, "2019-07-01", "0.70", "37810")]
    [InlineData("SPLW", AreaTier.National, "2019-12-01", "1.00", "34113")]
    [InlineData("CLINICAL_PHARMACIST", AreaTier.National, "2020-04-01", "1.00", "55670")]
    [InlineData("CLINICAL_PHARMACIST", AreaTier.National, "2021-06-01", "1.00", "55670")] // carried forward
    [InlineData("CLINICAL_PHARMACIST", AreaTier.National, "2022-09-01", "1.00", "57318")]
    [InlineData("CLINICAL_PHARMACIST", AreaTier.National, "2022-10-01", "1.00", "59312")]
    [InlineData("CLINICAL_PHARMACIST", AreaTier.National, "2023-06-01", "1.00", "59312")]
    [InlineData("CLINICAL_PHARMACIST", AreaTier.National, "2023-07-01", "1.00", "62340")]
    [InlineData("CLINICAL_PHARMACIST", AreaTier.National, "2024-10-01", "1.00", "65838")]
    [InlineData("CLINICAL_PHARMACIST", AreaTier.OuterLondon, "2024-10-01", "1.00", "73189")]
    [InlineData("CLINICAL_PHARMACIST", AreaTier.InnerLondon, "2025-05-01", "1.00", "76313")]
    [InlineData("CLINICAL_PHARMACIST", AreaTier.InnerLondon, "2022-11-01", "1.00", "68768")] // C+D 13 Oct 2022: inner London £68,768
    [InlineData("CLINICAL_PHARMACIST", AreaTier.InnerLondon, "2024-09-01", "1.00", "68768")] // inner London carried forward (above national £62,340)
    [InlineData("CLINICAL_PHARMACIST", AreaTier.OuterLondon, "2022-11-01", "1.00", "59312")] // no outer London figure held: national
    [InlineData("SPLW", AreaTier.National, "2020-04-01", "1.00", "35389")] // GM Training Hub: £35,389 from April 2020
    [InlineData("SPLW", AreaTier.National, "2023-04-01", "1.00", "38187")] // MiP 14 Jun 2023: £38,187 until the 1 Jul 2023 uplift
    [InlineData("SPLW", AreaTier.National, "2023-07-01", "1.00", "40159")] // MiP 14 Jun 2023: £40,159 from 1 Jul 2023
    [InlineData("GP", AreaTier.InnerLondon, "2024-11-01", "1.00", "95233")]
    public void RateInForce(string role, AreaTier tier, string date, string rate, string maximum)
    {
        var entry = ArrsTestData.Reference.RateInForce(role, tier, DateOnly.Parse(date));

        Assert.NotNull(entry);
        Assert.Equal(decimal.Parse(rate), entry.ReimbursementRate);
        Assert.Equal(decimal.Parse(maximum), entry.MaxReimbursablePerWteYear);
    }

    [Fact]
    public void MentalHealthPractitioner_IsHalfRate_WithNoRecordedMaximum()
    {
        var entry = ArrsTestData.Reference.RateInForce("MENTAL_HEALTH_PRACTITIONER", AreaTier.National, new DateOnly(2022, 1, 1));

        Assert.Equal(0.50m, entry!.ReimbursementRate);
        Assert.Null(entry.MaxReimbursablePerWteYear);
    }
}

/// <summary>
/// Issue #14 corrections: each figure with the source it comes from (docs/arrs-reference-figures.md), its status, and
/// the date it takes effect. Statuses: every seeded figure is published, reported, unverified or carried forward.
/// </summary>
public class PublishedArrsFigureCorrectionTests
{
    [Theory]
    // SPLW and care coordinator uplifts take effect 1 July 2023, not 1 April (MiP 14 Jun 2023, table "Source: NHS England").
    [InlineData("SPLW", AreaTier.National, "2023-06-30", "38187", FigureStatus.CarriedForward)]
    [InlineData("SPLW", AreaTier.National, "2023-07-01", "40159", FigureStatus.ReportedSecondary)]
    [InlineData("CARE_COORDINATOR", AreaTier.National, "2023-06-01", "31746", FigureStatus.CarriedForward)]
    [InlineData("CARE_COORDINATOR", AreaTier.National, "2023-07-01", "33396", FigureStatus.ReportedSecondary)]
    [InlineData("CARE_COORDINATOR", AreaTier.National, "2022-10-01", "31746", FigureStatus.ReportedSecondary)]
    [InlineData("CARE_COORDINATOR", AreaTier.National, "2021-05-01", "29726", FigureStatus.ReportedSecondary)] // BMA 10 May 2021
    // SPLW £35,389 from April 2020 (GM Training Hub "Social Prescriber"), not £34,113 carried forward.
    [InlineData("SPLW", AreaTier.National, "2020-06-01", "35389", FigureStatus.ReportedSecondary)]
    [InlineData("SPLW", AreaTier.National, "2022-05-01", "36428", FigureStatus.ReportedSecondary)] // MiP 17 Feb 2023
    // Advanced practitioner £72,141 from 1 October 2024 (The Pharmacist, Sep 2024), not 1 April; London tiers.
    [InlineData("ADVANCED_PRACTITIONER", AreaTier.National, "2024-09-01", "62705", FigureStatus.CarriedForward)]
    [InlineData("ADVANCED_PRACTITIONER", AreaTier.National, "2024-10-01", "72141", FigureStatus.ReportedSecondary)]
    [InlineData("ADVANCED_PRACTITIONER", AreaTier.OuterLondon, "2024-10-01", "79492", FigureStatus.ReportedSecondary)]
    [InlineData("ADVANCED_PRACTITIONER", AreaTier.InnerLondon, "2024-10-01", "82616", FigureStatus.ReportedSecondary)]
    // Pharmacy technician (no rows before): C+D 7 Feb 2020 £35,389; MiP 14 Jun 2023 £38,187 → £40,159; The Pharmacist Sep 2024.
    [InlineData("PHARMACY_TECHNICIAN", AreaTier.National, "2020-04-01", "35389", FigureStatus.ReportedSecondary)]
    [InlineData("PHARMACY_TECHNICIAN", AreaTier.National, "2021-04-01", "35389", FigureStatus.CarriedForward)]
    [InlineData("PHARMACY_TECHNICIAN", AreaTier.National, "2022-10-01", "38187", FigureStatus.ReportedSecondary)]
    [InlineData("PHARMACY_TECHNICIAN", AreaTier.National, "2023-07-01", "40159", FigureStatus.ReportedSecondary)]
    [InlineData("PHARMACY_TECHNICIAN", AreaTier.National, "2024-10-01", "42437", FigureStatus.ReportedSecondary)]
    [InlineData("PHARMACY_TECHNICIAN", AreaTier.OuterLondon, "2024-10-01", "48991", FigureStatus.ReportedSecondary)]
    [InlineData("PHARMACY_TECHNICIAN", AreaTier.InnerLondon, "2024-10-01", "51176", FigureStatus.ReportedSecondary)]
    // GP £105,882 for 2025/26 (Humberside LMC, Mar 2025); 2026/27 carried forward.
    [InlineData("GP", AreaTier.National, "2025-04-01", "105882", FigureStatus.ReportedSecondary)]
    [InlineData("GP", AreaTier.National, "2026-04-01", "105882", FigureStatus.CarriedForward)]
    // No figure found for the 1 Oct 2024 uplift of SPLW: an explicit carried-forward row on that date.
    [InlineData("SPLW", AreaTier.National, "2024-10-01", "40159", FigureStatus.CarriedForward)]
    public void Maximum_EffectiveDate_AndStatus(string role, AreaTier tier, string date, string maximum, FigureStatus status)
    {
        var entry = ArrsTestData.Reference.RateInForce(role, tier, DateOnly.Parse(date, CultureInfo.InvariantCulture));

        Assert.NotNull(entry);
        Assert.Equal(decimal.Parse(maximum, CultureInfo.InvariantCulture), entry.MaxReimbursablePerWteYear);
        Assert.Equal(status, entry.Status);
        Assert.False(string.IsNullOrWhiteSpace(entry.Source));
    }

    [Fact]
    public void CarriedForwardRows_NameTheDateTheyRepeat()
    {
        var entry = ArrsTestData.Reference.RateInForce("CLINICAL_PHARMACIST", AreaTier.National, new DateOnly(2026, 6, 1))!;

        Assert.Equal(FigureStatus.CarriedForward, entry.Status);
        Assert.Equal(new DateOnly(2024, 10, 1), entry.CarriedForwardFrom);
        Assert.Equal("carried forward from 1 October 2024: no published figure for June 2026 held", RateRule.StatusOf(entry, new DateOnly(2026, 6, 1)));
    }

    [Theory]
    [InlineData("PHYSICIAN_ASSOCIATE", "2021-05-01")]
    [InlineData("PARAMEDIC", "2022-05-01")]
    [InlineData("HEALTH_WELLBEING_COACH", "2020-05-01")]
    [InlineData("DIETITIAN", "2023-05-01")]
    [InlineData("PODIATRIST", "2023-05-01")]
    [InlineData("OCCUPATIONAL_THERAPIST", "2023-05-01")]
    [InlineData("GP_ASSISTANT", "2023-05-01")]
    [InlineData("DIGITAL_TRANSFORMATION_LEAD", "2023-05-01")]
    [InlineData("APPRENTICE_PHYSICIAN_ASSOCIATE", "2023-05-01")]
    [InlineData("ENHANCED_PRACTICE_NURSE", "2024-05-01")]
    [InlineData("MENTAL_HEALTH_PRACTITIONER", "2024-05-01")]
    public void RolesWithNoMaximumFound_HaveARate_AndNoMaximum(string role, string date)
    {
        var entry = ArrsTestData.Reference.RateInForce(role, AreaTier.National, DateOnly.Parse(date, CultureInfo.InvariantCulture));

        Assert.NotNull(entry);
        Assert.Null(entry.MaxReimbursablePerWteYear);
        Assert.Contains("maximum found", entry.Source, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void RoleWithNoMaximum_IsAssessed_AndPaysNothing_SayingWhy()
    {
        var a = ArrsTestData.Assess(new FinancialYear(2022), [ArrsTestData.Line("2022-06", role: "PARAMEDIC", start: "2022-04-01")]);

        Assert.Equal(0m, a[0].Reimbursable);
        var cap = a.Outcome(0, CapRule.Code)!;
        Assert.Equal(RuleSeverity.Fail, cap.Severity);
        Assert.StartsWith("£0: no published maximum held for Paramedic in June 2022", cap.Explanation, StringComparison.Ordinal);
        Assert.Equal(RuleSeverity.Pass, a.Outcome(0, RateRule.Code)!.Severity);
    }

    [Theory]
    // ARR Sum per weighted patient: MiP 4 Apr 2022 (rounded), NEL ICB 2023/24, Pulse 27 Sep 2024, Pulse 28 Mar 2025.
    [InlineData(2020, "7.131", "0", FigureStatus.Unverified, false)]
    [InlineData(2021, "12.30", "0", FigureStatus.ReportedSecondary, true)]
    [InlineData(2022, "16.70", "0", FigureStatus.ReportedSecondary, true)]
    [InlineData(2023, "22.671", "0", FigureStatus.ReportedSecondary, false)]
    [InlineData(2024, "22.894", "1.303", FigureStatus.ReportedSecondary, false)]
    [InlineData(2025, "26.631", "0", FigureStatus.ReportedSecondary, false)]
    [InlineData(2026, "26.631", "0", FigureStatus.CarriedForward, false)]
    public void ArrSumRate_ByYear(int year, string rate, string gpRate, FigureStatus status, bool rounded)
    {
        var method = ArrsTestData.Reference.ArrSumMethodFor(new FinancialYear(year))!;

        Assert.Equal(year, method.FinancialYearStart);
        Assert.Equal(decimal.Parse(rate, CultureInfo.InvariantCulture), method.RatePerWeightedPatient);
        Assert.Equal(decimal.Parse(gpRate, CultureInfo.InvariantCulture), method.GpRatePerWeightedPatient);
        Assert.Equal(status, method.Status);
        Assert.Equal(rounded, method.Rounded);
    }

    [Fact]
    public void ArrSum_Explanation_CarriesTheRateStatus()
    {
        var rounded = ArrSum.Calculate(ArrsTestData.Reference, new FinancialYear(2021), 50_000);
        var carried = ArrSum.Calculate(ArrsTestData.Reference, new FinancialYear(2026), 50_000);

        Assert.Contains("(rounded figure only; reported (secondary source))", rounded.Explanation, StringComparison.Ordinal);
        Assert.Equal(615_000m, rounded.Amount);
        Assert.Contains("(carried forward from 2025/26: no published figure for 2026/27 held)", carried.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    // Mental health practitioner caps removed from April 2023 (NCL Training Hub; Wessex LMCs; PKF Francis Clark 2023/24).
    [InlineData("MENTAL_HEALTH_PRACTITIONER", 2021, "1", "2")]
    [InlineData("MENTAL_HEALTH_PRACTITIONER", 2022, "2", "4")]
    [InlineData("MENTAL_HEALTH_PRACTITIONER", 2023, null, null)]
    [InlineData("MENTAL_HEALTH_PRACTITIONER", 2025, null, null)]
    // Advanced practitioners: BOB careers 1 (2021/22); NCLTH 2/3 and 3/6; Pulse Mar 2024 none from 2024/25.
    [InlineData("ADVANCED_PRACTITIONER", 2021, "1", "1")]
    [InlineData("ADVANCED_PRACTITIONER", 2022, "2", "3")]
    [InlineData("ADVANCED_PRACTITIONER", 2023, "3", "6")]
    [InlineData("ADVANCED_PRACTITIONER", 2024, null, null)]
    // Pharmacy technician 1/2 in 2020/21 (C+D 7 Feb 2020), removed April 2021 (Pharmacy Magazine Jan 2021).
    [InlineData("PHARMACY_TECHNICIAN", 2020, "1", "2")]
    [InlineData("PHARMACY_TECHNICIAN", 2021, null, null)]
    // Digital and transformation lead 1 per PCN (Pulse Oct 2022); enhanced practice nurse 1/2 (Pulse Mar 2024); no caps 2025/26.
    [InlineData("DIGITAL_TRANSFORMATION_LEAD", 2023, "1", "1")]
    [InlineData("ENHANCED_PRACTICE_NURSE", 2024, "1", "2")]
    [InlineData("ENHANCED_PRACTICE_NURSE", 2025, null, null)]
    [InlineData("DIGITAL_TRANSFORMATION_LEAD", 2025, null, null)]
    public void RoleLimits_ByYear(string role, int year, string? below, string? atOrAbove)
    {
        var limit = ArrsTestData.Reference.RoleLimitFor(role, new FinancialYear(year));

        Assert.Equal(below is null ? null : decimal.Parse(below, CultureInfo.InvariantCulture), limit?.MaxWte);
        Assert.Equal(atOrAbove is null ? null : decimal.Parse(atOrAbove, CultureInfo.InvariantCulture), limit?.MaxWteAtOrAboveThreshold);
    }

    [Fact]
    public void EveryFigure_HasACitation_AndNoInternalNotes()
    {
        var sources = PublishedArrsSchedule.Rates().Select(r => r.Source)
            .Concat(PublishedArrsSchedule.ArrSumMethods().Select(m => m.Source))
            .Concat(PublishedArrsSchedule.RoleLimits().Select(l => l.Source))
            .Concat(PublishedArrsSchedule.Roles().Select(r => r.Source))
            .ToList();

        Assert.All(sources, s =>
        {
            Assert.False(string.IsNullOrWhiteSpace(s));
            Assert.DoesNotContain("domain.md", s, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("seed 000", s, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("[check]", s, StringComparison.Ordinal);
            Assert.True(s.Length <= 1000, s);
        });
    }

    [Fact]
    public void EveryRole_HasARateRow_FromItsStart()
    {
        foreach (var role in PublishedArrsSchedule.Roles())
        {
            Assert.NotNull(ArrsTestData.Reference.RateInForce(role.Code, AreaTier.National, role.ReimbursableFrom));
        }
    }

    [Theory]
    // Hand-worked: a clinical pharmacist, 1.0 WTE, November 2022, £6,000 a month. Inner London maximum £68,768 from
    // 1 Oct 2022 (C+D 13 Oct 2022): cap £68,768 / 12 = £5,730.67. No outer London figure held: national £59,312 / 12 = £4,942.67.
    [InlineData(AreaTier.InnerLondon, "5730.67", "inner London schedule from 1 October 2022, maximum £68,768 per WTE a year")]
    [InlineData(AreaTier.OuterLondon, "4942.67", "national schedule from 1 October 2022, maximum £59,312 per WTE a year; no outer London figure held, so the national one applies")]
    public void LondonClaim_2022_23(AreaTier tier, string paid, string explanation)
    {
        var line = ArrsTestData.Line("2022-11", salary: 5_000m, ni: 500m, pension: 500m, start: "2022-04-01");
        var a = ArrsTestData.Assess(new FinancialYear(2022), [line], ArrsTestData.Context(tier: tier));

        Assert.Equal(decimal.Parse(paid, CultureInfo.InvariantCulture), a[0].Reimbursable);
        Assert.Contains(explanation, a.Outcome(0, RateRule.Code)!.Explanation, StringComparison.Ordinal);
        Assert.Contains("figure reported (secondary source)", a.Outcome(0, RateRule.Code)!.Explanation, StringComparison.Ordinal);
    }
}
