using PcnPortal.Domain.Arrs.Engine;
using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Arrs.Rules;

/// <summary>
/// ARRS-FEE: a third-party fee is allowed only for a social prescribing link worker supplied by a third party,
/// up to £2,400 per WTE a year (pro rata like the maximum) and still within the SPLW maximum. Fees beyond that
/// are left out of the cost the rate applies to (warn). Not applicable when there is no fee.
/// </summary>
public static class FeeRule
{
    public const string Code = "ARRS-FEE";
    public const decimal ThirdPartySplwAllowancePerWteYear = 2_400m;
    internal const byte OverAllowance = 1;
    internal const byte NotThirdPartySplw = 2;

    public static decimal Allowance(decimal wte, int daysInPost, int daysInMonth) =>
        daysInMonth == 0 ? 0m : ThirdPartySplwAllowancePerWteYear * wte * daysInPost / (daysInMonth * 12m);

    /// <summary>The cost the rate applies to: claimed cost less any third-party fee not allowed.</summary>
    public static decimal AllowedCost(ClaimLineInput line, int daysInPost, int daysInMonth)
    {
        Evaluate(line, daysInPost, daysInMonth, out var allowedFee);
        return AllowedCost(line, allowedFee);
    }

    /// <summary>As above, given the fee allowed (from <see cref="Evaluate"/>).</summary>
    public static decimal AllowedCost(ClaimLineInput line, decimal allowedFee) => line.ClaimedCost - line.ThirdPartyFee + allowedFee;

    /// <summary>Returns the check and the fee allowed into the cost.</summary>
    public static ArrsCheck Evaluate(ClaimLineInput line, int daysInPost, int daysInMonth, out decimal allowedFee)
    {
        var fee = line.ThirdPartyFee;
        if (fee == 0m)
        {
            allowedFee = 0m;
            return ArrsCheck.NotAssessed;
        }

        if (!line.ThirdPartySplw || line.RoleCode != PublishedArrsSchedule.Splw)
        {
            allowedFee = 0m;
            return ArrsCheck.Warn(NotThirdPartySplw);
        }

        var allowance = Allowance(line.Wte, daysInPost, daysInMonth);
        if (fee > allowance)
        {
            allowedFee = allowance;
            return ArrsCheck.Warn(OverAllowance);
        }

        allowedFee = fee;
        return ArrsCheck.Pass();
    }

    public static RuleOutcome Describe(ArrsCheck check, in ArrsLineResult result, ClaimLineInput line)
    {
        var allowance = Money.ToPence(Allowance(line.Wte, result.DaysInPost, result.DaysInMonth));
        var figures = Figures.Of(("fee", line.ThirdPartyFee.ToString("0.00")), ("allowance", allowance.ToString("0.00")));
        return check.Reason switch
        {
            NotThirdPartySplw => RuleOutcome.Warn(Code, $"Third-party fee {Money.Format(line.ThirdPartyFee)} left out: fees are allowed only for a social prescribing link worker supplied by a third party.", figures),
            OverAllowance => RuleOutcome.Warn(Code, $"Third-party fee {Money.Format(line.ThirdPartyFee)} is over the allowance {Money.Format(allowance)} (£2,400 × {ArrsText.Wte(line.Wte)} WTE × {result.DaysInPost}/{result.DaysInMonth} days ÷ 12); only the allowance counts.", figures),
            _ => RuleOutcome.Pass(Code, $"Third-party fee {Money.Format(line.ThirdPartyFee)} within the allowance {Money.Format(allowance)} (£2,400 × {ArrsText.Wte(line.Wte)} WTE × {result.DaysInPost}/{result.DaysInMonth} days ÷ 12).", figures),
        };
    }
}
