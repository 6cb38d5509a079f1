namespace PcnPortal.Domain.Access;

/// <summary>
/// Which minutes of a planned session count towards the requirement: for extended hours, the minutes outside core hours
/// (08:00 to 18:30 Monday to Friday; all of Saturday and Sunday); for enhanced access, the minutes within the network
/// standard hours (18:30 to 20:00 Monday to Friday, 09:00 to 17:00 Saturday). Minutes outside them need the
/// commissioner's agreement, which the plan decision records; the portal shows them apart and does not count them.
/// </summary>
public static class AccessHours
{
    public const int MinimumSessionMinutes = 30;

    private static readonly TimeOnly CoreStart = new(8, 0);
    private static readonly TimeOnly CoreEnd = new(18, 30);
    private static readonly TimeOnly EveningStart = new(18, 30);
    private static readonly TimeOnly EveningEnd = new(20, 0);
    private static readonly TimeOnly SaturdayStart = new(9, 0);
    private static readonly TimeOnly SaturdayEnd = new(17, 0);

    /// <summary>The session's length in minutes (its end after its start, within one day).</summary>
    public static int Length(TimeOnly start, TimeOnly end) => end > start ? (int)(end - start).TotalMinutes : 0;

    /// <summary>The minutes of a session that count for <paramref name="scheme"/>.</summary>
    public static int Counted(AccessScheme scheme, DayOfWeek day, TimeOnly start, TimeOnly end)
    {
        if (end <= start)
        {
            return 0;
        }

        var weekend = day is DayOfWeek.Saturday or DayOfWeek.Sunday;
        if (scheme == AccessScheme.ExtendedHours)
        {
            return weekend ? Length(start, end) : Length(start, end) - Overlap(start, end, CoreStart, CoreEnd);
        }

        return day switch
        {
            DayOfWeek.Saturday => Overlap(start, end, SaturdayStart, SaturdayEnd),
            DayOfWeek.Sunday => 0,
            _ => Overlap(start, end, EveningStart, EveningEnd),
        };
    }

    private static int Overlap(TimeOnly start, TimeOnly end, TimeOnly windowStart, TimeOnly windowEnd)
    {
        var from = start > windowStart ? start : windowStart;
        var to = end < windowEnd ? end : windowEnd;
        return Length(from, to);
    }
}

/// <summary>A planned session: a day of the week, its times, the member practice it is held at and who holds it.</summary>
public sealed record PlannedSession(DayOfWeek Day, TimeOnly Start, TimeOnly End, string PracticeCode, string ClinicianType)
{
    public int Minutes => AccessHours.Length(Start, End);

    public int CountedMinutes(AccessScheme scheme) => AccessHours.Counted(scheme, Day, Start, End);
}

/// <summary>Whether an approved plan must be made again because the PCN's member practices changed since it was approved.</summary>
public static class AccessReplan
{
    /// <summary>The practices that joined and left since approval; both empty when no re-plan is needed.</summary>
    public static (IReadOnlyList<string> Joined, IReadOnlyList<string> Left) Changes(IEnumerable<string> approvedPractices, IEnumerable<string> currentPractices)
    {
        var approved = approvedPractices.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var current = currentPractices.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return ([.. current.Except(approved, StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)],
            [.. approved.Except(current, StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)]);
    }
}
