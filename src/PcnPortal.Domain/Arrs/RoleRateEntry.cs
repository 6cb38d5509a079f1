using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Arrs;

/// <summary>
/// One published schedule line for a role: from <see cref="EffectiveFrom"/> (applies to claim months starting on
/// or after it) and for one <see cref="AreaTier"/>, the fraction of cost reimbursed and the maximum reimbursable
/// amount per WTE per year. An entry stays in force until a later entry for the same role and tier.
/// </summary>
public sealed class RoleRateEntry : ICitedFigure
{
    /// <summary>Database key (0 for figures built in code).</summary>
    public int Id { get; set; }

    public string RoleCode { get; set; } = "";

    public DateOnly EffectiveFrom { get; set; }

    public AreaTier AreaTier { get; set; }

    /// <summary>Fraction of actual cost reimbursed, e.g. 0.70.</summary>
    public decimal ReimbursementRate { get; set; }

    /// <summary>
    /// Maximum reimbursable amount per WTE per year, in pounds (the amount paid, after the rate). Null when the
    /// rate is known but no maximum is recorded: the engine then cannot pay the line and says so.
    /// </summary>
    public decimal? MaxReimbursablePerWteYear { get; set; }

    /// <summary>How far the rate and maximum can be trusted (shown wherever the line uses them).</summary>
    public FigureStatus Status { get; set; }

    /// <summary>For a carried-forward line: the date of the line whose figures it repeats.</summary>
    public DateOnly? CarriedForwardFrom { get; set; }

    /// <summary>True when no figure is held for this date and an earlier one is repeated.</summary>
    public bool CarriedForward => Status == FigureStatus.CarriedForward;

    /// <summary>Citation: publisher, document, date, URL where known.</summary>
    public string Source { get; set; } = "";
}
