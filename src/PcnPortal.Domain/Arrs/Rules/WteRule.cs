using PcnPortal.Domain.Arrs.Engine;
using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Arrs.Rules;

/// <summary>ARRS-WTE: 0 &lt; WTE ≤ 1 on the line, and one person's WTE across every PCN's lines for the month ≤ 1.</summary>
public static class WteRule
{
    public const string Code = "ARRS-WTE";
    internal const byte OutOfRange = 1;
    internal const byte OverOneAcrossClaims = 2;

    public static ArrsCheck EvaluateLine(decimal wte) => wte <= 0m || wte > 1m ? ArrsCheck.Fail(OutOfRange) : ArrsCheck.Pass();

    /// <summary>The person's WTE on earlier lines (submission order) for the month, plus this line's.</summary>
    public static ArrsCheck EvaluateAcrossClaims(decimal wteBefore, decimal wte) => EvaluateTotal(wteBefore + wte);

    /// <summary>As above, given the person's WTE for the month including this line.</summary>
    internal static ArrsCheck EvaluateTotal(decimal wteIncludingLine) => wteIncludingLine > 1m ? ArrsCheck.Fail(OverOneAcrossClaims) : ArrsCheck.Pass();

    public static RuleOutcome Describe(ArrsCheck check, ClaimLineInput line, ArrsExplainContext context)
    {
        var total = context.StaffWteBefore + line.Wte;
        var figures = Figures.Of(("wte", ArrsText.Wte(line.Wte)), ("wteOnEarlierLines", ArrsText.Wte(context.StaffWteBefore)), ("wteTotal", ArrsText.Wte(total)));
        return check.Reason switch
        {
            OutOfRange => RuleOutcome.Fail(Code, $"£0: WTE out of range. WTE {ArrsText.Wte(line.Wte)} must be more than 0 and at most 1.0; enter contracted hours ÷ 37.5.", figures),
            OverOneAcrossClaims => RuleOutcome.Fail(Code, $"£0: over 1.0 WTE for one person. {line.StaffName} ({line.StaffRef}) is claimed at {ArrsText.Wte(total)} WTE in {ArrsText.Month(line.Month)} across all claims ({ArrsText.Wte(context.StaffWteBefore)} on earlier lines + {ArrsText.Wte(line.Wte)} here); one person can be claimed for at most 1.0 WTE.", figures),
            _ => RuleOutcome.Pass(Code, $"WTE {ArrsText.Wte(line.Wte)}; {ArrsText.Wte(total)} WTE for this person across all claims in {ArrsText.Month(line.Month)}.", figures),
        };
    }
}
