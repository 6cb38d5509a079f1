using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Access;

/// <summary>
/// One dated access requirement figure: from <see cref="From"/> to <see cref="To"/> (inclusive; open-ended when null) a
/// PCN must offer <see cref="MinutesPerThousand"/> minutes a week per 1,000 of its <see cref="Basis"/> population, rounded
/// as <see cref="Rounding"/> says, in the hours <see cref="Hours"/> describes. The figure, the population it is applied to
/// and the rounding each carry a status and a citation, because they were found in different places (or not at all).
/// Seeded from <see cref="PublishedAccessSchedule"/>; an administrator corrects them without a code change.
/// </summary>
public class AccessRequirementFigure : ICitedFigure, IVersioned
{
    public int Id { get; set; }

    public AccessScheme Scheme { get; set; }

    public DateOnly From { get; set; }

    public DateOnly? To { get; set; }

    public int MinutesPerThousand { get; set; }

    public AccessPopulationBasis Basis { get; set; }

    public AccessRounding Rounding { get; set; }

    /// <summary>The hours the minutes must fall in, in words ("outside core hours 08:00-18:30 ...").</summary>
    public required string Hours { get; set; }

    /// <summary>Status of the minutes per 1,000 and the basis.</summary>
    public FigureStatus Status { get; set; }

    public required string Source { get; set; }

    /// <summary>Status of which date's population is used.</summary>
    public FigureStatus PopulationStatus { get; set; }

    public required string PopulationSource { get; set; }

    public FigureStatus RoundingStatus { get; set; }

    public required string RoundingSource { get; set; }

    public DateOnly? CarriedForwardFrom { get; set; }

    public int Version { get; set; }

    public bool Covers(DateOnly date) => From <= date && (To is null || date <= To.Value);

    /// <summary>
    /// The date whose population the requirement on <paramref name="day"/> uses: for registered patients, 1 April of the
    /// financial year (the DES 2019/20 fixed the CRP at 1 April 2019); for the adjusted population, the day itself (the
    /// latest adjusted population loaded on or before it).
    /// </summary>
    public DateOnly PopulationDate(DateOnly day) =>
        Basis == AccessPopulationBasis.Registered ? FinancialYear.Containing(day).FirstDay : day;
}
