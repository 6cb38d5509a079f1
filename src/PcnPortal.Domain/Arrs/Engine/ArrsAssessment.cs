using PcnPortal.Domain.Arrs.Rules;
using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Arrs.Engine;

/// <summary>
/// The result of <see cref="ArrsAssessor.Assess"/>: one <see cref="ArrsLineResult"/> per input line, in input
/// order. Explanations are written on demand by <see cref="Outcomes"/> so the engine itself stays allocation-light.
/// </summary>
public sealed class ArrsAssessment
{
    /// <summary>The rule codes in the order outcomes are listed.</summary>
    public static readonly IReadOnlyList<string> RuleCodes =
    [
        RoleEligibleRule.Code, PeriodRule.Code, WteRule.Code, DuplicateRule.Code, RateRule.Code, FeeRule.Code,
        CapRule.Code, AdditionalityRule.Code, RoleLimitRule.Code, EntitlementRule.Code,
    ];

    private readonly ArrsLineResult[] _results;
    private readonly ArrsReferenceData _reference;
    private readonly Dictionary<string, PcnState> _pcns;
    private readonly ArrsRunningTotals _totals;

    internal ArrsAssessment(IReadOnlyList<ClaimLineInput> lines, ArrsLineResult[] results, ArrsReferenceData reference, FinancialYear year, Dictionary<string, PcnState> pcns, ArrsRunningTotals totals)
    {
        _totals = totals;
        Lines = lines;
        _results = results;
        _reference = reference;
        Year = year;
        _pcns = pcns;
    }

    public FinancialYear Year { get; }

    public IReadOnlyList<ClaimLineInput> Lines { get; }

    public int Count => _results.Length;

    /// <summary>The figures and rule checks for the line at <paramref name="index"/> (input order).</summary>
    public ref readonly ArrsLineResult this[int index] => ref _results[index];

    public ReadOnlySpan<ArrsLineResult> Results => _results;

    /// <summary>Why a PCN in the batch has no ARR Sum (what to load), or null when it has one (or is not in the batch).</summary>
    public string? ArrSumNotHeld(string pcnCode) => _pcns.TryGetValue(pcnCode, out var pcn) ? pcn.NotHeld : null;

    /// <summary>The ARR Sum the engine used for a PCN in the batch (0 when none is held: see <see cref="ArrSumNotHeld"/>).</summary>
    public decimal ArrSumFor(string pcnCode) => _pcns.TryGetValue(pcnCode, out var pcn) ? pcn.ArrSum : 0m;

    /// <summary>The ring-fenced GP sum the engine used for a PCN in the batch (null in a year without one).</summary>
    public decimal? GpSumFor(string pcnCode) => _pcns.TryGetValue(pcnCode, out var pcn) ? pcn.GpSum : null;

    /// <summary>Reimbursable total for a PCN in the batch (ARR Sum and GP sum).</summary>
    public decimal ReimbursableFor(string pcnCode) => _pcns.TryGetValue(pcnCode, out var pcn) ? pcn.Used + pcn.GpUsed : 0m;

    /// <summary>What GP claims of a PCN in the batch were paid from its ring-fenced GP sum.</summary>
    public decimal GpReimbursableFor(string pcnCode) => _pcns.TryGetValue(pcnCode, out var pcn) ? pcn.GpUsed : 0m;

    /// <summary>Every applicable rule's outcome for a line, with its explanation sentence and figures.</summary>
    public IReadOnlyList<RuleOutcome> Outcomes(int index)
    {
        ref readonly var r = ref _results[index];
        var line = Lines[index];
        var context = ExplainContext(index, in r, line);
        var outcomes = new List<RuleOutcome>(10);
        foreach (var code in RuleCodes)
        {
            var check = r.CheckFor(code);
            if (check.Assessed)
            {
                outcomes.Add(Describe(code, check, in r, line, context));
            }
        }

        return outcomes;
    }

    /// <summary>One rule's outcome for a line, or null when the rule did not apply to it.</summary>
    public RuleOutcome? Outcome(int index, string code)
    {
        ref readonly var r = ref _results[index];
        var check = r.CheckFor(code);
        return check.Assessed ? Describe(code, check, in r, Lines[index], ExplainContext(index, in r, Lines[index])) : null;
    }

    /// <summary>Pass/warn/fail counts per rule code (the import-claims summary).</summary>
    public IReadOnlyDictionary<string, (int Pass, int Warn, int Fail)> CountByRule()
    {
        var counts = new Dictionary<string, (int Pass, int Warn, int Fail)>(StringComparer.Ordinal);
        foreach (var code in RuleCodes)
        {
            int pass = 0, warn = 0, fail = 0;
            foreach (ref readonly var r in Results)
            {
                switch (r.CheckFor(code).State)
                {
                    case ArrsCheckState.Pass: pass++; break;
                    case ArrsCheckState.Warn: warn++; break;
                    case ArrsCheckState.Fail: fail++; break;
                }
            }

            counts[code] = (pass, warn, fail);
        }

        return counts;
    }

    /// <summary>
    /// What is kept of a line's assessment so that <see cref="ArrsOutcomeExplainer"/> can write its outcomes again, word
    /// for word, without the rest of the year: each rule's check and the running totals from earlier lines.
    /// </summary>
    public ArrsStoredAssessment Stored(int index)
    {
        ref readonly var r = ref _results[index];
        return new ArrsStoredAssessment(
            ArrsStoredAssessment.EncodeChecks(in r),
            _totals.Unpack(r.RoleWteBeforePacked),
            _totals.RoleLimitBefore(index),
            _totals.Unpack(r.EntitlementUsedBeforePacked),
            r.DuplicateOfIndex);
    }

    private ArrsExplainContext ExplainContext(int index, in ArrsLineResult r, ClaimLineInput line)
    {
        _pcns.TryGetValue(line.PcnCode, out var pcn);
        return ExplainContext(
            pcn, _reference, Year, in r, line,
            _totals.Unpack(r.RoleWteBeforePacked), _totals.RoleLimitBefore(index), _totals.Unpack(r.EntitlementUsedBeforePacked));
    }

    /// <summary>
    /// The reference figures a line was assessed against, and the figures that follow from the line and its running
    /// totals (baseline, additional fraction, amount before the ARR Sum), worked out again as the engine did.
    /// </summary>
    internal static ArrsExplainContext ExplainContext(
        PcnState? pcn, ArrsReferenceData reference, FinancialYear year, in ArrsLineResult r, ClaimLineInput line,
        decimal roleWteBefore, decimal roleLimitWteBefore, decimal entitlementUsedBefore)
    {
        var roleIndex = reference.RoleIndex(line.RoleCode);
        var monthStart = new DateOnly(line.Month.Year, line.Month.Month, 1);
        decimal baseline = 0m, vacant = 0m, fraction = 0m, requested = 0m;
        var fromGpSum = pcn?.GpSum is not null && roleIndex >= 0 && roleIndex == reference.RoleIndex(PublishedArrsSchedule.Gp);
        if (r.Additionality.Assessed && pcn is not null && roleIndex >= 0)
        {
            vacant = pcn.VacantBeyondGraceWte(roleIndex, YearTables.MonthIndex(line.Month, year), out baseline, out var inGrace);
            var transferred = line.TransferredFromClinicalPharmacistScheme && roleIndex == reference.RoleIndex(PublishedArrsSchedule.ClinicalPharmacist);
            AdditionalityRule.Evaluate(transferred, year, pcn.IsNamedInBaseline(roleIndex, line.StaffRef), inGrace, vacant, roleWteBefore, line.Wte, out fraction);
            if (r.Entitlement.Assessed)
            {
                var uncapped = r.Rate * r.AllowedCost;
                var max = r.MaxForPeriodExact;
                requested = Money.ToPence(CapRule.Capped(uncapped, max) * fraction);
            }
        }

        return new ArrsExplainContext(
            year,
            roleIndex >= 0 ? reference.Roles[roleIndex] : null,
            roleIndex >= 0 ? reference.RateInForce(roleIndex, pcn?.Tier ?? AreaTier.National, monthStart) : null,
            fromGpSum ? pcn!.GpSum!.Value : pcn?.ArrSum ?? 0m,
            roleIndex >= 0 ? reference.RoleLimitFor(roleIndex, year)?.CapFor(pcn?.WeightedPopulation ?? 0) : null,
            pcn?.WeightedPopulation ?? 0,
            roleIndex >= 0 && pcn is not null ? pcn.VacantFrom(roleIndex, monthStart) : null)
        {
            PcnTier = pcn?.Tier ?? AreaTier.National,
            FromGpSum = fromGpSum,
            ArrSumNotHeld = pcn?.NotHeld,
            PopulationNote = pcn?.Context?.PopulationNote ?? "",
            Redistribution = fromGpSum ? "" : pcn?.Context?.RedistributionNote ?? "",
            ArrSumMethod = reference.ArrSumMethodFor(year),
            RoleWteBefore = roleWteBefore,
            RoleLimitWteBefore = roleLimitWteBefore,
            EntitlementUsedBefore = entitlementUsedBefore,
            BaselineWte = baseline,
            VacantBeyondGraceWte = vacant,
            AdditionalFraction = fraction,
            ReimbursableBeforeEntitlement = requested,
        };
    }

    internal static RuleOutcome Describe(string code, ArrsCheck check, in ArrsLineResult r, ClaimLineInput line, ArrsExplainContext context) => code switch
    {
        RoleEligibleRule.Code => RoleEligibleRule.Describe(check, line, context),
        PeriodRule.Code => PeriodRule.Describe(check, in r, line, context),
        WteRule.Code => WteRule.Describe(check, line),
        DuplicateRule.Code => DuplicateRule.Describe(check, in r, line),
        RateRule.Code => RateRule.Describe(check, line, context),
        FeeRule.Code => FeeRule.Describe(check, in r, line),
        CapRule.Code => CapRule.Describe(check, in r, line, context),
        AdditionalityRule.Code => AdditionalityRule.Describe(check, in r, line, context),
        RoleLimitRule.Code => RoleLimitRule.Describe(check, in r, line, context),
        EntitlementRule.Code => EntitlementRule.Describe(check, in r, line, context),
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown ARRS rule code."),
    };
}
