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
                $"£0: no reimbursement rate held for this role and month. No reimbursement rate is recorded for {context.Role?.Name ?? line.RoleCode} in {ArrsText.Month(line.Month)}; an administrator must add it.",
                Figures.Of(("role", line.RoleCode)));
        }

        var maximum = entry.MaxReimbursablePerWteYear is { } max ? $", maximum {ArrsText.Pounds(max)} per WTE a year" : ", no published maximum held";
        var tier = context.PcnTier != entry.AreaTier ? $"; no {TierName(context.PcnTier)} figure held, so the national one applies" : "";
        return RuleOutcome.Pass(
            Code,
            $"{ArrsText.Percent(entry.ReimbursementRate)} of cost reimbursed ({TierName(entry.AreaTier)} schedule from {ArrsText.Date(entry.EffectiveFrom)}{maximum}{tier}); figure {StatusOf(entry, line.Month)}.",
            Figures.Of(
                ("rate", ArrsText.Number(entry.ReimbursementRate)),
                ("effectiveFrom", entry.EffectiveFrom.ToString("yyyy-MM-dd")),
                ("areaTier", entry.AreaTier.ToString()),
                ("annualMaximum", entry.MaxReimbursablePerWteYear is { } m ? ArrsText.Number(m) : ""),
                ("status", entry.Status.ToString())));
    }

    /// <summary>"national", "outer London", "inner London".</summary>
    public static string TierName(AreaTier tier) => tier switch
    {
        AreaTier.OuterLondon => "outer London",
        AreaTier.InnerLondon => "inner London",
        _ => "national",
    };

    /// <summary>The schedule line's status for a claim month, e.g. "carried forward from 1 October 2024: no published figure for June 2025 held".</summary>
    public static string StatusOf(RoleRateEntry entry, DateOnly month) => FigureStatusText.Describe(entry, ArrsText.Month(month));
}
