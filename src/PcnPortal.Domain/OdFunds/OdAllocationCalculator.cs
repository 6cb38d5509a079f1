using System.Globalization;
using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.OdFunds;

/// <summary>A PCN's population as at the fund's population date. Registered is a whole number; weighted may have decimals.</summary>
public sealed record PcnPopulation(string PcnCode, decimal Registered, decimal Weighted)
{
    public decimal For(PopulationBasis basis) => basis == PopulationBasis.Weighted ? Weighted : Registered;
}

/// <summary>One PCN's share, with the working shown ("40,000 registered patients × £0.66 = £26,400.00").</summary>
public sealed record OdShare(string PcnCode, decimal Population, decimal Amount, string Working);

/// <summary>
/// A computed allocation. <see cref="Unallocated"/> is what is left of the distributable amount; <see cref="Shortfall"/>
/// is how far the shares exceed it (then <see cref="Outcome"/> fails and the allocation must not be used: lower the rate,
/// switch to pro rata, or refuse). Totals are always the exact sum of the rounded shares.
/// </summary>
public sealed record OdAllocation(
    int Version,
    OdAllocationMethod Method,
    PopulationBasis Basis,
    decimal? RatePerPatient,
    decimal Distributable,
    IReadOnlyList<OdShare> Shares,
    RuleOutcome Outcome)
{
    public decimal TotalAllocated => Shares.Sum(s => s.Amount);

    public decimal TotalPopulation => Shares.Sum(s => s.Population);

    public decimal Unallocated => Math.Max(0m, Distributable - TotalAllocated);

    public decimal Shortfall => Math.Max(0m, TotalAllocated - Distributable);

    /// <summary>False when the shares exceed the distributable amount (or nothing could be allocated).</summary>
    public bool IsUsable => Outcome.Severity != RuleSeverity.Fail;

    public OdShare? ShareFor(string pcnCode) => Shares.FirstOrDefault(s => string.Equals(s.PcnCode, pcnCode, StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// Shares the fund's distributable amount between PCNs. Outcome codes: OD-ALLOC-REMAINDER (per capita, fits; states what is left),
/// OD-ALLOC-SHORTFALL (per capita would exceed the distributable amount: Fail), OD-ALLOC-EXACT (pro rata, pence add up exactly),
/// OD-ALLOC-NO-POPULATION (nothing to share by: Fail).
/// </summary>
public static class OdAllocationCalculator
{
    public const string Remainder = "OD-ALLOC-REMAINDER";
    public const string ShortfallCode = "OD-ALLOC-SHORTFALL";
    public const string Exact = "OD-ALLOC-EXACT";
    public const string NoPopulation = "OD-ALLOC-NO-POPULATION";

    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Computes version <paramref name="version"/> of the allocation. PCN codes must be unique; populations must not be negative.</summary>
    public static OdAllocation Calculate(OdFund fund, IReadOnlyCollection<PcnPopulation> populations, int version = 1)
    {
        ArgumentNullException.ThrowIfNull(fund);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        var duplicate = populations.GroupBy(p => p.PcnCode.Trim(), StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"PCN {duplicate.Key} appears more than once.", nameof(populations));
        }

        if (populations.Any(p => p.For(fund.Basis) < 0))
        {
            throw new ArgumentException("Populations cannot be negative.", nameof(populations));
        }

        return fund.Method switch
        {
            OdAllocationMethod.PerCapita => PerCapita(fund, populations, version),
            OdAllocationMethod.ProRata => ProRata(fund, populations, version),
            _ => throw new ArgumentOutOfRangeException(nameof(fund), fund.Method, "Unknown allocation method."),
        };
    }

    /// <summary>Recomputes after a change (new populations, rate, fund): the result is version previous + 1, with the diff against the previous version.</summary>
    public static (OdAllocation Allocation, OdAllocationDiff Diff) Recalculate(OdAllocation previous, OdFund fund, IReadOnlyCollection<PcnPopulation> populations)
    {
        var next = Calculate(fund, populations, previous.Version + 1);
        return (next, OdAllocationDiff.Compare(previous, next));
    }

    private static OdAllocation PerCapita(OdFund fund, IReadOnlyCollection<PcnPopulation> populations, int version)
    {
        if (fund.RatePerPatient is not > 0m)
        {
            throw new ArgumentException("A per-capita fund needs a rate per patient above zero.", nameof(fund));
        }

        var rate = fund.RatePerPatient.Value;
        var word = OdFundRules.BasisWord(fund.Basis);
        var shares = populations
            .Select(p =>
            {
                var pop = p.For(fund.Basis);
                var amount = Money.ToPence(pop * rate);
                return new OdShare(p.PcnCode, pop, amount, $"{FormatPopulation(pop)} {word} patients × {OdFundRules.FormatRate(rate)} = {Money.Format(amount)}");
            })
            .ToList();

        var allocated = shares.Sum(s => s.Amount);
        var totalPop = shares.Sum(s => s.Population);
        var figures = new Dictionary<string, string>
        {
            ["Population"] = FormatPopulation(totalPop),
            ["Rate"] = OdFundRules.FormatRate(rate),
            ["Allocated"] = Money.Format(allocated),
            ["Distributable"] = Money.Format(fund.Distributable),
        };

        RuleOutcome outcome;
        if (allocated > fund.Distributable)
        {
            var shortfall = allocated - fund.Distributable;
            var maxRate = totalPop == 0 ? 0m : Math.Floor(fund.Distributable / totalPop * 10000m) / 10000m;
            figures["Shortfall"] = Money.Format(shortfall);
            figures["MaximumRate"] = OdFundRules.FormatRate(maxRate);
            outcome = RuleOutcome.Fail(ShortfallCode,
                $"{figures["Population"]} patients × {figures["Rate"]} comes to {figures["Allocated"]}, {figures["Shortfall"]} more than the {figures["Distributable"]} available to share. " +
                $"Lower the rate to {figures["MaximumRate"]} or less, allocate pro rata, or do not allocate.",
                figures);
        }
        else
        {
            var left = fund.Distributable - allocated;
            figures["Unallocated"] = Money.Format(left);
            outcome = RuleOutcome.Pass(Remainder,
                $"{figures["Population"]} patients × {figures["Rate"]} comes to {figures["Allocated"]} of the {figures["Distributable"]} available; {figures["Unallocated"]} is unallocated (shares are rounded to the penny, half away from zero).",
                figures);
        }

        return new OdAllocation(version, OdAllocationMethod.PerCapita, fund.Basis, rate, fund.Distributable, shares, outcome);
    }

    private static OdAllocation ProRata(OdFund fund, IReadOnlyCollection<PcnPopulation> populations, int version)
    {
        var word = OdFundRules.BasisWord(fund.Basis);
        var totalPop = populations.Sum(p => p.For(fund.Basis));
        var distributable = fund.Distributable;
        if (totalPop <= 0 || distributable < 0)
        {
            return new OdAllocation(version, OdAllocationMethod.ProRata, fund.Basis, null, distributable,
                [.. populations.Select(p => new OdShare(p.PcnCode, p.For(fund.Basis), 0m, "No share: there is no population or no money to share."))],
                RuleOutcome.Fail(NoPopulation, "There is no population to share the fund by, or nothing to share."));
        }

        // Largest remainder in whole pence: each PCN gets the floor of its exact share, then the pence left over go one each
        // to the largest fractional parts (ties: larger population, then PCN code), so the shares add up exactly.
        var totalPence = decimal.Truncate(distributable * 100m);
        var rows = populations
            .Select(p =>
            {
                var pop = p.For(fund.Basis);
                var exact = totalPence * pop / totalPop;
                var floor = decimal.Floor(exact);
                return (Pcn: p, Pop: pop, Floor: floor, Fraction: exact - floor);
            })
            .ToList();
        var leftOver = (int)(totalPence - rows.Sum(r => r.Floor));
        var extra = rows
            .OrderByDescending(r => r.Fraction)
            .ThenByDescending(r => r.Pop)
            .ThenBy(r => r.Pcn.PcnCode, StringComparer.Ordinal)
            .Take(leftOver)
            .Select(r => r.Pcn.PcnCode)
            .ToHashSet(StringComparer.Ordinal);

        var shares = rows
            .Select(r =>
            {
                var pence = r.Floor + (extra.Contains(r.Pcn.PcnCode) ? 1m : 0m);
                var amount = pence / 100m;
                var working = $"{FormatPopulation(r.Pop)} ÷ {FormatPopulation(totalPop)} {word} patients × {Money.Format(distributable)} = {Money.Format(amount)}"
                    + (extra.Contains(r.Pcn.PcnCode) ? " (rounded up by 1p: largest remainder)" : string.Empty);
                return new OdShare(r.Pcn.PcnCode, r.Pop, amount, working);
            })
            .ToList();

        var figures = new Dictionary<string, string>
        {
            ["Population"] = FormatPopulation(totalPop),
            ["Distributable"] = Money.Format(distributable),
            ["Allocated"] = Money.Format(shares.Sum(s => s.Amount)),
            ["PenceRoundedUp"] = leftOver.ToString(CultureInfo.InvariantCulture),
        };
        var outcome = RuleOutcome.Pass(Exact,
            $"{figures["Distributable"]} shared pro rata across {figures["Population"]} {word} patients. Each share was rounded down to the penny and the {leftOver} pence left over went one each to the largest remainders, so the shares add up exactly to {figures["Distributable"]}.",
            figures);
        return new OdAllocation(version, OdAllocationMethod.ProRata, fund.Basis, null, distributable, shares, outcome);
    }

    private static string FormatPopulation(decimal population) =>
        population == decimal.Truncate(population) ? population.ToString("#,0", Uk) : population.ToString("#,0.##", Uk);
}

public enum OdShareChangeKind
{
    Added = 1,
    Removed = 2,
    Changed = 3,
}

/// <summary>How one PCN's share moved between versions. Before/After are null when the PCN is new or gone.</summary>
public sealed record OdShareChange(string PcnCode, OdShareChangeKind Kind, decimal? Before, decimal? After)
{
    public decimal Difference => (After ?? 0m) - (Before ?? 0m);
}

/// <summary>The changed shares between two versions of an allocation (unchanged shares are left out).</summary>
public sealed record OdAllocationDiff(int FromVersion, int ToVersion, IReadOnlyList<OdShareChange> Changes)
{
    public decimal TotalDifference => Changes.Sum(c => c.Difference);

    public bool HasChanges => Changes.Count > 0;

    /// <summary>Pure comparison of two allocations, in the order PCNs appear in <paramref name="before"/> then new ones.</summary>
    public static OdAllocationDiff Compare(OdAllocation before, OdAllocation after)
    {
        var changes = new List<OdShareChange>();
        foreach (var old in before.Shares)
        {
            var now = after.ShareFor(old.PcnCode);
            if (now is null)
            {
                changes.Add(new OdShareChange(old.PcnCode, OdShareChangeKind.Removed, old.Amount, null));
            }
            else if (now.Amount != old.Amount)
            {
                changes.Add(new OdShareChange(old.PcnCode, OdShareChangeKind.Changed, old.Amount, now.Amount));
            }
        }

        changes.AddRange(after.Shares
            .Where(s => before.ShareFor(s.PcnCode) is null)
            .Select(s => new OdShareChange(s.PcnCode, OdShareChangeKind.Added, null, s.Amount)));

        return new OdAllocationDiff(before.Version, after.Version, changes);
    }
}
