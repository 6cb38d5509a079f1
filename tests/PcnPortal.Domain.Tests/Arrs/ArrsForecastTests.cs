using PcnPortal.Domain.Arrs;
using PcnPortal.Domain.Arrs.Engine;

namespace PcnPortal.Domain.Tests.Arrs;

public sealed class ArrsForecastTests
{
    // 2020/21: clinical pharmacist 100% up to £55,670 a year (£4,639.17 a month at 1.0 WTE).
    [Theory]
    [InlineData("2021-01-01", null, "2018-01-01", 1.0, 3_000, 3, 9_000.00)] // Jan–Mar, under the cap
    [InlineData("2021-01-01", null, "2018-01-01", 1.0, 6_000, 3, 13_917.51)] // capped: £4,639.17 a month (55,670 ÷ 12, rounded per line) × 3
    [InlineData("2021-01-01", null, "2018-01-01", 0.5, 6_000, 3, 6_958.74)] // cap pro rata to WTE: £2,319.58 × 3
    [InlineData("2021-01-01", "2021-02-28", "2018-01-01", 1.0, 3_000, 2, 6_000.00)] // leaves end of February
    [InlineData("2021-03-01", null, "2021-03-16", 1.0, 6_000, 1, 2_394.41)] // starts mid-March: 16/31 of a month's cap
    [InlineData("2020-01-01", null, "2018-01-01", 1.0, 1_000, 12, 12_000.00)] // first month before the year: whole year
    public void Forecast_AppliesRateCapAndPeriod(string firstMonth, string? end, string start, decimal wte, decimal monthlyCost, int months, decimal expected)
    {
        var post = new ForecastPost("U00001", "S1", "Sam", PublishedArrsSchedule.ClinicalPharmacist, wte, DateOnly.Parse(start),
            end is null ? null : DateOnly.Parse(end), monthlyCost, DateOnly.Parse(firstMonth));

        var result = ArrsForecast.Forecast([post], ArrsTestData.Reference, new Dictionary<string, PcnYearContext> { ["U00001"] = ArrsTestData.Context(arrSum: 1m) }, ArrsTestData.Fy(2020));

        Assert.Equal(months, result[0].Months);
        Assert.Equal(expected, result[0].Reimbursable);
    }

    [Fact]
    public void Forecast_PostCoveringAVacantBaselinePost_IsNotReimbursable()
    {
        // The PCN's 1.0 WTE baseline pharmacist post has been vacant since 1 June 2020 (beyond grace from September): the post covers it.
        var post = new ForecastPost("U00001", "S1", "Sam", PublishedArrsSchedule.ClinicalPharmacist, 1m, new DateOnly(2018, 1, 1), null, 3_000m, new DateOnly(2021, 1, 1));
        var context = ArrsTestData.Context(baseline: new BaselinePost(PublishedArrsSchedule.ClinicalPharmacist, 1m, VacantFrom: new DateOnly(2020, 6, 1)));

        var result = ArrsForecast.Forecast([post], ArrsTestData.Reference, new Dictionary<string, PcnYearContext> { ["U00001"] = context }, ArrsTestData.Fy(2020));

        Assert.Equal(0m, result[0].Reimbursable);
    }

    [Fact]
    public void Forecast_PostBesideAFilledBaselinePost_IsReimbursable()
    {
        // DES additionality: a filled baseline post is the baseline maintained, so the new post is additional (3 months × £3,000).
        var post = new ForecastPost("U00001", "S1", "Sam", PublishedArrsSchedule.ClinicalPharmacist, 1m, new DateOnly(2020, 6, 1), null, 3_000m, new DateOnly(2021, 1, 1));
        var context = ArrsTestData.Context(baseline: new BaselinePost(PublishedArrsSchedule.ClinicalPharmacist, 1m, "B1"));

        var result = ArrsForecast.Forecast([post], ArrsTestData.Reference, new Dictionary<string, PcnYearContext> { ["U00001"] = context }, ArrsTestData.Fy(2020));

        Assert.Equal(9_000m, result[0].Reimbursable);
    }

    [Fact]
    public void Forecast_AtZero_SaysWhyInPlainWords()
    {
        // Issue 14 "No silent figures": a £0 forecast says why: within the baseline, no maximum held for the role and year.
        var covering = new ForecastPost("U00001", "S1", "Sam", PublishedArrsSchedule.ClinicalPharmacist, 1m, new DateOnly(2018, 1, 1), null, 3_000m, new DateOnly(2021, 1, 1));
        var mhp = new ForecastPost("U00001", "S2", "Mo", PublishedArrsSchedule.MentalHealthPractitioner, 1m, new DateOnly(2020, 6, 1), null, 3_000m, new DateOnly(2021, 1, 1));
        var paid = new ForecastPost("U00001", "S3", "Pat", PublishedArrsSchedule.Splw, 1m, new DateOnly(2020, 6, 1), null, 2_000m, new DateOnly(2021, 1, 1));
        var context = ArrsTestData.Context(baseline: new BaselinePost(PublishedArrsSchedule.ClinicalPharmacist, 1m, VacantFrom: new DateOnly(2020, 6, 1)));

        var result = ArrsForecast.Forecast([covering, mhp, paid], ArrsTestData.Reference, new Dictionary<string, PcnYearContext> { ["U00001"] = context }, ArrsTestData.Fy(2021));

        Assert.StartsWith("£0: within the baseline.", result[0].Why);
        Assert.Contains("£0: no published maximum held for Mental health practitioner", result[1].Why);
        Assert.Null(result[2].Why);
    }
}
