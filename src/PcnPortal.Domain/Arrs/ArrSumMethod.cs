using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Arrs;

public enum ArrSumKind
{
    /// <summary>2019/20: a fraction of a year of named roles' maximums per PCN, doubled or tripled by weighted population band.</summary>
    BandedRoleMaximums = 0,

    /// <summary>From 2020/21: a rate per weighted patient times the PCN's weighted population as at 1 January.</summary>
    PerWeightedPatient = 1,
}

/// <summary>How a financial year's ARR Sum (each PCN's entitlement) is worked out.</summary>
public sealed class ArrSumMethod : ICitedFigure
{
    /// <summary>Database key (0 for figures built in code).</summary>
    public int Id { get; set; }

    /// <summary>Calendar year the financial year starts in (2019 for 2019/20).</summary>
    public int FinancialYearStart { get; set; }

    public ArrSumKind Kind { get; set; }

    /// <summary>Pounds per weighted patient (PerWeightedPatient).</summary>
    public decimal RatePerWeightedPatient { get; set; }

    /// <summary>
    /// 2024/25: pounds per weighted patient of the separate, ring-fenced GP sum, usable only for GP claims and not
    /// added to the main ARR Sum (0 when the year has none).
    /// </summary>
    public decimal GpRatePerWeightedPatient { get; set; }

    /// <summary>BandedRoleMaximums: months of the year funded (9 for July 2019 to March 2020).</summary>
    public int MonthsFunded { get; set; } = 12;

    /// <summary>BandedRoleMaximums: comma-separated role codes whose maximums are added, e.g. "CLINICAL_PHARMACIST,SPLW".</summary>
    public string BandRoleCodes { get; set; } = "";

    /// <summary>BandedRoleMaximums: weighted population from which the amount doubles.</summary>
    public int DoubleFromPopulation { get; set; } = 100_000;

    /// <summary>BandedRoleMaximums: weighted population from which the amount triples.</summary>
    public int TripleFromPopulation { get; set; } = 150_000;

    /// <summary>How far the rate can be trusted (shown with the ARR Sum wherever it is used).</summary>
    public FigureStatus Status { get; set; }

    /// <summary>For a carried-forward year: 1 April of the year whose rate is repeated.</summary>
    public DateOnly? CarriedForwardFrom { get; set; }

    /// <summary>True when no rate is held for the year and an earlier year's is repeated.</summary>
    public bool CarriedForward => Status == FigureStatus.CarriedForward;

    /// <summary>
    /// True when the only figure found is rounded (e.g. "about £12.30 per patient"), not the DES figure to three
    /// decimal places: shown with the figure.
    /// </summary>
    public bool Rounded { get; set; }

    /// <summary>Citation: publisher, document, date, URL where known.</summary>
    public string Source { get; set; } = "";
}
