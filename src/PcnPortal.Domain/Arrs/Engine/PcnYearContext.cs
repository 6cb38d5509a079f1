namespace PcnPortal.Domain.Arrs.Engine;

/// <summary>What the engine needs to know about one PCN for the year being assessed.</summary>
public sealed class PcnYearContext
{
    public string PcnCode { get; set; } = "";

    /// <summary>Weighted (Carr-Hill) population as at 1 January before the year.</summary>
    public int WeightedPopulation { get; set; }

    public AreaTier AreaTier { get; set; }

    /// <summary>The PCN's ARR Sum for the year; when null the engine works it out from the reference data.</summary>
    public decimal? ArrSum { get; set; }

    public IReadOnlyList<BaselinePost> Baseline { get; set; } = [];
}
