using PcnPortal.Domain.Arrs;
using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Tests.Arrs;

public class ArrSumTests
{
    [Theory]
    [InlineData(15_000, "53942.25")]
    [InlineData(99_999, "53942.25")]
    [InlineData(100_000, "107884.50")]
    [InlineData(149_999, "107884.50")]
    [InlineData(150_000, "161826.75")]
    public void ArrSum_2019_20_MatchesSeed000Table2(int weightedPopulation, string expected)
    {
        var result = ArrSum.Calculate(ArrsTestData.Reference, new FinancialYear(2019), weightedPopulation);

        Assert.Equal(decimal.Parse(expected), result.Amount);
        Assert.Contains("9/12", result.Explanation);
    }

    [Theory]
    [InlineData(2020, 50_000, "356550.00")]
    [InlineData(2023, 50_000, "1133550.00")]
    [InlineData(2024, 50_000, "1144700.00")] // 22.894 × 50,000: the £1.303 GP sum is ring-fenced, not added (Pulse, 27 Sep 2024)
    [InlineData(2025, 12_345, "328759.70")]
    [InlineData(2026, 10_000, "266310.00")] // 2025/26 carried forward
    public void ArrSum_PerWeightedPatient(int year, int weightedPopulation, string expected)
    {
        var result = ArrSum.Calculate(ArrsTestData.Reference, new FinancialYear(year), weightedPopulation);

        Assert.Equal(decimal.Parse(expected), result.Amount);
    }

    [Theory]
    // Pulse, 'PCNs can claim more for ARRS staff but funding remains flat', 27 Sep 2024 (DES revised 26 Sep 2024):
    // £1.303 per weighted patient ring-fenced for GPs in 2024/25; GP funding combined into the ARR Sum from 2025/26.
    [InlineData(2024, 50_000, "65150.00")]
    [InlineData(2025, 50_000, null)]
    [InlineData(2023, 50_000, null)]
    public void GpSum_RingFencedIn2024Only(int year, int weightedPopulation, string? expected)
    {
        var result = ArrSum.CalculateGpSum(ArrsTestData.Reference, new FinancialYear(year), weightedPopulation);

        Assert.Equal(expected is null ? null : decimal.Parse(expected), result?.Amount);
    }
}
