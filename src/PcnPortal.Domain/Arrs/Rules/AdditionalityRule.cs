using PcnPortal.Domain.Arrs.Engine;
using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Arrs.Rules;

/// <summary>
/// ARRS-ADDITIONALITY (Network Contract DES, additional roles: staff must be additional to the PCN's baseline, the
/// posts its practices held on 31 March 2019). The baseline is maintained by keeping its posts filled, and the
/// practices' baseline staff are not claimed for (they are not on claim lines), so:
/// <list type="bullet">
/// <item>while every baseline post for the role is filled, or vacant for less than 3 months (the grace to refill it),
/// claimed staff in the role are additional and pass;</item>
/// <item>a baseline post vacant for 3 months or more (from the first month starting on or after vacant_from + 3
/// months) and not refilled is not being maintained: claimed WTE in the role covers it first. Per PCN, role and month,
/// lines are taken by earliest start date, then the ARR Sum's order; a line wholly within the vacant WTE fails (£0), the
/// line that crosses it is paid for the part above it (warn), later lines pass;</item>
/// <item>a line for a person named in a baseline post for the role fails: that person is the baseline being maintained;</item>
/// <item>pharmacists transferred from the NHS England Clinical Pharmacist scheme pass from 2020/21 and cover nothing.</item>
/// </list>
/// </summary>
public static class AdditionalityRule
{
    public const string Code = "ARRS-ADDITIONALITY";
    public const int VacancyGraceMonths = 3;
    internal const byte BaselineMaintained = 0;
    internal const byte Transferred = 1;
    internal const byte VacantWithinGrace = 2;
    internal const byte PartlyCoversVacantPost = 3;
    internal const byte CoversVacantPost = 4;
    internal const byte TransferredBefore2020 = 5;
    internal const byte NamedInBaseline = 6;

    /// <summary>
    /// Evaluates one line given the role WTE claimed earlier in the month (in the baseline's order) and the WTE of the
    /// role's baseline posts vacant beyond grace; returns the fraction of the line's WTE that is additional.
    /// </summary>
    public static ArrsCheck Evaluate(
        bool transferredPharmacist,
        FinancialYear year,
        bool namedInBaseline,
        bool inGrace,
        decimal vacantBeyondGraceWte,
        decimal roleWteBefore,
        decimal wte,
        out decimal additionalFraction) =>
        Evaluate(transferredPharmacist, year, namedInBaseline, inGrace, vacantBeyondGraceWte, roleWteBefore, roleWteBefore + wte, wte, out additionalFraction);

    /// <summary>As above, given the role WTE including this line (<paramref name="roleWteBefore"/> + <paramref name="wte"/>).</summary>
    internal static ArrsCheck Evaluate(
        bool transferredPharmacist,
        FinancialYear year,
        bool namedInBaseline,
        bool inGrace,
        decimal vacantBeyondGraceWte,
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

        if (namedInBaseline)
        {
            return ArrsCheck.Fail(NamedInBaseline);
        }

        if (roleWteAfter <= vacantBeyondGraceWte)
        {
            return ArrsCheck.Fail(CoversVacantPost);
        }

        if (roleWteBefore < vacantBeyondGraceWte)
        {
            additionalFraction = (roleWteAfter - vacantBeyondGraceWte) / wte;
            return ArrsCheck.Warn(PartlyCoversVacantPost);
        }

        additionalFraction = 1m;
        return ArrsCheck.Pass(inGrace ? VacantWithinGrace : BaselineMaintained);
    }

    /// <summary>Whether a line counts towards covering the role's vacant baseline posts (transferred pharmacists and baseline post holders do not).</summary>
    public static bool CountsTowardsCover(bool transferredPharmacist, bool namedInBaseline) => !transferredPharmacist && !namedInBaseline;

    /// <summary>
    /// The role's baseline in a month: returns the WTE of its posts vacant beyond grace and not refilled (what claimed
    /// staff must cover); <paramref name="baselineWte"/> is every post's WTE; <paramref name="inGrace"/> is true when a
    /// post is vacant but still within its grace.
    /// </summary>
    public static decimal VacantBeyondGraceWte(IReadOnlyList<BaselinePost> rolePosts, DateOnly monthStart, out decimal baselineWte, out bool inGrace)
    {
        inGrace = false;
        baselineWte = 0m;
        var vacant = 0m;
        foreach (var post in rolePosts)
        {
            baselineWte += post.Wte;
            if (IsVacantBeyondGrace(post, monthStart))
            {
                vacant += post.Wte;
            }
            else if (IsVacant(post, monthStart))
            {
                inGrace = true;
            }
        }

        return vacant;
    }

    /// <summary>
    /// The date a baseline post of the role vacant during the month fell vacant, for explanations: the first post vacant
    /// beyond grace, else the first vacant within grace.
    /// </summary>
    public static DateOnly? VacantFrom(IReadOnlyList<BaselinePost> rolePosts, DateOnly monthStart)
    {
        DateOnly? withinGrace = null;
        foreach (var post in rolePosts)
        {
            if (IsVacantBeyondGrace(post, monthStart))
            {
                return post.VacantFrom;
            }

            if (withinGrace is null && IsVacant(post, monthStart))
            {
                withinGrace = post.VacantFrom;
            }
        }

        return withinGrace;
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
        var vacant = context.VacantBeyondGraceWte;
        var after = context.RoleWteBefore + line.Wte;
        var figures = Figures.Of(
            ("baselineWte", ArrsText.Wte(baseline)),
            ("vacantBeyondGraceWte", ArrsText.Wte(vacant)),
            ("roleWteBefore", ArrsText.Wte(context.RoleWteBefore)),
            ("roleWteAfter", ArrsText.Wte(after)),
            ("additionalFraction", ArrsText.Number(context.AdditionalFraction)),
            ("vacantFrom", context.VacantFrom?.ToString("yyyy-MM-dd") ?? ""));
        var role = context.Role?.Name ?? line.RoleCode;
        var from = context.VacantFrom is { } v ? ArrsText.Date(v) : "";
        var graceEnd = context.VacantFrom is { } g ? ArrsText.Date(g.AddMonths(VacancyGraceMonths)) : "";
        var vacantPost = $"{ArrsText.Wte(vacant)} WTE of the PCN's {ArrsText.Wte(baseline)} WTE {role} baseline has been vacant since {from}, {VacancyGraceMonths} months or more before {ArrsText.Month(line.Month)}, and is not refilled, so claimed {role} staff cover it first";
        return check.Reason switch
        {
            Transferred => RuleOutcome.Pass(Code, $"Transferred from the NHS England Clinical Pharmacist scheme: claimable from 2020/21 and not counted against the baseline.", figures),
            TransferredBefore2020 => RuleOutcome.Fail(Code, $"£0: transferred from the NHS England Clinical Pharmacist scheme, which is claimable only from 1 April 2020.", figures),
            NamedInBaseline => RuleOutcome.Fail(Code, $"£0: within the baseline. {line.StaffName} ({line.StaffRef}) holds a {role} post in the PCN's baseline (31 March 2019); keeping that post filled is the baseline being maintained, not an additional post.", figures),
            CoversVacantPost => RuleOutcome.Fail(Code, $"£0: within the baseline. {vacantPost}: {ArrsText.Wte(after)} WTE claimed including this line, none of it above the {ArrsText.Wte(vacant)} WTE vacant.", figures),
            PartlyCoversVacantPost => RuleOutcome.Warn(Code, $"Partly within the baseline: {vacantPost}: {ArrsText.Wte(context.RoleWteBefore)} + {ArrsText.Wte(line.Wte)} WTE claimed, so only {ArrsText.Wte(after - vacant)} WTE ({ArrsText.Percent(context.AdditionalFraction)} of the line) is additional.", figures),
            VacantWithinGrace => RuleOutcome.Pass(Code, $"Additional: a baseline {role} post has been vacant since {from}, within the {VacancyGraceMonths}-month grace to refill it (until {graceEnd}); claimed staff stay additional meanwhile.", figures),
            _ => baseline == 0m
                ? RuleOutcome.Pass(Code, $"Additional: the PCN's baseline (31 March 2019) has no {role} posts.", figures)
                : RuleOutcome.Pass(Code, $"Additional: the PCN's {ArrsText.Wte(baseline)} WTE {role} baseline is maintained (its posts are filled), so claimed {role} staff are additional to it.", figures),
        };
    }
}
