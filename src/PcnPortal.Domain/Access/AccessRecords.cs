using PcnPortal.Domain.Common;
using PcnPortal.Domain.Registration;

namespace PcnPortal.Domain.Access;

public enum AccessPlanStatus
{
    Submitted = 1,
    Approved = 2,
    Returned = 3,
}

/// <summary>
/// A PCN's extended hours or enhanced access plan: its sessions each week from <see cref="EffectiveFrom"/>. The contracts
/// team approves it (recording the member practices then, so a later membership change flags a re-plan) or returns it
/// with a reason. A PCN changes a plan by submitting a new one; the latest approved plan from its date is in force.
/// </summary>
public class AccessPlan : IVersioned
{
    public int Id { get; set; }

    public int PcnId { get; set; }

    public Pcn? Pcn { get; set; }

    public DateOnly EffectiveFrom { get; set; }

    public AccessPlanStatus Status { get; set; } = AccessPlanStatus.Submitted;

    public DateOnly SubmittedOn { get; set; }

    public required string SubmittedBy { get; set; }

    public DateOnly? DecidedOn { get; set; }

    public string? DecidedBy { get; set; }

    /// <summary>Why it was returned, or a note on approval (e.g. minutes agreed outside the network standard hours).</summary>
    public string? DecisionNote { get; set; }

    /// <summary>The member practices' ODS codes when it was approved, comma-separated.</summary>
    public string? ApprovedPractices { get; set; }

    public int Version { get; set; }

    public List<AccessPlanSession> Sessions { get; set; } = [];
}

public class AccessPlanSession
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    public DayOfWeek Day { get; set; }

    public TimeOnly Start { get; set; }

    public TimeOnly End { get; set; }

    /// <summary>The member practice the session is held at.</summary>
    public required string PracticeCode { get; set; }

    public required string ClinicianType { get; set; }

    public PlannedSession ToDomain() => new(Day, Start, End, PracticeCode, ClinicianType);
}

/// <summary>
/// A PCN's declaration for one quarter, by month. <see cref="CompletedOn"/> is the day its third month arrived (a month
/// at a time by import, or all three in the browser); ACCESS-DECLARATION-LATE compares it with the due date.
/// </summary>
public class AccessDeclaration : IVersioned
{
    public int Id { get; set; }

    public int PcnId { get; set; }

    public Pcn? Pcn { get; set; }

    /// <summary>The quarter's first day (1 April, July, October or January).</summary>
    public DateOnly QuarterStart { get; set; }

    public DateOnly FirstSubmittedOn { get; set; }

    public DateOnly? CompletedOn { get; set; }

    public required string SubmittedBy { get; set; }

    public int Version { get; set; }

    public List<AccessDeclarationMonth> Months { get; set; } = [];

    public AccessQuarter Quarter => new(QuarterStart);
}

public class AccessDeclarationMonth
{
    public int Id { get; set; }

    public int DeclarationId { get; set; }

    /// <summary>The month's first day.</summary>
    public DateOnly Month { get; set; }

    public int Offered { get; set; }

    public int Booked { get; set; }

    public int Attended { get; set; }

    public int DidNotAttend { get; set; }

    public int MinutesDelivered { get; set; }
}

/// <summary>
/// A PCN's adjusted population as at a date, entered by the contracts team or imported: enhanced access requires 60 minutes
/// per 1,000 of it, and the portal does not derive it from registered list sizes.
/// </summary>
public class PcnAdjustedPopulation
{
    public int Id { get; set; }

    public int PcnId { get; set; }

    public Pcn? Pcn { get; set; }

    public DateOnly AsAt { get; set; }

    public int Population { get; set; }

    /// <summary>Where the figure came from, e.g. "NHS England PCN adjusted populations, January 2023".</summary>
    public required string Source { get; set; }
}

/// <summary>Checks on one month's figures, shared by the browser form and the import.</summary>
public static class AccessDeclarationChecks
{
    /// <summary>The problems with a month's figures, as (field, message); empty when they add up.</summary>
    public static IReadOnlyList<(string Field, string Message)> Check(int offered, int booked, int attended, int didNotAttend, int minutes)
    {
        var problems = new List<(string, string)>();
        if (booked > offered)
        {
            problems.Add(("booked", $"Appointments booked ({booked}) cannot be more than appointments offered ({offered})."));
        }

        if (attended + didNotAttend > booked)
        {
            problems.Add(("attended", $"Attended ({attended}) and did not attend ({didNotAttend}) together cannot be more than booked ({booked})."));
        }

        if (minutes > 0 && offered == 0)
        {
            problems.Add(("offered", "Minutes were delivered but no appointments were offered: enter the appointments offered."));
        }

        return problems;
    }
}
