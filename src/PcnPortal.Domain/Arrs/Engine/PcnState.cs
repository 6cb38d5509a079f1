using PcnPortal.Domain.Arrs.Rules;
using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Arrs.Engine;

/// <summary>Per-PCN working state for one assessment: context, ARR Sum, baseline by role, vacancies, running total.</summary>
internal sealed class PcnState
{
    private readonly decimal[] _baselineByRole;
    private readonly HashSet<string>?[] _namedByRole;
    private readonly List<BaselinePost>?[] _vacatedByRole;
    private readonly FinancialYear _year;

    public PcnState(PcnYearContext? context, ArrsReferenceData reference, FinancialYear year, int roleCount)
    {
        Context = context;
        _year = year;
        Tier = context?.AreaTier ?? AreaTier.National;
        WeightedPopulation = context?.WeightedPopulation ?? 0;
        ArrSum = context is null ? 0m : context.ArrSum ?? CalculateArrSum(reference, year, context.WeightedPopulation);
        _baselineByRole = new decimal[roleCount];
        _namedByRole = new HashSet<string>?[roleCount];
        _vacatedByRole = new List<BaselinePost>?[roleCount];
        foreach (var post in context?.Baseline ?? [])
        {
            var role = reference.RoleIndex(post.RoleCode);
            if (role < 0)
            {
                continue;
            }

            _baselineByRole[role] += post.Wte;
            if (!string.IsNullOrEmpty(post.StaffRef))
            {
                (_namedByRole[role] ??= new HashSet<string>(StringComparer.Ordinal)).Add(post.StaffRef);
            }

            if (post.VacantFrom is not null)
            {
                (_vacatedByRole[role] ??= []).Add(post);
            }
        }
    }

    public PcnYearContext? Context { get; }

    public AreaTier Tier { get; }

    public int WeightedPopulation { get; }

    public decimal ArrSum { get; }

    public decimal Used { get; set; }

    public bool IsNamedInBaseline(int role, string staffRef) => _namedByRole[role]?.Contains(staffRef) == true;

    /// <summary>
    /// The baseline WTE that applies in the month: posts vacant within their 3-month grace leave it; a post vacant
    /// beyond grace and not refilled blocks the role.
    /// </summary>
    public decimal BaselineWte(int role, int monthIndex, out bool blocked, out bool inGrace)
    {
        blocked = false;
        inGrace = false;
        var baseline = _baselineByRole[role];
        var vacated = _vacatedByRole[role];
        if (vacated is null)
        {
            return baseline;
        }

        var monthStart = _year.FirstDay.AddMonths(monthIndex);
        foreach (var post in vacated)
        {
            if (AdditionalityRule.IsVacantBeyondGrace(post, monthStart))
            {
                blocked = true;
            }
            else if (AdditionalityRule.IsVacant(post, monthStart))
            {
                inGrace = true;
                baseline -= post.Wte;
            }
        }

        return baseline;
    }

    /// <summary>The first baseline post for the role vacant during the month, for explanations.</summary>
    public DateOnly? VacantFrom(int role, DateOnly monthStart)
    {
        foreach (var post in _vacatedByRole[role] ?? [])
        {
            if (AdditionalityRule.IsVacant(post, monthStart))
            {
                return post.VacantFrom;
            }
        }

        return null;
    }

    private static decimal CalculateArrSum(ArrsReferenceData reference, FinancialYear year, int weightedPopulation) =>
        reference.ArrSumMethodFor(year) is null ? 0m : Arrs.ArrSum.Calculate(reference, year, weightedPopulation).Amount;
}
