using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Arrs;

/// <summary>
/// A cap on the number (WTE) of a role one PCN can claim for, from a financial year until a later entry for the
/// same role. <see cref="MaxWte"/> null means "no cap from this year" (it ends an earlier cap).
/// </summary>
public sealed class ArrsRoleLimit : ICitedFigure
{
    /// <summary>Database key (0 for figures built in code).</summary>
    public int Id { get; set; }

    public string RoleCode { get; set; } = "";

    /// <summary>Calendar year the first financial year starts in (2021 for 2021/22).</summary>
    public int FromFinancialYearStart { get; set; }

    /// <summary>WTE cap for PCNs below <see cref="PopulationThreshold"/>; null for no cap.</summary>
    public decimal? MaxWte { get; set; }

    /// <summary>WTE cap for PCNs at or above <see cref="PopulationThreshold"/> weighted population.</summary>
    public decimal? MaxWteAtOrAboveThreshold { get; set; }

    public int PopulationThreshold { get; set; } = 100_000;

    /// <summary>How far the cap can be trusted.</summary>
    public FigureStatus Status { get; set; }

    public DateOnly? CarriedForwardFrom { get; set; }

    /// <summary>Citation: publisher, document, date, URL where known.</summary>
    public string Source { get; set; } = "";

    public decimal? CapFor(int weightedPopulation) => weightedPopulation >= PopulationThreshold ? MaxWteAtOrAboveThreshold : MaxWte;
}
