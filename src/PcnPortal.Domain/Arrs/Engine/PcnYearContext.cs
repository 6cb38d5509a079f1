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

    /// <summary>
    /// The PCN's ring-fenced GP sum for a year that has one (2024/25), usable only for GP claims; when null the engine
    /// works it out from the reference data. Ignored in a year without a ring-fenced GP sum.
    /// </summary>
    public decimal? GpSum { get; set; }

    /// <summary>
    /// Why no usable population is held for the year (what to load), or null when it is. While it is set and no
    /// <see cref="ArrSum"/> is given, the PCN has no ARR Sum: its lines fail ARRS-ENTITLEMENT saying so, not as £0.00 used up.
    /// </summary>
    public string? PopulationMissing { get; set; }

    /// <summary>How the population differs from the DES date (older list sizes used, with their dates); empty when exact.</summary>
    public string PopulationNote { get; set; } = "";

    /// <summary>Every warning about the population (older list sizes, practices without one, practices that moved).</summary>
    public IReadOnlyList<string> PopulationWarnings { get; set; } = [];

    /// <summary>
    /// How the ARR Sum given in <see cref="ArrSum"/> differs from the DES figure because of the redistribution of unused
    /// entitlement ("ARR Sum £100,000.00 + £5,000.00 extra allocation …"); empty when it does not. Set by
    /// <see cref="Redistribution.ArrsRedistribution.ApplyToContext"/>; ARRS-ENTITLEMENT names it.
    /// </summary>
    public string RedistributionNote { get; set; } = "";

    /// <summary>Extra allocation approved to the PCN for the year from redistribution rounds.</summary>
    public decimal ExtraAllocation { get; set; }

    /// <summary>What the PCN's unused entitlement was reduced by for the year to fund other PCNs' approved bids.</summary>
    public decimal GivenUp { get; set; }

    /// <summary>True when the ARR Sum cannot be worked out: no population held and none given.</summary>
    public bool ArrSumNotHeld => ArrSum is null && PopulationMissing is not null;
}
