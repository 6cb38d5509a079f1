using PcnPortal.Domain.Arrs.Engine;
using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Arrs.Rules;

/// <summary>ARRS-RATE: records the reimbursement fraction applied and the schedule it came from.</summary>
public static class RateRule
{
    public const string Code = "ARRS-RATE";
    internal const byte NoRate = 1;

    public static ArrsCheck Evaluate(RoleRateEntry? entry) => entry is null ? ArrsCheck.Fail(NoRate) : ArrsCheck.Pass();

    public static RuleOutcome Describe(ArrsCheck check, ClaimLineInput line, ArrsExplainContext context)
    {
        var entry = context.RateEntry;
        if (check.Failed || entry is null)
        {
            return RuleOutcome.Fail(
                Code,
                $"No reimbursement rate is recorded for {context.Role?.Name ?? line.RoleCode} in {ArrsText.Month(line.Month)}; an administrator must add it.",
                Figures.Of(("role", line.RoleCode)));
        }

        var maximum = entry.MaxReimbursablePerWteYear is { } max ? $", maximum {ArrsText.Pounds(max)} per WTE a year" : "";
        var carried = entry.CarriedForward ? " (figure carried forward: check it)" : "";
        return RuleOutcome.Pass(
            Code,
            $"{ArrsText.Percent(entry.ReimbursementRate)} of cost reimbursed ({entry.AreaTier} schedule from {ArrsText.Date(entry.EffectiveFrom)}{maximum}){carried}.",
            Figures.Of(
                ("rate", ArrsText.Number(entry.ReimbursementRate)),
                ("effectiveFrom", entry.EffectiveFrom.ToString("yyyy-MM-dd")),
                ("areaTier", entry.AreaTier.ToString()),
                ("annualMaximum", entry.MaxReimbursablePerWteYear is { } m ? ArrsText.Number(m) : "")));
    }
}
