namespace PcnPortal.Domain.Access;

/// <summary>A PCN's population for one day's requirement: found (with what it was made of) or missing (with what to load).</summary>
public sealed record AccessPopulation(int? Population, DateOnly? AsAt, string Note)
{
    public bool Found => Population is not null;

    public static AccessPopulation Of(int population, DateOnly asAt, string note) => new(population, asAt, note);

    public static AccessPopulation Missing(string reason) => new(null, null, reason);
}

/// <summary>The minutes a week one figure requires of one population, with the working.</summary>
public sealed record WeeklyAccessRequirement(AccessRequirementFigure Figure, int Population, decimal ExactMinutes, int Minutes)
{
    /// <summary>"48,211 registered patients ÷ 1,000 × 30 = 1,446.33 minutes, rounded to the nearest quarter hour: 1,440 minutes (24 hours)".</summary>
    public string Working =>
        $"{AccessText.Whole(Population)} {AccessText.Basis(Figure.Basis)} ÷ 1,000 × {Figure.MinutesPerThousand} = {AccessText.Number(ExactMinutes)} minutes, rounded {AccessText.Rounding(Figure.Rounding)}: {AccessText.Minutes(Minutes)} a week";
}

/// <summary>
/// A stretch of days in a period with the same figure and population: its weekly minutes and its share of them.
/// <see cref="Figure"/> is null for days before extended hours began (nothing required).
/// </summary>
public sealed record AccessRequirementSegment(DateOnly From, DateOnly To, AccessRequirementFigure? Figure, AccessPopulation? Population, WeeklyAccessRequirement? Weekly)
{
    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The weekly minutes × days ÷ 7, not yet rounded.</summary>
    public decimal Minutes => Weekly is null ? 0m : Weekly.Minutes * Days / 7m;

    public string Working => Figure is null
        ? $"{AccessText.Date(From)} to {AccessText.Date(To)}: no extended hours or enhanced access requirement before {AccessText.Date(PublishedAccessSchedule.ExtendedHoursStart)}"
        : Weekly is null
            ? $"{AccessText.Date(From)} to {AccessText.Date(To)}: {AccessText.Scheme(Figure.Scheme)}, cannot be worked out: {Population?.Note}"
            : $"{AccessText.Date(From)} to {AccessText.Date(To)}: {AccessText.Scheme(Figure.Scheme)}, {Weekly.Working} ({Population!.Note}); × {Days} days ÷ 7 = {AccessText.Number(Math.Round(Minutes, 2, MidpointRounding.AwayFromZero))} minutes";
}

/// <summary>
/// The minutes a PCN must offer over a period (a month or quarter), worked out day by day: each day carries one seventh
/// of the weekly requirement in force that day, from the figure covering the day and the population in force that day
/// (so a membership change or a new population mid-period, and the switch to enhanced access on 1 October 2022, take
/// effect on their own day). The total is rounded once, to the nearest whole minute (half up). When any day's population
/// is missing the requirement cannot be worked out and <see cref="Missing"/> says what to load; nothing is guessed.
/// </summary>
public sealed record AccessPeriodRequirement(DateOnly From, DateOnly To, IReadOnlyList<AccessRequirementSegment> Segments)
{
    /// <summary>What is missing (the first day with no population), or null when the requirement is known.</summary>
    public string? Missing => Segments.FirstOrDefault(s => s.Figure is not null && s.Weekly is null) is { } gap
        ? $"cannot be worked out: {gap.Population?.Note}"
        : null;

    public bool IsKnown => Missing is null;

    /// <summary>The required minutes for the period, rounded once to whole minutes; null when not known.</summary>
    public int? Minutes => IsKnown ? (int)Math.Round(Segments.Sum(s => s.Minutes), MidpointRounding.AwayFromZero) : null;

    /// <summary>True when some day of the period falls under extended hours or enhanced access.</summary>
    public bool AnyRequirement => Segments.Any(s => s.Figure is not null);
}

public static class AccessRequirement
{
    /// <summary>The weekly minutes: population ÷ 1,000 × minutes per 1,000, rounded as the figure says (half up).</summary>
    public static WeeklyAccessRequirement Weekly(AccessRequirementFigure figure, int population)
    {
        ArgumentNullException.ThrowIfNull(figure);
        ArgumentOutOfRangeException.ThrowIfNegative(population);
        var exact = population / 1000m * figure.MinutesPerThousand;
        var minutes = figure.Rounding == AccessRounding.NearestQuarterHour
            ? (int)(Math.Round(exact / 15m, MidpointRounding.AwayFromZero) * 15m)
            : (int)Math.Round(exact, MidpointRounding.AwayFromZero);
        return new WeeklyAccessRequirement(figure, population, exact, minutes);
    }

    /// <summary>The figure in force on a day, or null (before 1 July 2019, or a gap in the figures).</summary>
    public static AccessRequirementFigure? FigureOn(IEnumerable<AccessRequirementFigure> figures, DateOnly day) =>
        figures.Where(f => f.Covers(day)).OrderByDescending(f => f.From).FirstOrDefault();

    /// <summary>
    /// The requirement for the days <paramref name="from"/> to <paramref name="to"/>. <paramref name="population"/> gives
    /// the population for a figure on a day (the basis, the day and the population date from
    /// <see cref="AccessRequirementFigure.PopulationDate"/>); it is asked once a day, so it should be a lookup.
    /// </summary>
    public static AccessPeriodRequirement ForPeriod(
        DateOnly from,
        DateOnly to,
        IReadOnlyList<AccessRequirementFigure> figures,
        Func<AccessRequirementFigure, DateOnly, AccessPopulation> population)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(population);
        if (to < from)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, "The period ends before it starts.");
        }

        var segments = new List<AccessRequirementSegment>();
        DateOnly? start = null;
        AccessRequirementFigure? currentFigure = null;
        AccessPopulation? currentPopulation = null;
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var figure = FigureOn(figures, day);
            var people = figure is null ? null : population(figure, day);
            if (start is not null && (figure != currentFigure || !Equals(people, currentPopulation)))
            {
                segments.Add(Segment(start.Value, day.AddDays(-1), currentFigure, currentPopulation));
                start = null;
            }

            if (start is null)
            {
                start = day;
                currentFigure = figure;
                currentPopulation = people;
            }
        }

        segments.Add(Segment(start!.Value, to, currentFigure, currentPopulation));
        return new AccessPeriodRequirement(from, to, segments);
    }

    /// <summary>The weekly requirement on one day (for a plan): null when nothing is required that day.</summary>
    public static AccessRequirementSegment OnDay(DateOnly day, IReadOnlyList<AccessRequirementFigure> figures, Func<AccessRequirementFigure, DateOnly, AccessPopulation> population) =>
        ForPeriod(day, day, figures, population).Segments[0];

    private static AccessRequirementSegment Segment(DateOnly from, DateOnly to, AccessRequirementFigure? figure, AccessPopulation? population) =>
        new(from, to, figure, population, figure is not null && population is { Population: { } people } ? Weekly(figure, people) : null);
}
