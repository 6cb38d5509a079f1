using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Arrs.Rules;

/// <summary>
/// ARRS-WTE: 0 &lt; WTE ≤ 1 on the line (else it fails: £0), and one person's WTE across every PCN's lines for the month
/// at most 1. A person claimed for more than 1 WTE in a month is claimed by more than one PCN (a PCN claims a person once
/// a month: ARRS-DUPLICATE), so which claim is wrong is not something the rules can tell: every line involved is referred
/// to the contracts team (a warning, held from bulk approval, nothing cut), not only the later one
/// (docs/decisions/0012-cross-pcn-wte-referred-not-failed.md). The explanation is read by the PCN that made the claim, so
/// it never gives another PCN's WTE, amounts or name; the contracts team sees those on the line's page.
/// </summary>
public static class WteRule
{
    public const string Code = "ARRS-WTE";
    internal const byte OutOfRange = 1;
    internal const byte OverOneAcrossPcns = 2;

    public static ArrsCheck EvaluateLine(decimal wte) => wte <= 0m || wte > 1m ? ArrsCheck.Fail(OutOfRange) : ArrsCheck.Pass();

    /// <summary>
    /// Given the person's WTE for the month across every PCN's lines (each PCN's line counted once; lines failing the WTE
    /// or period rules, and repeated lines, not counted): over 1 refers every line counted to the contracts team.
    /// </summary>
    public static ArrsCheck EvaluateAcrossPcns(decimal personWteForMonth) => personWteForMonth > 1m ? ArrsCheck.Warn(OverOneAcrossPcns) : ArrsCheck.Pass();

    public static RuleOutcome Describe(ArrsCheck check, ClaimLineInput line)
    {
        var figures = Figures.Of(("wte", ArrsText.Wte(line.Wte)));
        var month = ArrsText.Month(line.Month);
        return check.Reason switch
        {
            OutOfRange => RuleOutcome.Fail(Code, $"£0: WTE out of range. WTE {ArrsText.Wte(line.Wte)} must be more than 0 and at most 1.0; enter contracted hours ÷ 37.5.", figures),
            OverOneAcrossPcns => RuleOutcome.Warn(Code, $"Referred to the contracts team: {line.StaffName} ({line.StaffRef})'s total hours across PCNs in {month} are being checked by the commissioner. This line ({ArrsText.Wte(line.Wte)} WTE) is held for the contracts team's decision; nothing is taken off it meanwhile.", figures),
            _ => RuleOutcome.Pass(Code, $"WTE {ArrsText.Wte(line.Wte)}, more than 0 and at most 1.0; this person is not claimed for more than 1.0 WTE in {month}.", figures),
        };
    }
}
