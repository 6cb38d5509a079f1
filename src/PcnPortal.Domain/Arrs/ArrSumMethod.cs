namespace PcnPortal.Domain.Arrs;

public enum ArrSumKind
{
    /// <summary>2019/20: a fraction of a year of named roles' maximums per PCN, doubled or tripled by weighted population band.</summary>
    BandedRoleMaximums = 0,

    /// <summary>From 2020/21: a rate per weighted patient times the PCN's weighted population as at 1 January.</summary>
    PerWeightedPatient = 1,
}

/// <summary>How a financial year's ARR Sum (each PCN's entitlement) is worked out.</summary>
public sealed class ArrSumMethod
{
    /// <summary>Database key (0 for figures built in code).</summary>
    public int Id { get; set; }

    /// <summary>Calendar year the financial year starts in (2019 for 2019/20).</summary>
    public int FinancialYearStart { get; set; }

    public ArrSumKind Kind { get; set; }

    /// <summary>Pounds per weighted patient (PerWeightedPatient).</summary>
    public decimal RatePerWeightedPatient { get; set; }

    /// <summary>Extra pounds per weighted patient for newly qualified GPs (2024/25 onward; added to the sum).</summary>
    public decimal GpRatePerWeightedPatient { get; set; }

    /// <summary>BandedRoleMaximums: months of the year funded (9 for July 2019 to March 2020).</summary>
    public int MonthsFunded { get; set; } = 12;

    /// <summary>BandedRoleMaximums: comma-separated role codes whose maximums are added, e.g. "CLINICAL_PHARMACIST,SPLW".</summary>
    public string BandRoleCodes { get; set; } = "";

    /// <summary>BandedRoleMaximums: weighted population from which the amount doubles.</summary>
    public int DoubleFromPopulation { get; set; } = 100_000;

    /// <summary>BandedRoleMaximums: weighted population from which the amount triples.</summary>
    public int TripleFromPopulation { get; set; } = 150_000;

    /// <summary>True when the year's rate was not published in the sources and the previous year's is carried forward.</summary>
    public bool CarriedForward { get; set; }

    public string Source { get; set; } = "";
}
