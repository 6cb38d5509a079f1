using PcnPortal.Domain.Common;
using PcnPortal.Domain.Papers;

namespace PcnPortal.Domain.Tests.Papers;

public class PublishedDesRatesTests
{
    [Fact]
    public void EveryYear_From2019_ToTheCurrentYear_HasRates()
    {
        var years = PublishedDesRates.Rates().Select(r => r.YearStart).Distinct().Order().ToList();

        Assert.Equal(Enumerable.Range(2019, 8), years);
    }

    [Theory]
    // Core PCN funding £1.50 per registered patient (written answer 5 Jun 2019; BMA 2021, 2022; PCC CIC 2023/24).
    [InlineData(2019, PublishedDesRates.CorePcnFunding, FundingBasis.Registered, "1.50")]
    [InlineData(2020, PublishedDesRates.CorePcnFunding, FundingBasis.Registered, "1.50")]
    [InlineData(2023, PublishedDesRates.CorePcnFunding, FundingBasis.Registered, "1.50")]
    [InlineData(2021, PublishedDesRates.ClinicalDirector, FundingBasis.Registered, "0.722")]
    [InlineData(2024, PublishedDesRates.CorePcnFundingRegistered, FundingBasis.Registered, "2.218")] // Doncaster LMC
    [InlineData(2025, PublishedDesRates.CorePcnFundingRegistered, FundingBasis.Registered, "2.266")] // Pulse 28 Mar 2025
    [InlineData(2025, PublishedDesRates.EnhancedAccess, FundingBasis.Adjusted, "8.427")]
    public void Rate(int year, string component, FundingBasis basis, string rate)
    {
        var found = PublishedDesRates.Rates().Single(r => r.YearStart == year && r.Component == component);

        Assert.Equal(basis, found.Basis);
        Assert.Equal(decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture), found.RatePerPatient);
        Assert.False(string.IsNullOrWhiteSpace(found.Source));
    }

    [Fact]
    public void ExtendedHours201920_IsAlreadyTheJulyToMarchAmount_NotScaledAgain()
    {
        // BNSSG PCCC paper Oct 2019, Table 3: £1.099 × 1,020.9K registered = £1,122K.
        var rate = PublishedDesRates.Rates().Single(r => r.YearStart == 2019 && r.Component == PublishedDesRates.ExtendedHours);

        Assert.Equal(1m, rate.YearFraction);
        Assert.Equal(1_122m, Math.Round(rate.RatePerPatient * 1_020.9m * rate.YearFraction));
    }

    [Fact]
    public void Year202627_IsCarriedForward_From202526()
    {
        var rates = PublishedDesRates.Rates().Where(r => r.YearStart == 2026).ToList();

        Assert.NotEmpty(rates);
        Assert.All(rates, r =>
        {
            Assert.Equal(FigureStatus.CarriedForward, r.Status);
            Assert.Equal("carried forward from 2025/26: no published figure for 2026/27 held", FigureStatusText.Describe(r, "2026/27", yearly: true));
        });
    }
}
