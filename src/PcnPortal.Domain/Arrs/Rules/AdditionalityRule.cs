using PcnPortal.Domain.Arrs.Engine;
using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Arrs.Rules;

/// <summary>
/// ARRS-ADDITIONALITY: only staff above the PCN's baseline (31 March 2019) for the role are claimable.
/// Per PCN, role and month, lines are taken in this order: staff named in the baseline first, then earliest start
/// date, then submission order. Each line adds its WTE to a running total; a line wholly within the baseline
/// fails, a line that takes the total over the baseline is paid for the part above it (warn), lines after pass.
/// While a baseline post is vacant the PCN keeps claiming for 3 months (the post's WTE leaves the baseline);
/// from vacant_from + 3 months until the post is refilled every claim for the role fails.
/// Pharmacists transferred from the NHS England Clinical Pharmacist scheme pass from 2020/21 and do not count.
/// </summary>
public static class AdditionalityRule
{
    public const string Code = "ARRS-ADDITIONALITY";
    public const int VacancyGraceMonths = 3;
    internal const byte AboveBaseline = 0;
    internal const byte Transferred = 1;
    internal const byte AboveBaselineInGrace = 2;
    internal const byte PartlyWithinBaseline = 3;
    internal const byte WithinBaseline = 4;
    internal const byte TransferredBefore2020 = 5;
    internal const byte VacantBeyondGrace = 6;

    /// <summary>
    /// Evaluates one line given the role WTE already counted this month; returns the fraction of the line's WTE
    /// above the baseline (1 when wholly above, 0 when within).
    /// </summary>
    public static ArrsCheck Evaluate(
        bool transferredPharmacist,
        FinancialYear year,
        bool vacantBeyondGrace,
        bool inGrace,
        decimal baselineWte,
        decimal roleWteBefore,
        decimal wte,
        out decimal additionalFraction) =>
        Evaluate(transferredPharmacist, year, vacantBeyondGrace, inGrace, baselineWte, roleWteBefore, roleWteBefore + wte, wte, out additionalFraction);

    /// <summary>As above, given the role WTE including this line (<paramref name="roleWteBefore"/> + <paramref name="wte"/>).</summary>
    internal static ArrsCheck Evaluate(
        bool transferredPharmacist,
        FinancialYear year,
        bool vacantBeyondGrace,
        bool inGrace,
        decimal baselineWte,
        decimal roleWteBefore,
        decimal roleWteAfter,
        decimal wte,
        out decimal additionalFraction)
    {
        additionalFraction = 0m;
        if (transferredPharmacist)
        {
            if (year.StartYear < 2020)
            {
                return ArrsCheck.Fail(TransferredBefore2020);
            }

            additionalFraction = 1m;
            return ArrsCheck.Pass(Transferred);
        }

        if (vacantBeyondGrace)
        {
            return ArrsCheck.Fail(VacantBeyondGrace);
        }

        var after = roleWteAfter;
        if (after <= baselineWte)
        {
            return ArrsCheck.Fail(WithinBaseline);
        }

        if (roleWteBefore < baselineWte)
        {
            additionalFraction = (after - baselineWte) / wte;
            return ArrsCheck.Warn(PartlyWithinBaseline);
        }

        additionalFraction = 1m;
        return ArrsCheck.Pass(inGrace ? AboveBaselineInGrace : AboveBaseline);
    }

    /// <summary>
    /// The baseline WTE for a role that applies in a month, from the PCN's baseline posts for the role: posts vacant
    /// within their grace leave it (<paramref name="inGrace"/>); a post vacant beyond grace and not refilled blocks
    /// every claim for the role (<paramref name="vacantBeyondGrace"/>).
    /// </summary>
    public static decimal BaselineInMonth(IReadOnlyList<BaselinePost> rolePosts, DateOnly monthStart, out bool vacantBeyondGrace, out bool inGrace)
    {
        vacantBeyondGrace = false;
        inGrace = false;
        var baseline = 0m;
        foreach (var post in rolePosts)
        {
            baseline += post.Wte;
        }

        foreach (var post in rolePosts)
        {
            if (IsVacantBeyondGrace(post, monthStart))
            {
                vacantBeyondGrace = true;
            }
            else if (IsVacant(post, monthStart))
            {
                inGrace = true;
                baseline -= post.Wte;
            }
        }

        return baseline;
    }

    /// <summary>The date the first of the role's baseline posts vacant during the month fell vacant, for explanations.</summary>
    public static DateOnly? VacantFrom(IReadOnlyList<BaselinePost> rolePosts, DateOnly monthStart)
    {
        foreach (var post in rolePosts)
        {
            if (IsVacant(post, monthStart))
            {
                return post.VacantFrom;
            }
        }

        return null;
    }

    /// <summary>True from the first month starting on or after vacant_from + 3 months, until the refill month.</summary>
    public static bool IsVacantBeyondGrace(BaselinePost post, DateOnly monthStart) =>
        post.VacantFrom is { } from && IsVacant(post, monthStart) && monthStart >= from.AddMonths(VacancyGraceMonths);

    /// <summary>Vacant during the month: vacant_from on or before its last day and not refilled by then.</summary>
    public static bool IsVacant(BaselinePost post, DateOnly monthStart)
    {
        if (post.VacantFrom is not { } from)
        {
            return false;
        }

        var monthEnd = monthStart.AddMonths(1).AddDays(-1);
        return from <= monthEnd && (post.RefilledOn is not { } refilled || refilled > monthEnd);
    }

    public static RuleOutcome Describe(ArrsCheck check, in ArrsLineResult result, ClaimLineInput line, ArrsExplainContext context)
    {
        var baseline = context.BaselineWte;
        var after = context.RoleWteBefore + line.Wte;
        var figures = Figures.Of(
            ("baselineWte", ArrsText.Wte(baseline)),
            ("roleWteBefore", ArrsText.Wte(context.RoleWteBefore)),
            ("roleWteAfter", ArrsText.Wte(after)),
            ("additionalFraction", ArrsText.Number(context.AdditionalFraction)),
            ("vacantFrom", context.VacantFrom?.ToString("yyyy-MM-dd") ?? ""));
        var role = context.Role?.Name ?? line.RoleCode;
        var grace = context.VacantFrom is { } v ? $" (baseline post vacant from {ArrsText.Date(v)}; grace until {ArrsText.Date(v.AddMonths(VacancyGraceMonths))})" : "";
        return check.Reason switch
        {
            Transferred => RuleOutcome.Pass(Code, $"Transferred from the NHS England Clinical Pharmacist scheme: claimable from 2020/21 and not counted against the baseline.", figures),
            TransferredBefore2020 => RuleOutcome.Fail(Code, $"Transferred from the NHS England Clinical Pharmacist scheme: claimable only from 1 April 2020.", figures),
            VacantBeyondGrace => RuleOutcome.Fail(Code, $"A baseline {role} post has been vacant since {ArrsText.Date(context.VacantFrom ?? line.Month)}, more than {VacancyGraceMonths} months before {ArrsText.Month(line.Month)}; no {role} claims until it is refilled.", figures),
            WithinBaseline => RuleOutcome.Fail(Code, $"Within the baseline: {ArrsText.Wte(after)} WTE {role} in post including this line, baseline {ArrsText.Wte(baseline)} WTE{grace}.", figures),
            PartlyWithinBaseline => RuleOutcome.Warn(Code, $"Partly within the baseline: {ArrsText.Wte(context.RoleWteBefore)} + {ArrsText.Wte(line.Wte)} WTE {role} against a baseline of {ArrsText.Wte(baseline)} WTE; only {ArrsText.Wte(after - baseline)} WTE ({ArrsText.Percent(context.AdditionalFraction)} of the line) is additional{grace}.", figures),
            AboveBaselineInGrace => RuleOutcome.Pass(Code, $"Above the baseline: {ArrsText.Wte(after)} WTE {role} in post including this line, baseline {ArrsText.Wte(baseline)} WTE{grace}.", figures),
            _ => RuleOutcome.Pass(Code, $"Above the baseline: {ArrsText.Wte(after)} WTE {role} in post including this line, baseline {ArrsText.Wte(baseline)} WTE.", figures),
        };
    }
}
