using PcnPortal.Domain.Access;
using PcnPortal.Domain.Common;

namespace PcnPortal.Web.Features.Access;

/// <summary>One month of a quarter: what was required (with the working) and what was declared.</summary>
public sealed record AccessMonthView(DateOnly Month, AccessPeriodRequirement Required, AccessDeclarationMonth? Declared)
{
    public decimal? Percent => Declared is null ? null : AccessMinutesShortRule.Percent(Declared.MinutesDelivered, Required.Minutes);

    public int? Shortfall => Declared is null ? null : AccessMinutesShortRule.Shortfall(Declared.MinutesDelivered, Required.Minutes);
}

/// <summary>A PCN's quarter: the requirement, the declaration (complete or not), and the rule outcomes.</summary>
public sealed record AccessQuarterView(
    int PcnId,
    string PcnCode,
    string PcnName,
    AccessQuarter Quarter,
    AccessPeriodRequirement Required,
    AccessDeclaration? Declaration,
    IReadOnlyList<AccessMonthView> Months,
    RuleOutcome? MinutesOutcome,
    RuleOutcome LateOutcome,
    DateOnly Due)
{
    public bool IsComplete => Declaration?.CompletedOn is not null;

    public int MonthsDeclared => Declaration?.Months.Count ?? 0;

    /// <summary>Minutes delivered in the quarter: only when all three months are declared.</summary>
    public int? Delivered => IsComplete ? Declaration!.Months.Sum(m => m.MinutesDelivered) : null;

    public decimal? Percent => Delivered is { } d ? AccessMinutesShortRule.Percent(d, Required.Minutes) : null;

    public int? Shortfall => Delivered is { } d ? AccessMinutesShortRule.Shortfall(d, Required.Minutes) : null;

    public bool IsShort => MinutesOutcome?.Severity == RuleSeverity.Fail;

    public int Offered => Declaration?.Months.Sum(m => m.Offered) ?? 0;

    public int Booked => Declaration?.Months.Sum(m => m.Booked) ?? 0;

    public int Attended => Declaration?.Months.Sum(m => m.Attended) ?? 0;

    public int DidNotAttend => Declaration?.Months.Sum(m => m.DidNotAttend) ?? 0;
}

/// <summary>The plan check on a day: the ACCESS-PLAN-MISSING outcome, the plan in force, its counted minutes and any membership change since approval.</summary>
public sealed record AccessPlanCheck(
    DateOnly Day,
    AccessRequirementSegment Requirement,
    RuleOutcome Outcome,
    AccessPlan? InForce,
    int? CountedMinutes,
    IReadOnlyList<string> Joined,
    IReadOnlyList<string> Left)
{
    public bool ReplanNeeded => Joined.Count > 0 || Left.Count > 0;
}

/// <summary>Works out quarters and plan checks from loaded records (no database access).</summary>
public static class AccessAssessment
{
    public static AccessQuarterView Quarter(
        AccessRequirementData data, int pcnId, string pcnCode, string pcnName, AccessQuarter quarter, AccessDeclaration? declaration, DateOnly today, int dueWorkingDays)
    {
        var required = data.ForPeriod(pcnId, pcnCode, quarter.FirstDay, quarter.LastDay);
        var months = quarter.Months
            .Select(m => new AccessMonthView(m, data.ForPeriod(pcnId, pcnCode, m, m.AddMonths(1).AddDays(-1)), declaration?.Months.FirstOrDefault(d => d.Month == m)))
            .ToList();
        var minutes = declaration?.CompletedOn is not null
            ? AccessMinutesShortRule.Evaluate(pcnCode, quarter.ToString(), declaration.Months.Sum(m => m.MinutesDelivered), required)
            : null;
        var late = AccessDeclarationLateRule.Evaluate(pcnCode, quarter, dueWorkingDays, declaration?.CompletedOn, today);
        return new AccessQuarterView(pcnId, pcnCode, pcnName, quarter, required, declaration, months, minutes, late, AccessDeclarationLateRule.DueDate(quarter, dueWorkingDays));
    }

    /// <summary>The plan in force on <paramref name="day"/>: the approved plan with the latest date from on or before it (the later decision on a tie).</summary>
    public static AccessPlan? InForce(IEnumerable<AccessPlan> plans, DateOnly day) =>
        plans.Where(p => p.Status == AccessPlanStatus.Approved && p.EffectiveFrom <= day)
            .OrderByDescending(p => p.EffectiveFrom).ThenByDescending(p => p.Id)
            .FirstOrDefault();

    public static AccessPlanCheck Plan(AccessRequirementData data, int pcnId, string pcnCode, IReadOnlyList<AccessPlan> plans, DateOnly day)
    {
        var requirement = data.OnDay(pcnId, pcnCode, day);
        var inForce = InForce(plans, day);
        var counted = inForce is not null && requirement.Figure is { } figure
            ? inForce.Sessions.Sum(s => s.ToDomain().CountedMinutes(figure.Scheme))
            : (int?)null;
        var (joined, left) = inForce?.ApprovedPractices is { } approved
            ? AccessReplan.Changes(approved.Split(',', StringSplitOptions.RemoveEmptyEntries), data.PracticesOn(pcnId, day))
            : ([], []);
        var latest = plans.OrderByDescending(p => p.Id).FirstOrDefault();
        var state = inForce is not null ? AccessPlanState.Approved : latest?.Status switch
        {
            AccessPlanStatus.Submitted => AccessPlanState.Submitted,
            AccessPlanStatus.Returned => AccessPlanState.Returned,
            _ => AccessPlanState.None,
        };
        var outcome = AccessPlanMissingRule.Evaluate(pcnCode, day, requirement, state, inForce is null ? null : counted ?? 0, joined.Count > 0 || left.Count > 0);
        return new AccessPlanCheck(day, requirement, outcome, inForce, counted, joined, left);
    }
}
