using PcnPortal.Domain.Arrs.Rules;
using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Arrs.Engine;

/// <summary>
/// The engine's figures for one claim line. Money is pounds. <see cref="Reimbursable"/> is rounded to the penny
/// once; <see cref="MaxForPeriod"/> is shown to the penny but the unrounded figure was used for the comparison.
/// Kept small (one per line of a national year): figures that follow from the line and the schedule entry are
/// worked out when read, and only what depends on other lines (running totals, the payment) is stored.
/// </summary>
public struct ArrsLineResult
{
    /// <summary>The line assessed (null only for a default value).</summary>
    private ClaimLineInput? _line;

    /// <summary>The schedule entry in force for the line's role, area and month (null when none applied).</summary>
    private RoleRateEntry? _entry;

    // Running totals from earlier lines, kept for the explanations, packed by ArrsRunningTotals.
    internal long RoleWteBeforePacked;
    internal long EntitlementUsedBeforePacked;
    internal int DuplicateOfIndex;

    // The rule checks, a byte each (see Pack).
    private byte _roleEligible;
    private byte _period;
    private byte _wte;
    private byte _duplicate;
    private byte _cap;
    private byte _rateCheck;
    private byte _fee;
    private byte _additionality;
    private byte _roleLimit;
    private byte _entitlement;

    /// <summary>Position of the line in the batch passed to <see cref="ArrsAssessor.Assess"/>.</summary>
    public int LineIndex { get; internal set; }

    /// <summary>Sum of the cost columns as claimed.</summary>
    public readonly decimal ClaimedCost => _line?.ClaimedCost ?? 0m;

    /// <summary>The cost the rate applies to: claimed cost less any third-party fee not allowed (ARRS-FEE).</summary>
    public readonly decimal AllowedCost => _line is null ? 0m : FeeRule.AllowedCost(_line, DaysInPost, DaysInMonth);

    /// <summary>The annual maximum per WTE in force for the month (0 when none is recorded).</summary>
    public readonly decimal AnnualMaximum => _entry?.MaxReimbursablePerWteYear ?? 0m;

    /// <summary>Annual maximum × WTE × days in post ÷ days in month ÷ 12, to the penny.</summary>
    public readonly decimal MaxForPeriod => Money.ToPence(MaxForPeriodExact);

    /// <summary>Reimbursement fraction used, e.g. 0.70.</summary>
    public readonly decimal Rate => _entry?.ReimbursementRate ?? 0m;

    /// <summary>What the rules allow, to the penny: 0 when a rule fails, cut when the ARR Sum runs out.</summary>
    public decimal Reimbursable { get; internal set; }

    public byte DaysInPost { get; internal set; }

    public byte DaysInMonth { get; internal set; }

    public ArrsCheck RoleEligible { readonly get => Unpack(_roleEligible); internal set => _roleEligible = Pack(value); }

    public ArrsCheck Period { readonly get => Unpack(_period); internal set => _period = Pack(value); }

    public ArrsCheck Wte { readonly get => Unpack(_wte); internal set => _wte = Pack(value); }

    public ArrsCheck Duplicate { readonly get => Unpack(_duplicate); internal set => _duplicate = Pack(value); }

    public ArrsCheck Cap { readonly get => Unpack(_cap); internal set => _cap = Pack(value); }

    public ArrsCheck RateCheck { readonly get => Unpack(_rateCheck); internal set => _rateCheck = Pack(value); }

    public ArrsCheck Fee { readonly get => Unpack(_fee); internal set => _fee = Pack(value); }

    public ArrsCheck Additionality { readonly get => Unpack(_additionality); internal set => _additionality = Pack(value); }

    public ArrsCheck RoleLimit { readonly get => Unpack(_roleLimit); internal set => _roleLimit = Pack(value); }

    public ArrsCheck Entitlement { readonly get => Unpack(_entitlement); internal set => _entitlement = Pack(value); }

    /// <summary>The worst outcome across the rules.</summary>
    public readonly RuleSeverity Status
    {
        get
        {
            var worst = (byte)0;
            foreach (var check in Checks())
            {
                worst = Math.Max(worst, (byte)check.State);
            }

            return worst >= (byte)ArrsCheckState.Fail ? RuleSeverity.Fail : worst == (byte)ArrsCheckState.Warn ? RuleSeverity.Warn : RuleSeverity.Pass;
        }
    }

    /// <summary>The outcome of one rule by its code, or null when not applicable to this line.</summary>
    public readonly RuleSeverity? SeverityOf(string code) => CheckFor(code).Severity;

    public readonly ArrsCheck CheckFor(string code) => code switch
    {
        RoleEligibleRule.Code => RoleEligible,
        PeriodRule.Code => Period,
        WteRule.Code => Wte,
        DuplicateRule.Code => Duplicate,
        CapRule.Code => Cap,
        RateRule.Code => RateCheck,
        FeeRule.Code => Fee,
        AdditionalityRule.Code => Additionality,
        RoleLimitRule.Code => RoleLimit,
        EntitlementRule.Code => Entitlement,
        _ => ArrsCheck.NotAssessed,
    };

    internal readonly bool AnyFailed =>
        RoleEligible.Failed || Period.Failed || Wte.Failed || Duplicate.Failed || Cap.Failed || RateCheck.Failed
        || Fee.Failed || Additionality.Failed || RoleLimit.Failed || Entitlement.Failed;

    /// <summary>The unrounded maximum for the period, as compared with rate × cost (0 when no maximum applied).</summary>
    internal readonly decimal MaxForPeriodExact =>
        _line is not null && _entry?.MaxReimbursablePerWteYear is { } annual && DaysInMonth > 0 ? CapRule.MaxForPeriod(annual, _line.Wte, DaysInPost, DaysInMonth) : 0m;

    internal void SetLine(ClaimLineInput line, int index)
    {
        _line = line;
        LineIndex = index;
        DuplicateOfIndex = -1;
    }

    internal void SetEntry(RoleRateEntry entry) => _entry = entry;

    /// <summary>A check in one byte: the state in the low 2 bits, the reason above them.</summary>
    private static byte Pack(ArrsCheck check) =>
        check.Reason < 64 ? (byte)((byte)check.State | (check.Reason << 2)) : throw new ArgumentOutOfRangeException(nameof(check), check.Reason, "Reason codes are below 64.");

    private static ArrsCheck Unpack(byte packed) => new((ArrsCheckState)(packed & 3), (byte)(packed >> 2));

    private readonly ArrsCheck[] Checks() => [RoleEligible, Period, Wte, Duplicate, Cap, RateCheck, Fee, Additionality, RoleLimit, Entitlement];
}
