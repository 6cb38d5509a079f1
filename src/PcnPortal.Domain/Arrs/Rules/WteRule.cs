using PcnPortal.Domain.Arrs.Engine;
using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Arrs.Rules;

/// <summary>ARRS-WTE: 0 &lt; WTE ≤ 1 on the line, and one person's WTE across every PCN's lines for the month ≤ 1.</summary>
public static class WteRule
{
    public const string Code = "ARRS-WTE";
    internal const byte OutOfRange = 1;
    internal const byte OverOneAcrossClaims = 2;
    internal const byte SharedWithinOne = 3;
    internal const byte SharedOverOne = 4;

    public static ArrsCheck EvaluateLine(decimal wte) => wte <= 0m || wte > 1m ? ArrsCheck.Fail(OutOfRange) : ArrsCheck.Pass();

    /// <summary>The person's WTE on earlier lines (submission order) for the month, plus this line's.</summary>
    public static ArrsCheck EvaluateAcrossClaims(decimal wteBefore, decimal wte) => EvaluateTotal(wteBefore + wte);

    /// <summary>As above, given the person's WTE for the month including this line.</summary>
    internal static ArrsCheck EvaluateTotal(decimal wteIncludingLine) => wteIncludingLine > 1m ? ArrsCheck.Fail(OverOneAcrossClaims) : ArrsCheck.Pass();

    /// <summary>
    /// A person claimed by more than one PCN in the month, given their WTE across all those claims: within 1.0 passes; over 1.0
    /// every line involved is flagged (a warning) for the contracts team, so no PCN's claim can make another PCN's fail.
    /// </summary>
    internal static ArrsCheck EvaluateAcrossPcns(decimal wteAllPcns) => wteAllPcns > 1m ? ArrsCheck.Warn(SharedOverOne) : ArrsCheck.Pass(SharedWithinOne);

    public static RuleOutcome Describe(ArrsCheck check, ClaimLineInput line, ArrsExplainContext context)
    {
        var total = context.StaffWteBefore + line.Wte;
        var figures = Figures.Of(("wte", ArrsText.Wte(line.Wte)), ("wteOnEarlierLines", ArrsText.Wte(context.StaffWteBefore)), ("wteTotal", ArrsText.Wte(total)));
        var own = Figures.Of(("wte", ArrsText.Wte(line.Wte)));
        return check.Reason switch
        {
            // Shared with another PCN: only this line's own figure is given (a PCN never sees another PCN's claims).
            SharedOverOne => RuleOutcome.Warn(Code, $"{line.StaffName} ({line.StaffRef}) is also claimed by another PCN in {ArrsText.Month(line.Month)}, and together the claims come to more than 1.0 WTE. The contracts team checks the staff reference with both PCNs before either claim is paid; this line claims {ArrsText.Wte(line.Wte)} WTE.", own),
            SharedWithinOne => RuleOutcome.Pass(Code, $"WTE {ArrsText.Wte(line.Wte)}; this person is also claimed by another PCN in {ArrsText.Month(line.Month)}, within 1.0 WTE across all claims.", own),
            OutOfRange => RuleOutcome.Fail(Code, $"WTE {ArrsText.Wte(line.Wte)} must be more than 0 and at most 1.0; enter contracted hours ÷ 37.5.", figures),
            OverOneAcrossClaims => RuleOutcome.Fail(Code, $"{line.StaffName} ({line.StaffRef}) is claimed at {ArrsText.Wte(total)} WTE in {ArrsText.Month(line.Month)} across all claims ({ArrsText.Wte(context.StaffWteBefore)} on earlier lines + {ArrsText.Wte(line.Wte)} here); one person can be claimed for at most 1.0 WTE.", figures),
            _ => RuleOutcome.Pass(Code, $"WTE {ArrsText.Wte(line.Wte)}; {ArrsText.Wte(total)} WTE for this person across all claims in {ArrsText.Month(line.Month)}.", figures),
        };
    }
}
