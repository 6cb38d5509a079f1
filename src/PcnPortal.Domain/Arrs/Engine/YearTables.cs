using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Arrs.Engine;

/// <summary>
/// The reference data for one year, looked up once: the schedule in force per role, area tier and month, the
/// role limits, and the claim month last asked about (claim files list month after month, so consecutive lines
/// share it).
/// </summary>
internal sealed class YearTables
{
    private const int Tiers = 3;
    private readonly RoleRateEntry?[] _rates;
    private readonly FinancialYear _year;
    private ClaimMonth _lastMonth;

    public YearTables(ArrsReferenceData reference, FinancialYear year)
    {
        Reference = reference;
        _year = year;
        var roleCount = reference.Roles.Count;
        _rates = new RoleRateEntry?[roleCount * Tiers * 12];
        Limits = new ArrsRoleLimit?[roleCount];
        for (var role = 0; role < roleCount; role++)
        {
            for (var tier = 0; tier < Tiers; tier++)
            {
                for (var m = 0; m < 12; m++)
                {
                    _rates[(((role * Tiers) + tier) * 12) + m] = reference.RateInForce(role, (AreaTier)tier, year.FirstDay.AddMonths(m));
                }
            }

            Limits[role] = reference.RoleLimitFor(role, year);
        }

        PharmacistIndex = reference.RoleIndex(PublishedArrsSchedule.ClinicalPharmacist);
        GpIndex = reference.RoleIndex(PublishedArrsSchedule.Gp);
    }

    public ArrsReferenceData Reference { get; }

    public IReadOnlyList<ArrsRole> Roles => Reference.Roles;

    /// <summary>The role-number limit in force for the year, by role index.</summary>
    public ArrsRoleLimit?[] Limits { get; }

    public int PharmacistIndex { get; }

    /// <summary>The GP role (claims on the ring-fenced GP sum in a year that has one); -1 when not held.</summary>
    public int GpIndex { get; }

    /// <summary>The month of the year (0 = April) a claim month falls in; outside the year it is out of 0–11.</summary>
    public static int MonthIndex(DateOnly month, FinancialYear year) => ((month.Year - year.StartYear) * 12) + month.Month - 4;

    /// <summary>The schedule entry in force for the role and tier in the line's claim month.</summary>
    public RoleRateEntry? RateFor(int role, AreaTier tier, in ClaimMonth month) =>
        month.OutsideYear ? Reference.RateInForce(role, tier, month.Claimed) : _rates[(((role * Tiers) + (int)tier) * 12) + month.Index];

    /// <summary>The claim month's first day, length and place in the year.</summary>
    public ClaimMonth Month(DateOnly claimed)
    {
        if (_lastMonth.Days == 0 || _lastMonth.Claimed != claimed)
        {
            var start = new DateOnly(claimed.Year, claimed.Month, 1);
            _lastMonth = new ClaimMonth(
                claimed, start, DateTime.DaysInMonth(start.Year, start.Month), start < _year.FirstDay || start > _year.LastDay, MonthIndex(claimed, _year));
        }

        return _lastMonth;
    }
}

/// <summary>A claim month as the line gives it, its first day, its length in days and its index in the year (0 = April).</summary>
internal readonly record struct ClaimMonth(DateOnly Claimed, DateOnly Start, int Days, bool OutsideYear, int Index);
