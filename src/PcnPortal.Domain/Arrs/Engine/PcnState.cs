using PcnPortal.Domain.Arrs.Rules;
using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Arrs.Engine;

/// <summary>Per-PCN working state for one assessment: context, ARR Sum, baseline posts by role, running total.</summary>
internal sealed class PcnState
{
    private readonly List<BaselinePost>?[] _postsByRole;
    private readonly HashSet<string>?[] _namedByRole;
    private readonly FinancialYear _year;

    public PcnState(string pcnCode, PcnYearContext? context, ArrsReferenceData reference, FinancialYear year, int roleCount)
    {
        Context = context;
        _year = year;
        Tier = context?.AreaTier ?? AreaTier.National;
        WeightedPopulation = context?.WeightedPopulation ?? 0;
        NotHeld = EntitlementRule.NotHeldReason(pcnCode, context, reference, year);
        ArrSum = context is null || NotHeld is not null ? 0m : context.ArrSum ?? CalculateArrSum(reference, year, context.WeightedPopulation);
        if (context is not null && NotHeld is null && reference.ArrSumMethodFor(year) is { GpRatePerWeightedPatient: > 0m })
        {
            GpSum = context.GpSum ?? Arrs.ArrSum.CalculateGpSum(reference, year, context.WeightedPopulation)!.Amount;
        }
        _postsByRole = new List<BaselinePost>?[roleCount];
        _namedByRole = new HashSet<string>?[roleCount];
        foreach (var post in context?.Baseline ?? [])
        {
            var role = reference.RoleIndex(post.RoleCode);
            if (role < 0)
            {
                continue;
            }

            (_postsByRole[role] ??= []).Add(post);
            if (!string.IsNullOrEmpty(post.StaffRef))
            {
                (_namedByRole[role] ??= new HashSet<string>(StringComparer.Ordinal)).Add(post.StaffRef);
            }
        }
    }

    public PcnYearContext? Context { get; }

    public AreaTier Tier { get; }

    public int WeightedPopulation { get; }

    public decimal ArrSum { get; }

    /// <summary>Why the PCN has no ARR Sum for the year (what to load), or null when it has one.</summary>
    public string? NotHeld { get; }

    public decimal Used { get; set; }

    /// <summary>The ring-fenced GP sum (2024/25), usable only for GP claims; null in a year without one.</summary>
    public decimal? GpSum { get; }

    /// <summary>What GP claims have used of <see cref="GpSum"/>.</summary>
    public decimal GpUsed { get; set; }

    public bool IsNamedInBaseline(int role, string staffRef) => _namedByRole[role]?.Contains(staffRef) == true;

    /// <summary>The WTE of the role's baseline posts vacant beyond grace in the month of the year (<see cref="AdditionalityRule.VacantBeyondGraceWte"/>).</summary>
    public decimal VacantBeyondGraceWte(int role, int monthIndex, out decimal baselineWte, out bool inGrace) =>
        AdditionalityRule.VacantBeyondGraceWte(PostsFor(role), _year.FirstDay.AddMonths(monthIndex), out baselineWte, out inGrace);

    /// <summary>The first baseline post for the role vacant during the month, for explanations.</summary>
    public DateOnly? VacantFrom(int role, DateOnly monthStart) => AdditionalityRule.VacantFrom(PostsFor(role), monthStart);

    private IReadOnlyList<BaselinePost> PostsFor(int role) => _postsByRole[role] ?? (IReadOnlyList<BaselinePost>)[];

    private static decimal CalculateArrSum(ArrsReferenceData reference, FinancialYear year, int weightedPopulation) =>
        reference.ArrSumMethodFor(year) is null ? 0m : Arrs.ArrSum.Calculate(reference, year, weightedPopulation).Amount;
}
