using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Arrs.Engine;

/// <summary>What a rule needs, besides the line and its figures, to write its explanation.</summary>
public sealed record ArrsExplainContext(
    FinancialYear Year,
    ArrsRole? Role,
    RoleRateEntry? RateEntry,
    decimal ArrSum,
    decimal? RoleLimitWte,
    int WeightedPopulation,
    DateOnly? VacantFrom)
{
    /// <summary>The PCN's area tier (national, outer or inner London).</summary>
    public AreaTier PcnTier { get; init; }

    /// <summary>A GP claim paid from the ring-fenced GP sum (2024/25): <see cref="ArrSum"/> is then the GP sum.</summary>
    public bool FromGpSum { get; init; }

    /// <summary>Why the PCN has no ARR Sum for the year (what to load), when it has none.</summary>
    public string? ArrSumNotHeld { get; init; }

    /// <summary>How the population differs from the DES date (older list sizes used); empty when exact.</summary>
    public string PopulationNote { get; init; } = "";

    /// <summary>How the PCN's entitlement differs from its ARR Sum by redistribution (extra allocation, reductions); empty when it does not.</summary>
    public string Redistribution { get; init; } = "";

    /// <summary>The year's ARR Sum method (its rate, status and citation), when one is held.</summary>
    public ArrSumMethod? ArrSumMethod { get; init; }

    /// <summary>The role WTE counted earlier in the PCN-month (ARRS-ADDITIONALITY).</summary>
    internal decimal RoleWteBefore { get; init; }

    /// <summary>The claimable role WTE counted earlier in the PCN-month (ARRS-ROLE-LIMIT, when a limit applies).</summary>
    internal decimal RoleLimitWteBefore { get; init; }

    /// <summary>The PCN's reimbursable total on earlier lines (ARRS-ENTITLEMENT).</summary>
    internal decimal EntitlementUsedBefore { get; init; }

    /// <summary>The PCN's baseline WTE for the line's role (when additionality was assessed).</summary>
    internal decimal BaselineWte { get; init; }

    /// <summary>The WTE of the role's baseline posts vacant beyond grace in the month, which claimed staff cover first.</summary>
    internal decimal VacantBeyondGraceWte { get; init; }

    /// <summary>The fraction of the line's WTE above the baseline (when additionality was assessed).</summary>
    internal decimal AdditionalFraction { get; init; }

    /// <summary>What the rules allowed before the ARR Sum was applied, to the penny (when entitlement was assessed).</summary>
    internal decimal ReimbursableBeforeEntitlement { get; init; }
}
