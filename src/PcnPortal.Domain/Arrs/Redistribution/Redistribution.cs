using System.Globalization;
using PcnPortal.Domain.Arrs.Engine;
using PcnPortal.Domain.Arrs.Rules;
using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Arrs.Redistribution;

/// <summary>One PCN's figures for the year, as the finance forecast gives them, from which its expected unused entitlement follows.</summary>
/// <param name="Entitlement">ARR Sum plus extra allocations already approved to it, less reductions already given up, for the year.</param>
/// <param name="Claimed">Claims that still count: approved (at the approved amount) and pending (submitted or queried).</param>
/// <param name="Forecast">The finance forecast to year end from staff in post.</param>
/// <param name="Held">False when no ARR Sum is held for the PCN (no usable population or method): it neither gives nor may bid.</param>
public sealed record PcnYearFigures(string PcnCode, string PcnName, decimal Entitlement, decimal Claimed, decimal Forecast, bool Held = true)
{
    /// <summary>What the PCN is forecast to spend in the year: claims that count plus the forecast to year end.</summary>
    public decimal ForecastSpend => Claimed + Forecast;
}

/// <summary>A PCN's expected unused entitlement (never negative) and the working behind it.</summary>
public sealed record PcnUnused(PcnYearFigures Figures, decimal ExpectedUnused, string Working)
{
    public string PcnCode => Figures.PcnCode;
}

/// <summary>The CCG's pool of expected unused entitlement: the sum of every PCN's expected unused.</summary>
public sealed record RedistributionPool(FinancialYear Year, IReadOnlyList<PcnUnused> Pcns)
{
    public decimal Total => Pcns.Sum(p => p.ExpectedUnused);

    public string Working => $"Pool {Money.Format(Total)} = the expected unused entitlement of {Pcns.Count(p => p.ExpectedUnused > 0m)} of {Pcns.Count} PCNs in {Year}.";
}

/// <summary>One giving PCN's share of an approved amount: a reduction of its unused entitlement.</summary>
public sealed record RedistributionReductionShare(string PcnCode, decimal Amount, decimal UnusedBefore, string Working);

/// <summary>A giving PCN and what is left of its expected unused entitlement in the round (its underspend less earlier reductions).</summary>
public sealed record RedistributionGiver(string PcnCode, decimal Remaining);

/// <summary>
/// Sharing unused ARRS entitlement between PCNs (seed 000 §5.3): the expected unused entitlement of each PCN, the CCG
/// pool, who may bid, how much may be approved, and how an approved amount is taken from the giving PCNs
/// (docs/decisions/0016-redistribution-pro-rata-reductions.md). Codes: <see cref="YearCode"/>, <see cref="EligibleCode"/>,
/// <see cref="WithinPoolCode"/>, <see cref="ReductionCode"/>.
/// </summary>
public static class ArrsRedistribution
{
    /// <summary>Redistribution is offered for the year (2019/20 to 2023/24 only).</summary>
    public const string YearCode = "ARRS-REDIST-YEAR";

    /// <summary>A PCN may bid only once its forecast spend reaches its entitlement (forecast spend ≥ entitlement).</summary>
    public const string EligibleCode = "ARRS-REDIST-ELIGIBLE";

    /// <summary>An approved amount is more than £0, no more than the bid, and within what is left of the pool.</summary>
    public const string WithinPoolCode = "ARRS-REDIST-POOL";

    /// <summary>An approved amount is taken from the giving PCNs pro rata to their remaining underspend, to the penny.</summary>
    public const string ReductionCode = "ARRS-REDIST-REDUCTION";

    /// <summary>The first year with a redistribution of unused entitlement: 2019/20, local CCG schemes (seed 000 §5.3).</summary>
    public static readonly FinancialYear FirstYear = new(2019);

    /// <summary>The last year: 2023/24. The mechanism was removed from the Network Contract DES for 2024/25.</summary>
    public static readonly FinancialYear LastYear = new(2023);

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Pass when <paramref name="year"/> is 2019/20 to 2023/24; otherwise Fail saying why.</summary>
    public static RuleOutcome CheckYear(FinancialYear year) =>
        year.StartYear >= FirstYear.StartYear && year.StartYear <= LastYear.StartYear
            ? RuleOutcome.Pass(YearCode, $"Unused ARRS entitlement could be shared between PCNs in {year} (2019/20 to 2023/24).")
            : RuleOutcome.Fail(
                YearCode,
                year.StartYear < FirstYear.StartYear
                    ? $"There is no redistribution for {year}: unused ARRS entitlement was shared between PCNs from 2019/20 (the first year of the Network Contract DES) to 2023/24."
                    : $"There is no redistribution for {year}: sharing unused ARRS entitlement between PCNs ran from 2019/20 to 2023/24 and was removed from the Network Contract DES from 2024/25.",
                new Dictionary<string, string> { ["year"] = year.ToString(), ["first"] = FirstYear.ToString(), ["last"] = LastYear.ToString() });

    /// <summary>
    /// Expected unused = entitlement − claimed (approved and pending) − forecast to year end, and £0 when that is negative
    /// (a PCN forecast over its entitlement has nothing to give). A PCN with no ARR Sum held gives nothing.
    /// </summary>
    public static PcnUnused Unused(PcnYearFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        if (!figures.Held)
        {
            return new PcnUnused(figures, 0m, "No ARR Sum is held for this PCN, so no unused entitlement is counted: £0.00.");
        }

        var left = figures.Entitlement - figures.Claimed - figures.Forecast;
        var working = $"{Money.Format(figures.Entitlement)} entitlement − {Money.Format(figures.Claimed)} claimed (approved and pending) − {Money.Format(figures.Forecast)} forecast to year end";
        return left > 0m
            ? new PcnUnused(figures, left, $"{working} = {Money.Format(left)} expected unused.")
            : new PcnUnused(figures, 0m, $"{working} = {Money.Format(left)}: forecast to use all its entitlement, so £0.00 expected unused.");
    }

    /// <summary>The pool: every PCN's expected unused entitlement and their sum. Refused (throws) for a year without redistribution.</summary>
    public static RedistributionPool Pool(FinancialYear year, IEnumerable<PcnYearFigures> pcns)
    {
        if (CheckYear(year) is { Severity: RuleSeverity.Fail } refused)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, refused.Explanation);
        }

        return new RedistributionPool(year, [.. pcns.Select(Unused)]);
    }

    /// <summary>
    /// A PCN may bid once its forecast spend (claims that count plus the forecast to year end) reaches its entitlement:
    /// forecast spend ≥ entitlement. A PCN with no ARR Sum held may not bid.
    /// </summary>
    public static RuleOutcome Eligibility(PcnYearFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var data = new Dictionary<string, string>
        {
            ["entitlement"] = Amount(figures.Entitlement),
            ["claimed"] = Amount(figures.Claimed),
            ["forecast"] = Amount(figures.Forecast),
            ["forecastSpend"] = Amount(figures.ForecastSpend),
        };
        if (!figures.Held)
        {
            return RuleOutcome.Fail(EligibleCode, $"{figures.PcnName} may not bid: no ARR Sum is held for it, so its forecast cannot be compared with its entitlement.", data);
        }

        var spend = $"Forecast spend {Money.Format(figures.ForecastSpend)} ({Money.Format(figures.Claimed)} claimed + {Money.Format(figures.Forecast)} forecast to year end)";
        return figures.ForecastSpend >= figures.Entitlement
            ? RuleOutcome.Pass(EligibleCode, $"{spend} reaches its entitlement of {Money.Format(figures.Entitlement)}: {figures.PcnName} may bid.", data)
            : RuleOutcome.Fail(EligibleCode, $"{spend} is {Money.Format(figures.Entitlement - figures.ForecastSpend)} short of its entitlement of {Money.Format(figures.Entitlement)}: {figures.PcnName} may bid once its forecast spend reaches its entitlement.", data);
    }

    /// <summary>
    /// An approved amount: in pounds and pence, more than £0, no more than <paramref name="requested"/>, and no more than
    /// <paramref name="available"/> (what is left of the pool from the PCNs other than the bidder).
    /// </summary>
    public static RuleOutcome CheckApproval(decimal amount, decimal requested, decimal available)
    {
        var data = new Dictionary<string, string>
        {
            ["amount"] = Amount(amount),
            ["requested"] = Amount(requested),
            ["available"] = Amount(available),
        };
        if (amount <= 0m || decimal.Round(amount, 2) != amount)
        {
            return RuleOutcome.Fail(WithinPoolCode, "The amount approved must be more than £0.00, in pounds and pence: to approve nothing, reject the bid.", data);
        }

        if (amount > requested)
        {
            return RuleOutcome.Fail(WithinPoolCode, $"{Money.Format(amount)} is more than the {Money.Format(requested)} bid for: approve the bid in full or a smaller part.", data);
        }

        if (amount > available)
        {
            return RuleOutcome.Fail(WithinPoolCode, $"{Money.Format(amount)} is more than the {Money.Format(available)} left in the pool: approve {Money.Format(available)} or less.", data);
        }

        return RuleOutcome.Pass(WithinPoolCode, $"{Money.Format(amount)} of {Money.Format(requested)} bid for, within the {Money.Format(available)} left in the pool ({Money.Format(available - amount)} left after it).", data);
    }

    /// <summary>
    /// Takes <paramref name="amount"/> from the giving PCNs in proportion to what is left of their underspend, in whole
    /// pence: each gets the floor of amount × its remaining ÷ the remaining of all; the pence left over go one each to
    /// the largest remainders (ties: the larger remaining, then PCN code). The shares add up exactly to the amount, and
    /// no share is more than that giver's remaining, so no unused entitlement goes below £0. Givers with nothing left
    /// take no part. Throws when the amount is not in pence, not positive, or more than the givers have left.
    /// </summary>
    public static IReadOnlyList<RedistributionReductionShare> Reduce(decimal amount, IReadOnlyList<RedistributionGiver> givers)
    {
        ArgumentNullException.ThrowIfNull(givers);
        if (amount <= 0m || decimal.Round(amount, 2) != amount)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "The amount to take from the givers must be more than £0.00, in pounds and pence.");
        }

        var taking = givers.Where(g => g.Remaining > 0m).ToList();
        if (taking.Any(g => decimal.Round(g.Remaining, 2) != g.Remaining))
        {
            throw new ArgumentException("Each giver's remaining underspend must be in pounds and pence.", nameof(givers));
        }

        var totalPence = taking.Sum(g => g.Remaining) * 100m;
        var amountPence = amount * 100m;
        if (amountPence > totalPence)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, $"{Money.Format(amount)} is more than the {Money.Format(totalPence / 100m)} the giving PCNs have left.");
        }

        var shares = taking.Select(g =>
        {
            var exact = amountPence * g.Remaining * 100m;
            var floor = decimal.Floor(exact / totalPence);
            return (Giver: g, Floor: floor, Remainder: exact - (floor * totalPence));
        }).ToList();
        var leftOver = (int)(amountPence - shares.Sum(s => s.Floor));
        var extra = shares
            .OrderByDescending(s => s.Remainder).ThenByDescending(s => s.Giver.Remaining).ThenBy(s => s.Giver.PcnCode, StringComparer.Ordinal)
            .Take(leftOver).Select(s => s.Giver.PcnCode).ToHashSet(StringComparer.Ordinal);
        var total = Money.Format(totalPence / 100m);
        return [.. shares.Select(s =>
        {
            var up = extra.Contains(s.Giver.PcnCode);
            var pence = s.Floor + (up ? 1m : 0m);
            var exactPounds = amount * s.Giver.Remaining / (totalPence / 100m);
            var working = $"{Money.Format(amount)} × {Money.Format(s.Giver.Remaining)} ÷ {total} = {exactPounds.ToString("£#,##0.00####", Invariant)}, {(up ? "rounded up by 1p (largest remainder)" : "rounded down to the penny")}: {Money.Format(pence / 100m)}.";
            return new RedistributionReductionShare(s.Giver.PcnCode, pence / 100m, s.Giver.Remaining, working);
        })];
    }

    /// <summary>
    /// Gives the engine a PCN's entitlement for the year when redistribution changed it: ARR Sum + extra allocation
    /// approved to it − reductions given up to other PCNs' bids, with the working ARRS-ENTITLEMENT names. Does nothing
    /// when neither is held, or when the PCN has no ARR Sum held (its lines say what to load instead). Returns whether it applied.
    /// </summary>
    public static bool ApplyToContext(PcnYearContext context, ArrsReferenceData reference, FinancialYear year, decimal extraAllocation, decimal givenUp)
    {
        ArgumentNullException.ThrowIfNull(context);
        if ((extraAllocation == 0m && givenUp == 0m) || EntitlementRule.NotHeldReason(context.PcnCode, context, reference, year) is not null)
        {
            return false;
        }

        var arrSum = context.ArrSum ?? ArrSum.Calculate(reference, year, context.WeightedPopulation).Amount;
        context.ArrSum = arrSum + extraAllocation - givenUp;
        context.ExtraAllocation = extraAllocation;
        context.GivenUp = givenUp;
        context.RedistributionNote = EntitlementWorking(arrSum, extraAllocation, givenUp);
        return true;
    }

    /// <summary>"ARR Sum £100,000.00 + £5,000.00 extra allocation from the redistribution of unused entitlement = £105,000.00".</summary>
    public static string EntitlementWorking(decimal arrSum, decimal extraAllocation, decimal givenUp)
    {
        var text = $"ARR Sum {Money.Format(arrSum)}";
        if (extraAllocation != 0m)
        {
            text += $" + {Money.Format(extraAllocation)} extra allocation from the redistribution of unused entitlement";
        }

        if (givenUp != 0m)
        {
            text += $" − {Money.Format(givenUp)} unused entitlement given up to other PCNs' approved bids";
        }

        return $"{text} = {Money.Format(arrSum + extraAllocation - givenUp)}";
    }

    private static string Amount(decimal pounds) => pounds.ToString("0.00", Invariant);
}
