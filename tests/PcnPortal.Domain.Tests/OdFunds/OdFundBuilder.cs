using PcnPortal.Domain.Common;
using PcnPortal.Domain.OdFunds;

namespace PcnPortal.Domain.Tests.OdFunds;

/// <summary>Test data: a BNSSG-like 2021/22 fund with sensible defaults.</summary>
internal static class OdFundBuilder
{
    public static OdFund Fund(decimal total = 800_000m, decimal rate = 0.66m, OdAllocationMethod method = OdAllocationMethod.PerCapita, decimal heldBack = 0m, decimal ringFence = 10m) =>
        new()
        {
            Name = "PCN leadership and OD 2021/22",
            Year = new FinancialYear(2021),
            Total = total,
            Sources = [new OdFundSource("NHS England PCN development", total / 2), new OdFundSource("CCG GP transformation top-up", total / 2)],
            CdRingFencePercent = ringFence,
            HeldBackForSystemWide = heldBack,
            Method = method,
            RatePerPatient = method == OdAllocationMethod.PerCapita ? rate : null,
            PopulationDate = new DateOnly(2020, 10, 1),
        };

    public static PcnPopulation Pop(string code, decimal registered, decimal? weighted = null) => new(code, registered, weighted ?? registered);
}
