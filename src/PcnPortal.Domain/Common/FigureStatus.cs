using System.Globalization;

namespace PcnPortal.Domain.Common;

/// <summary>
/// How far a reference figure (an ARR Sum rate, a role maximum, a reimbursement rate, a DES payment rate, a cap)
/// can be trusted. Every figure carries one, with a citation in its Source, and shows it wherever it is used.
/// </summary>
public enum FigureStatus
{
    /// <summary>No source found: the figure is held so the portal can work, and must be checked before money moves on it.</summary>
    Unverified = 0,

    /// <summary>Read in a primary publication (the Network Contract DES specification, NHS England guidance or letter).</summary>
    Published = 1,

    /// <summary>Found in a secondary source that quotes the DES (ICB, LMC, BMA, trade press, a parliamentary answer).</summary>
    ReportedSecondary = 2,

    /// <summary>No figure held for the period: the figure from <see cref="ICitedFigure.CarriedForwardFrom"/> is repeated.</summary>
    CarriedForward = 3,
}

/// <summary>A reference figure with its status and citation.</summary>
public interface ICitedFigure
{
    FigureStatus Status { get; }

    /// <summary>For <see cref="FigureStatus.CarriedForward"/>: the first day of the period whose figure is repeated.</summary>
    DateOnly? CarriedForwardFrom { get; }

    /// <summary>The citation a user can follow: publisher, document, date, URL where known.</summary>
    string Source { get; }
}

/// <summary>How a figure's status is written next to the figure.</summary>
public static class FigureStatusText
{
    /// <summary>Short label for tables: "published", "reported (secondary source)", "unverified", "carried forward".</summary>
    public static string Label(FigureStatus status) => status switch
    {
        FigureStatus.Published => "published",
        FigureStatus.ReportedSecondary => "reported (secondary source)",
        FigureStatus.CarriedForward => "carried forward",
        _ => "unverified",
    };

    /// <summary>
    /// The status as a phrase for a figure used in <paramref name="usedIn"/> (a financial year such as "2026/27" or a
    /// date), e.g. "carried forward from 2025/26: no published figure for 2026/27 held" or "reported (secondary source)".
    /// </summary>
    public static string Describe(ICitedFigure figure, string usedIn, bool yearly = false)
    {
        ArgumentNullException.ThrowIfNull(figure);
        return figure.Status switch
        {
            FigureStatus.CarriedForward => figure.CarriedForwardFrom is { } from
                ? $"carried forward from {(yearly ? FinancialYear.Containing(from).ToString() : from.ToString("d MMMM yyyy", CultureInfo.InvariantCulture))}: no published figure for {usedIn} held"
                : $"carried forward: no published figure for {usedIn} held",
            FigureStatus.Unverified => "unverified: no source found, check before relying on it",
            _ => Label(figure.Status),
        };
    }

    /// <summary>Parses a form value ("Published", "ReportedSecondary", "Unverified", "CarriedForward").</summary>
    public static bool TryParse(string? text, out FigureStatus status) =>
        Enum.TryParse(text?.Trim(), ignoreCase: false, out status) && Enum.IsDefined(status) && !int.TryParse(text, out _);
}
