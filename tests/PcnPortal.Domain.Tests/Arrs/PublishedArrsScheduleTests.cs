using PcnPortal.Domain.Arrs;

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
    [InlineData("CLINICAL_PHARMACIST", AreaTier.InnerLondon, "2024-09-01", "1.00", "62340")] // no London figure yet: national
    [InlineData("SPLW", AreaTier.National, "2020-04-01", "1.00", "34113")] // carried forward
    [InlineData("SPLW", AreaTier.National, "2023-04-01", "1.00", "40159")]
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
