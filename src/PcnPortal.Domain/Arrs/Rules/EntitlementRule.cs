using PcnPortal.Domain.Arrs.Engine;
using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Arrs.Rules;

/// <summary>
/// ARRS-ENTITLEMENT: the PCN's reimbursable total for the year, in month then submission order, must stay within
/// its ARR Sum. The line that crosses it is cut to what is left (warn); later lines fail. A PCN with no ARR Sum held
/// for the year (no usable population, no ARR Sum method, no context) pays nothing and every line says what to load:
/// never "£0.00 used up" as if the entitlement were known.
/// </summary>
public static class EntitlementRule
{
    public const string Code = "ARRS-ENTITLEMENT";
    internal const byte Cut = 1;
    internal const byte Exhausted = 2;
    internal const byte NotHeld = 3;

    /// <summary>The check for a line of a PCN with no ARR Sum held (<see cref="NotHeldReason"/>).</summary>
    public static ArrsCheck NotHeldCheck => ArrsCheck.Fail(NotHeld);

    /// <summary>Why a PCN has no ARR Sum for the year, naming what to load; null when it has one.</summary>
    public static string? NotHeldReason(string pcnCode, PcnYearContext? context, ArrsReferenceData reference, FinancialYear year)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (context is null)
        {
            return $"No population or ARR Sum is held for {pcnCode} in {year}: load its memberships (import-epcn) and its practices' list sizes as at {ArrsText.Date(year.PopulationDate)} (import-list-sizes).";
        }

        if (context.ArrSum is not null)
        {
            return null;
        }

        return context.PopulationMissing
            ?? (reference.ArrSumMethodFor(year) is null ? $"No ARR Sum method is recorded for {year} or earlier: an administrator must add it on /admin/reference-data." : null);
    }

    /// <summary>Returns the check and the amount that can be paid from what is left.</summary>
    public static ArrsCheck Evaluate(decimal arrSum, decimal usedBefore, decimal reimbursable, out decimal paid)
    {
        var left = arrSum - usedBefore;
        if (reimbursable <= left)
        {
            paid = reimbursable;
            return ArrsCheck.Pass();
        }

        if (left > 0m)
        {
            paid = left;
            return ArrsCheck.Warn(Cut);
        }

        paid = 0m;
        return ArrsCheck.Fail(Exhausted);
    }

    public static RuleOutcome Describe(ArrsCheck check, in ArrsLineResult result, ClaimLineInput line, ArrsExplainContext context)
    {
        if (check.Reason == NotHeld)
        {
            return RuleOutcome.Fail(
                Code,
                $"£0 for now: no ARR Sum is held for {line.PcnCode} in {context.Year}, so nothing can be paid from it. {context.ArrSumNotHeld} The line is assessed again once it is loaded.",
                Figures.Of(("arrSum", "not held"), ("requested", context.ReimbursableBeforeEntitlement.ToString("0.00")), ("paid", "0.00")));
        }

        var left = context.ArrSum - context.EntitlementUsedBefore;
        var figures = Figures.Of(
            ("pot", context.FromGpSum ? "gpSum" : "arrSum"),
            ("arrSum", context.ArrSum.ToString("0.00")),
            ("usedBefore", context.EntitlementUsedBefore.ToString("0.00")),
            ("left", Math.Max(left, 0m).ToString("0.00")),
            ("requested", context.ReimbursableBeforeEntitlement.ToString("0.00")),
            ("paid", result.Reimbursable.ToString("0.00")));
        var redistributed = context.Redistribution.Length > 0 ? $" ({context.Redistribution})" : "";
        if (redistributed.Length > 0)
        {
            figures["redistribution"] = context.Redistribution;
        }

        var status = context.ArrSumMethod is { } method ? ArrSum.StatusNote(method, context.Year) : "";
        var population = context.PopulationNote.Length > 0 ? $" (population: {context.PopulationNote})" : "";
        var sum = context.FromGpSum
            ? $"Ring-fenced GP sum {Money.Format(context.ArrSum)}{status}{population} for {context.Year} (GP claims only, separate from the ARR Sum), {Money.Format(context.EntitlementUsedBefore)} used by earlier GP lines"
            : redistributed.Length > 0
                ? $"Entitlement {Money.Format(context.ArrSum)}{redistributed}{status}{population} for {context.Year}, {Money.Format(context.EntitlementUsedBefore)} used by earlier lines"
                : $"ARR Sum {Money.Format(context.ArrSum)}{status}{population} for {context.Year}, {Money.Format(context.EntitlementUsedBefore)} used by earlier lines";
        return check.Reason switch
        {
            Cut => RuleOutcome.Warn(Code, $"{sum}: only {Money.Format(left)} left, so {Money.Format(context.ReimbursableBeforeEntitlement)} is cut to {Money.Format(result.Reimbursable)}.", figures),
            Exhausted => RuleOutcome.Fail(Code, $"£0: entitlement used up. {sum}: nothing left for {Money.Format(context.ReimbursableBeforeEntitlement)}.", figures),
            _ => RuleOutcome.Pass(Code, $"{sum}; {Money.Format(result.Reimbursable)} fits ({Money.Format(left - result.Reimbursable)} left after it).", figures),
        };
    }
}
