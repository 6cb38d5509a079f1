using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Arrs;

/// <summary>
/// The roles, rate schedules, ARR Sum methods and role limits the engine assesses against, indexed once for fast
/// look-up. Build it from the database (or <see cref="PublishedArrsSchedule.Create"/>) and reuse it across batches.
/// </summary>
public sealed class ArrsReferenceData
{
    private readonly Dictionary<string, int> _roleIndex = new(StringComparer.Ordinal);
    private readonly RoleRateEntry[][] _ratesByRole;
    private readonly ArrsRoleLimit[][] _limitsByRole;

    public ArrsReferenceData(
        IEnumerable<ArrsRole> roles,
        IEnumerable<RoleRateEntry> rates,
        IEnumerable<ArrSumMethod> arrSumMethods,
        IEnumerable<ArrsRoleLimit> roleLimits)
    {
        Roles = roles.ToArray();
        for (var i = 0; i < Roles.Count; i++)
        {
            if (!_roleIndex.TryAdd(Roles[i].Code, i))
            {
                throw new ArgumentException($"Role {Roles[i].Code} is listed twice.", nameof(roles));
            }
        }

        Rates = rates.ToArray();
        foreach (var rate in Rates)
        {
            if (!_roleIndex.ContainsKey(rate.RoleCode))
            {
                throw new ArgumentException($"Rate entry for unknown role {rate.RoleCode}.", nameof(rates));
            }
        }

        ArrSumMethods = arrSumMethods.OrderBy(m => m.FinancialYearStart).ToArray();
        RoleLimits = roleLimits.ToArray();

        _ratesByRole = new RoleRateEntry[Roles.Count][];
        _limitsByRole = new ArrsRoleLimit[Roles.Count][];
        for (var i = 0; i < Roles.Count; i++)
        {
            var code = Roles[i].Code;
            _ratesByRole[i] = Rates.Where(r => r.RoleCode == code).OrderBy(r => r.EffectiveFrom).ToArray();
            _limitsByRole[i] = RoleLimits.Where(l => l.RoleCode == code).OrderBy(l => l.FromFinancialYearStart).ToArray();
        }
    }

    public IReadOnlyList<ArrsRole> Roles { get; }

    public IReadOnlyList<RoleRateEntry> Rates { get; }

    public IReadOnlyList<ArrSumMethod> ArrSumMethods { get; }

    public IReadOnlyList<ArrsRoleLimit> RoleLimits { get; }

    /// <summary>Index of the role in <see cref="Roles"/>, or -1 when the code is unknown.</summary>
    public int RoleIndex(string roleCode) => _roleIndex.TryGetValue(roleCode, out var index) ? index : -1;

    public ArrsRole? FindRole(string roleCode) => _roleIndex.TryGetValue(roleCode, out var index) ? Roles[index] : null;

    /// <summary>
    /// The schedule in force on <paramref name="date"/> for the role and area: the latest entry for that tier that
    /// started on or before the date, unless a later national entry has started since (a national uplift with no
    /// published London figure then applies to London too). Null when the role has no entry yet.
    /// </summary>
    public RoleRateEntry? RateInForce(string roleCode, AreaTier tier, DateOnly date) =>
        _roleIndex.TryGetValue(roleCode, out var index) ? RateInForce(index, tier, date) : null;

    internal RoleRateEntry? RateInForce(int roleIndex, AreaTier tier, DateOnly date)
    {
        RoleRateEntry? national = null;
        RoleRateEntry? tiered = null;
        foreach (var entry in _ratesByRole[roleIndex])
        {
            if (entry.EffectiveFrom > date)
            {
                break;
            }

            if (entry.AreaTier == AreaTier.National)
            {
                national = entry;
            }
            else if (entry.AreaTier == tier)
            {
                tiered = entry;
            }
        }

        if (tiered is not null && (national is null || tiered.EffectiveFrom >= national.EffectiveFrom))
        {
            return tiered;
        }

        return national;
    }

    /// <summary>The role-number limit in force for the year, or null when the role has none.</summary>
    public ArrsRoleLimit? RoleLimitFor(string roleCode, FinancialYear year) =>
        _roleIndex.TryGetValue(roleCode, out var index) ? RoleLimitFor(index, year) : null;

    internal ArrsRoleLimit? RoleLimitFor(int roleIndex, FinancialYear year)
    {
        ArrsRoleLimit? found = null;
        foreach (var limit in _limitsByRole[roleIndex])
        {
            if (limit.FromFinancialYearStart > year.StartYear)
            {
                break;
            }

            found = limit;
        }

        return found is { MaxWte: null, MaxWteAtOrAboveThreshold: null } ? null : found;
    }

    /// <summary>The ARR Sum method for the year: the year's own, or the latest earlier one carried forward.</summary>
    public ArrSumMethod? ArrSumMethodFor(FinancialYear year)
    {
        ArrSumMethod? found = null;
        foreach (var method in ArrSumMethods)
        {
            if (method.FinancialYearStart > year.StartYear)
            {
                break;
            }

            found = method;
        }

        return found;
    }
}
