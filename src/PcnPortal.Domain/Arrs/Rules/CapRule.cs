using PcnPortal.Domain.Arrs.Engine;
using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Arrs.Rules;

/// <summary>
/// ARRS-CAP: the rate × cost is compared with the maximum for the period
/// (annual maximum × WTE × days in post ÷ days in month ÷ 12). Warns when the maximum binds.
/// </summary>
public static class CapRule
{
    public const string Code = "ARRS-CAP";
    internal const byte Binds = 1;
    internal const byte NoMaximum = 2;

    public static decimal MaxForPeriod(decimal annualMaximum, decimal wte, int daysInPost, int daysInMonth) =>
        annualMaximum * wte * daysInPost / (daysInMonth * 12m);

    /// <summary>What the line can be paid before the baseline and the ARR Sum: rate × cost, or the maximum for the period when lower.</summary>
    public static decimal Capped(decimal rateTimesCost, decimal maxForPeriod) => rateTimesCost < maxForPeriod ? rateTimesCost : maxForPeriod;

    public static ArrsCheck Evaluate(decimal rateTimesCost, decimal? maxForPeriod) =>
        maxForPeriod is not { } max ? ArrsCheck.Fail(NoMaximum)
        : rateTimesCost > max ? ArrsCheck.Warn(Binds)
        : ArrsCheck.Pass();

    public static RuleOutcome Describe(ArrsCheck check, in ArrsLineResult result, ClaimLineInput line, ArrsExplainContext context)
    {
        if (check.Reason == NoMaximum)
        {
            return RuleOutcome.Fail(
                Code,
                $"No maximum reimbursable amount is recorded for {context.Role?.Name ?? line.RoleCode} in {ArrsText.Month(line.Month)}; an administrator must add it before the line can be paid.",
                Figures.Of(("role", line.RoleCode), ("month", line.Month.ToString("yyyy-MM"))));
        }

        var uncapped = result.Rate * result.AllowedCost;
        var sentence =
            $"Cap {Money.Format(result.MaxForPeriod)} = {ArrsText.Pounds(result.AnnualMaximum)} × {ArrsText.Wte(line.Wte)} WTE × {result.DaysInPost}/{result.DaysInMonth} days ÷ 12; " +
            $"claimed {ArrsText.Percent(result.Rate)} of {Money.Format(result.AllowedCost)} = {Money.Format(Money.ToPence(uncapped))}; " +
            (check.State == ArrsCheckState.Warn ? "capped" : "within the cap");
        var figures = Figures.Of(
            ("annualMaximum", ArrsText.Number(result.AnnualMaximum)),
            ("wte", ArrsText.Wte(line.Wte)),
            ("daysInPost", result.DaysInPost.ToString()),
            ("daysInMonth", result.DaysInMonth.ToString()),
            ("maxForPeriod", Money.ToPence(result.MaxForPeriod).ToString("0.00")),
            ("rate", ArrsText.Number(result.Rate)),
            ("cost", result.AllowedCost.ToString("0.00")),
            ("rateTimesCost", Money.ToPence(uncapped).ToString("0.00")));
        return check.State == ArrsCheckState.Warn ? RuleOutcome.Warn(Code, sentence + ".", figures) : RuleOutcome.Pass(Code, sentence + ".", figures);
    }
}
