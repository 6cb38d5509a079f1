using PcnPortal.Domain.Arrs.Rules;
using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Arrs.Engine;

/// <summary>
/// Writes a stored line's rule outcomes again from what was kept of its assessment (<see cref="ArrsStoredAssessment"/>),
/// the line, its reimbursable amount, the reference data and the PCN's context for the year the line was assessed with:
/// the same codes, severities, explanations and figures as <see cref="ArrsAssessment.Outcomes"/> gave, because the same
/// rule methods write them from the same figures. One explainer serves any number of lines of the year.
/// </summary>
public sealed class ArrsOutcomeExplainer(ArrsReferenceData reference, FinancialYear year)
{
    private readonly YearTables _tables = new(reference, year);
    private readonly Dictionary<string, PcnState> _pcns = new(StringComparer.Ordinal);

    public FinancialYear Year => year;

    /// <param name="context">The PCN's context for the year as the line was assessed (null when none was held).</param>
    public IReadOnlyList<RuleOutcome> Explain(ClaimLineInput line, decimal reimbursable, ArrsStoredAssessment stored, PcnYearContext? context)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(stored);
        var pcn = PcnFor(line.PcnCode, context);
        var r = new ArrsLineResult();
        r.SetLine(line, 0);
        var month = _tables.Month(line.Month);
        PeriodRule.Evaluate(line, month.Start, month.Days, month.OutsideYear, out var daysInPost);
        r.DaysInPost = (byte)daysInPost;
        r.DaysInMonth = (byte)month.Days;
        var role = reference.RoleIndex(line.RoleCode);
        if (role >= 0 && _tables.RateFor(role, pcn.Tier, in month) is { } entry)
        {
            r.SetEntry(entry);
        }

        r.Reimbursable = reimbursable;
        r.DuplicateOfIndex = stored.DuplicateOfIndex;
        for (var i = 0; i < ArrsAssessment.RuleCodes.Count; i++)
        {
            Set(ref r, ArrsAssessment.RuleCodes[i], stored.CheckAt(i));
        }

        var explain = ArrsAssessment.ExplainContext(
            pcn, reference, year, in r, line, stored.RoleWteBefore, stored.RoleLimitWteBefore, stored.EntitlementUsedBefore);
        var outcomes = new List<RuleOutcome>(ArrsAssessment.RuleCodes.Count);
        foreach (var code in ArrsAssessment.RuleCodes)
        {
            var check = r.CheckFor(code);
            if (check.Assessed)
            {
                outcomes.Add(ArrsAssessment.Describe(code, check, in r, line, explain));
            }
        }

        return outcomes;
    }

    private PcnState PcnFor(string code, PcnYearContext? context)
    {
        if (!_pcns.TryGetValue(code, out var pcn) || !ReferenceEquals(pcn.Context, context))
        {
            pcn = new PcnState(code, context, reference, year, reference.Roles.Count);
            _pcns[code] = pcn;
        }

        return pcn;
    }

    private static void Set(ref ArrsLineResult r, string code, ArrsCheck check)
    {
        switch (code)
        {
            case RoleEligibleRule.Code: r.RoleEligible = check; break;
            case PeriodRule.Code: r.Period = check; break;
            case WteRule.Code: r.Wte = check; break;
            case DuplicateRule.Code: r.Duplicate = check; break;
            case RateRule.Code: r.RateCheck = check; break;
            case FeeRule.Code: r.Fee = check; break;
            case CapRule.Code: r.Cap = check; break;
            case AdditionalityRule.Code: r.Additionality = check; break;
            case RoleLimitRule.Code: r.RoleLimit = check; break;
            case EntitlementRule.Code: r.Entitlement = check; break;
            default: throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown ARRS rule code.");
        }
    }
}
