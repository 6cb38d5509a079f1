using PcnPortal.Domain.Arrs.Engine;
using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Arrs.Rules;

/// <summary>
/// ARRS-ENTITLEMENT: the PCN's reimbursable total for the year, in month then submission order, must stay within
/// its ARR Sum. The line that crosses it is cut to what is left (warn); later lines fail.
/// </summary>
public static class EntitlementRule
{
    public const string Code = "ARRS-ENTITLEMENT";
    internal const byte Cut = 1;
    internal const byte Exhausted = 2;

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
        var left = context.ArrSum - context.EntitlementUsedBefore;
        var figures = Figures.Of(
            ("arrSum", context.ArrSum.ToString("0.00")),
            ("usedBefore", context.EntitlementUsedBefore.ToString("0.00")),
            ("left", Math.Max(left, 0m).ToString("0.00")),
            ("requested", context.ReimbursableBeforeEntitlement.ToString("0.00")),
            ("paid", result.Reimbursable.ToString("0.00")));
        var sum = $"ARR Sum {Money.Format(context.ArrSum)} for {context.Year}, {Money.Format(context.EntitlementUsedBefore)} used by earlier lines";
        return check.Reason switch
        {
            Cut => RuleOutcome.Warn(Code, $"{sum}: only {Money.Format(left)} left, so {Money.Format(context.ReimbursableBeforeEntitlement)} is cut to {Money.Format(result.Reimbursable)}.", figures),
            Exhausted => RuleOutcome.Fail(Code, $"{sum}: nothing left for {Money.Format(context.ReimbursableBeforeEntitlement)}.", figures),
            _ => RuleOutcome.Pass(Code, $"{sum}; {Money.Format(result.Reimbursable)} fits ({Money.Format(left - result.Reimbursable)} left after it).", figures),
        };
    }
}
