using PcnPortal.Domain.Access;
using PcnPortal.Domain.Common;

namespace PcnPortal.Web.Features.Access;

/// <summary>Short words for tags on the access pages.</summary>
public static class AccessDisplay
{
    public static string PlanTag(AccessPlanCheck check) => check.Requirement.Figure is null
        ? "Not required"
        : check.InForce is null ? "No approved plan"
        : check.ReplanNeeded ? "Re-plan needed"
        : check.Outcome.Severity == RuleSeverity.Warn ? "Plan short" : "Approved";

    public static string DeclarationTag(AccessQuarterView quarter) => quarter.IsComplete
        ? "Declared"
        : quarter.LateOutcome.Severity == RuleSeverity.Fail ? (quarter.MonthsDeclared > 0 ? $"Late: {quarter.MonthsDeclared} of 3 months" : "Late: not declared")
        : quarter.MonthsDeclared > 0 ? $"{quarter.MonthsDeclared} of 3 months"
        : $"Due {quarter.Due.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}";

    public static string PlanStatus(AccessPlanStatus status) => status switch
    {
        AccessPlanStatus.Approved => "Approved",
        AccessPlanStatus.Returned => "Returned",
        _ => "Waiting for review",
    };

    public static string PlanStatusTag(AccessPlanStatus status) => status switch
    {
        AccessPlanStatus.Approved => "nhsuk-tag--green",
        AccessPlanStatus.Returned => "nhsuk-tag--red",
        _ => "nhsuk-tag--blue",
    };

    public static string Day(DayOfWeek day) => day.ToString();

    public static string Time(TimeOnly time) => time.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
