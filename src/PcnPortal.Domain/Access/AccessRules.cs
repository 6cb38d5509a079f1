using PcnPortal.Domain.Arrs;
using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Access;

/// <summary>Where a PCN's plan stands on a date, for ACCESS-PLAN-MISSING.</summary>
public enum AccessPlanState
{
    None = 0,
    Submitted = 1,
    Returned = 2,
    Approved = 3,
}

/// <summary>
/// ACCESS-PLAN-MISSING: on a date with a requirement in force, the PCN must have an approved plan. Fail with none
/// approved; warn when the approved plan needs re-planning (member practices changed since approval) or plans fewer
/// counted minutes a week than required.
/// </summary>
public static class AccessPlanMissingRule
{
    public const string Code = "ACCESS-PLAN-MISSING";

    public static RuleOutcome Evaluate(
        string pcnCode,
        DateOnly asAt,
        AccessRequirementSegment requirement,
        AccessPlanState latestPlan,
        int? approvedPlanMinutes,
        bool replanNeeded)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        var date = AccessText.Date(asAt);
        if (requirement.Figure is null)
        {
            return RuleOutcome.Pass(Code, $"No extended hours or enhanced access requirement on {date}: no plan needed.", AccessFigures.Of(("asAt", Iso(asAt))));
        }

        var required = requirement.Weekly is { } weekly ? AccessText.Minutes(weekly.Minutes) + " a week" : "not known (" + requirement.Population?.Note + ")";
        var figures = AccessFigures.Of(
            ("asAt", Iso(asAt)),
            ("scheme", requirement.Figure.Scheme.ToString()),
            ("requiredMinutesPerWeek", requirement.Weekly?.Minutes.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "not known"),
            ("plannedMinutesPerWeek", approvedPlanMinutes?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none approved"),
            ("latestPlan", latestPlan.ToString()),
            ("replanNeeded", replanNeeded ? "yes" : "no"));
        var scheme = AccessText.Scheme(requirement.Figure.Scheme).ToLowerInvariant();
        if (approvedPlanMinutes is null)
        {
            var why = latestPlan switch
            {
                AccessPlanState.Submitted => "its latest plan is waiting for the contracts team's decision",
                AccessPlanState.Returned => "its latest plan was returned",
                _ => "it has not submitted one",
            };
            return RuleOutcome.Fail(Code, $"{pcnCode} has no approved {scheme} plan in force on {date}: {why}. Required: {required}.", figures);
        }

        if (replanNeeded)
        {
            return RuleOutcome.Warn(Code, $"{pcnCode}'s approved {scheme} plan needs re-planning: its member practices changed after it was approved. It plans {AccessText.Minutes(approvedPlanMinutes.Value)} a week; required: {required}.", figures);
        }

        if (requirement.Weekly is { } w && approvedPlanMinutes.Value < w.Minutes)
        {
            return RuleOutcome.Warn(Code, $"{pcnCode}'s approved {scheme} plan counts {AccessText.Minutes(approvedPlanMinutes.Value)} a week, {AccessText.Whole(w.Minutes - approvedPlanMinutes.Value)} fewer than the {required} required on {date}.", figures);
        }

        return RuleOutcome.Pass(Code, $"{pcnCode} has an approved {scheme} plan in force on {date}: {AccessText.Minutes(approvedPlanMinutes.Value)} a week counted; required: {required}.", figures);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// ACCESS-MINUTES-SHORT: the minutes delivered in a period (a month or quarter) against the minutes required for it
/// (<see cref="AccessPeriodRequirement"/>). Fail below the requirement, naming the shortfall and the percentage
/// delivered; warn when the requirement cannot be worked out (saying what to load); pass at or above it.
/// </summary>
public static class AccessMinutesShortRule
{
    public const string Code = "ACCESS-MINUTES-SHORT";

    /// <summary>Delivered as a percentage of required, to one decimal place (half up); null when required is 0 or unknown.</summary>
    public static decimal? Percent(int delivered, int? required) =>
        required is > 0 ? Math.Round(delivered * 100m / required.Value, 1, MidpointRounding.AwayFromZero) : null;

    /// <summary>Minutes short of the requirement (0 when met); null when the requirement is unknown.</summary>
    public static int? Shortfall(int delivered, int? required) => required is { } r ? Math.Max(r - delivered, 0) : null;

    public static RuleOutcome Evaluate(string pcnCode, string period, int delivered, AccessPeriodRequirement required)
    {
        ArgumentNullException.ThrowIfNull(required);
        if (!required.IsKnown)
        {
            return RuleOutcome.Warn(Code, $"{pcnCode} delivered {AccessText.Minutes(delivered)} in {period}; the minutes required {required.Missing}.", AccessFigures.Of(
                ("delivered", Invariant(delivered)), ("required", "not known")));
        }

        var need = required.Minutes!.Value;
        var percent = Percent(delivered, need);
        var shortfall = Shortfall(delivered, need)!.Value;
        var figures = AccessFigures.Of(
            ("delivered", Invariant(delivered)),
            ("required", Invariant(need)),
            ("percent", percent is { } p ? p.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) : "n/a"),
            ("shortfall", Invariant(shortfall)));
        if (need == 0)
        {
            return RuleOutcome.Pass(Code, $"Nothing was required of {pcnCode} in {period}.", figures);
        }

        return shortfall > 0
            ? RuleOutcome.Fail(Code, $"{pcnCode} delivered {AccessText.Minutes(delivered)} in {period} against {AccessText.Minutes(need)} required ({AccessText.Percent(percent!.Value)}): {AccessText.Whole(shortfall)} minutes short.", figures)
            : RuleOutcome.Pass(Code, $"{pcnCode} delivered {AccessText.Minutes(delivered)} in {period} against {AccessText.Minutes(need)} required ({AccessText.Percent(percent!.Value)}).", figures);
    }

    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// ACCESS-DECLARATION-LATE: a quarter's declaration is due <see cref="DefaultWorkingDays"/> working days after the quarter
/// ends (the portal's own choice, configurable as Access:DeclarationDueWorkingDays; no national deadline was found).
/// Fail when it is missing after the due date; warn when it was completed after it; pass when on time or not yet due.
/// </summary>
public static class AccessDeclarationLateRule
{
    public const string Code = "ACCESS-DECLARATION-LATE";

    public const int DefaultWorkingDays = 10;

    public static DateOnly DueDate(AccessQuarter quarter, int workingDays) => WorkingDays.AddWorkingDays(quarter.LastDay, workingDays);

    public static RuleOutcome Evaluate(string pcnCode, AccessQuarter quarter, int workingDays, DateOnly? completedOn, DateOnly today)
    {
        var due = DueDate(quarter, workingDays);
        var figures = AccessFigures.Of(
            ("quarter", quarter.Key),
            ("due", due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            ("workingDaysAfterQuarter", workingDays.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("completed", completedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "not yet"));
        var limit = $"due {AccessText.Date(due)}, {workingDays} working days after the quarter ends";
        if (completedOn is { } done)
        {
            return done <= due
                ? RuleOutcome.Pass(Code, $"{pcnCode}'s declaration for {quarter} was completed on {AccessText.Date(done)} ({limit}).", figures)
                : RuleOutcome.Warn(Code, $"{pcnCode}'s declaration for {quarter} was completed on {AccessText.Date(done)}, {WorkingDays.Between(due, done)} working days late ({limit}).", figures);
        }

        return today <= due
            ? RuleOutcome.Pass(Code, $"{pcnCode}'s declaration for {quarter} is not due yet ({limit}).", figures)
            : RuleOutcome.Fail(Code, $"{pcnCode}'s declaration for {quarter} is missing, {WorkingDays.Between(due, today)} working days overdue ({limit}).", figures);
    }
}

internal static class AccessFigures
{
    public static Dictionary<string, string> Of(params (string Key, string Value)[] pairs)
    {
        var figures = new Dictionary<string, string>(pairs.Length, StringComparer.Ordinal);
        foreach (var (key, value) in pairs)
        {
            figures[key] = value;
        }

        return figures;
    }
}
