using System.Globalization;
using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Arrs;

/// <summary>A PCN's ARR Sum for a year and how it was worked out.</summary>
public sealed record ArrSumResult(decimal Amount, string Explanation);

/// <summary>Works out each PCN's ARR Sum (its ARRS entitlement for the year).</summary>
public static class ArrSum
{
    /// <summary>
    /// 2019/20: months funded ÷ 12 × the sum of the named roles' national maximums, × 2 from 100,000 weighted
    /// patients and × 3 from 150,000. Later years: rate × weighted population. Rounded to the penny. The ring-fenced GP
    /// sum (2024/25) is not part of it: see <see cref="CalculateGpSum"/>.
    /// </summary>
    public static ArrSumResult Calculate(ArrsReferenceData reference, FinancialYear year, int weightedPopulation)
    {
        var method = reference.ArrSumMethodFor(year)
            ?? throw new InvalidOperationException($"No ARR Sum method is recorded for {year} or earlier.");

        if (method.Kind == ArrSumKind.PerWeightedPatient)
        {
            var rate = method.RatePerWeightedPatient;
            var amount = Money.ToPence(rate * weightedPopulation);
            return new ArrSumResult(
                amount,
                $"ARR Sum {Money.Format(amount)} = £{rate.ToString(CultureInfo.InvariantCulture)} per weighted patient{StatusNote(method, year)} × {weightedPopulation.ToString("N0", CultureInfo.InvariantCulture)} weighted patients ({year}).");
        }

        var roleCodes = method.BandRoleCodes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        decimal maximums = 0;
        var parts = new List<string>();
        foreach (var code in roleCodes)
        {
            var entry = reference.RateInForce(code, AreaTier.National, year.LastDay)
                ?? throw new InvalidOperationException($"No maximum is recorded for {code} in {year}.");
            var maximum = entry.MaxReimbursablePerWteYear
                ?? throw new InvalidOperationException($"No maximum is recorded for {code} in {year}.");
            maximums += maximum;
            parts.Add($"{code} {ArrsText.Pounds(maximum)}");
        }

        var multiplier = weightedPopulation >= method.TripleFromPopulation ? 3
            : weightedPopulation >= method.DoubleFromPopulation ? 2
            : 1;
        var banded = Money.ToPence(maximums * method.MonthsFunded / 12m * multiplier);
        return new ArrSumResult(
            banded,
            $"ARR Sum {Money.Format(banded)} = {method.MonthsFunded}/12 × ({string.Join(" + ", parts)}) × {multiplier}{StatusNote(method, year)} for {weightedPopulation.ToString("N0", CultureInfo.InvariantCulture)} weighted patients ({year}).");
    }

    /// <summary>
    /// The ring-fenced GP sum for a year that has one (2024/25: £1.303 per weighted patient, PULSE-2024-09): a separate
    /// entitlement usable only for GP claims, not added to the ARR Sum; null for a year without one (2025/26 on, GP
    /// funding is combined into the ARR Sum). Rounded to the penny.
    /// </summary>
    public static ArrSumResult? CalculateGpSum(ArrsReferenceData reference, FinancialYear year, int weightedPopulation)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (reference.ArrSumMethodFor(year) is not { GpRatePerWeightedPatient: > 0m } method)
        {
            return null;
        }

        var amount = Money.ToPence(method.GpRatePerWeightedPatient * weightedPopulation);
        return new ArrSumResult(
            amount,
            $"GP sum {Money.Format(amount)} (ring-fenced: GP claims only, not part of the ARR Sum) = £{method.GpRatePerWeightedPatient.ToString(CultureInfo.InvariantCulture)} per weighted patient{StatusNote(method, year)} × {weightedPopulation.ToString("N0", CultureInfo.InvariantCulture)} weighted patients ({year}).");
    }

    /// <summary>The rate's status, e.g. " (rounded figure only; reported (secondary source))" or " (carried forward from 2025/26: no published figure for 2026/27 held)".</summary>
    public static string StatusNote(ArrSumMethod method, FinancialYear year)
    {
        ArgumentNullException.ThrowIfNull(method);
        var status = method.FinancialYearStart != year.StartYear && method.Status != FigureStatus.CarriedForward
            ? $"carried forward from {new FinancialYear(method.FinancialYearStart)}: no published figure for {year} held"
            : FigureStatusText.Describe(method, year.ToString(), yearly: true);
        return $" ({(method.Rounded ? "rounded figure only; " : "")}{status})";
    }
}
