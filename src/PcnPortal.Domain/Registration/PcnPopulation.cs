using System.Globalization;

namespace PcnPortal.Domain.Registration;

/// <summary>A practice's list sizes as at a date: registered (raw) and, when known, weighted (Carr-Hill).</summary>
public sealed record ListSizeRecord(string PracticeCode, DateOnly AsAt, int Registered, decimal? Weighted);

/// <summary>The list size chosen for one practice: the record used (null if none on or before the population date) and why.</summary>
public sealed record PracticeListSizeUsed(string PracticeCode, ListSizeRecord? Record, bool IsExactDate, string Explanation)
{
    /// <summary>The date of the list size actually used (null when there was none).</summary>
    public DateOnly? DateUsed => Record?.AsAt;
}

/// <summary>
/// A PCN's population as at a date. <see cref="Registered"/> and <see cref="Weighted"/> sum the practices that have a
/// list size; <see cref="MissingPractices"/> and <see cref="PracticesWithoutWeighted"/> say which were left out.
/// </summary>
public sealed record PcnPopulationResult(
    DateOnly AsAt,
    DateOnly PopulationDate,
    IReadOnlyList<PracticeListSizeUsed> Practices,
    int Registered,
    decimal Weighted)
{
    public IReadOnlyList<string> MissingPractices => Practices.Where(p => p.Record is null).Select(p => p.PracticeCode).ToList();

    public IReadOnlyList<string> PracticesWithoutWeighted => Practices.Where(p => p.Record is { Weighted: null }).Select(p => p.PracticeCode).ToList();

    public bool IsComplete => Practices.All(p => p.Record is not null);

    public bool IsWeightedComplete => Practices.All(p => p.Record is { Weighted: not null });

    /// <summary>Every practice's list size is for the population date itself (no older figure used).</summary>
    public bool AllExact => Practices.All(p => p.IsExactDate);
}

/// <summary>
/// Population by the DES convention: list sizes as at the latest 1 January on or before the date in question.
/// Pure: callers give every list-size record they hold; nothing reads a clock.
/// </summary>
public static class PcnPopulation
{
    /// <summary>The latest 1 January on or before <paramref name="asAt"/> (1 Jan 2019 for any date in 2019).</summary>
    public static DateOnly PopulationDate(DateOnly asAt) => new(asAt.Year, 1, 1);

    /// <summary>
    /// For one practice, the record for the population date or, if there is none for exactly that date, the latest one
    /// before it. A record dated on the same day that has a weighted figure is preferred to one without.
    /// </summary>
    public static PracticeListSizeUsed SelectForPractice(string practiceCode, IEnumerable<ListSizeRecord> records, DateOnly populationDate)
    {
        var chosen = records
            .Where(r => r.PracticeCode == practiceCode && r.AsAt <= populationDate)
            .OrderByDescending(r => r.AsAt)
            .ThenByDescending(r => r.Weighted.HasValue)
            .FirstOrDefault();
        var target = Format(populationDate);
        if (chosen is null)
        {
            return new PracticeListSizeUsed(practiceCode, null, false, $"Practice {practiceCode} has no list size on or before {target}.");
        }

        var exact = chosen.AsAt == populationDate;
        var weighted = chosen.Weighted is null ? "no weighted list size" : $"weighted {chosen.Weighted.Value.ToString("#,##0.##", CultureInfo.InvariantCulture)}";
        var explanation = exact
            ? $"Practice {practiceCode}: registered {chosen.Registered.ToString("#,##0", CultureInfo.InvariantCulture)}, {weighted}, as at {target}."
            : $"Practice {practiceCode}: no list size for {target}; used the latest before it, as at {Format(chosen.AsAt)}: registered {chosen.Registered.ToString("#,##0", CultureInfo.InvariantCulture)}, {weighted}.";
        return new PracticeListSizeUsed(practiceCode, chosen, exact, explanation);
    }

    /// <summary>Population of the given member practices as at <paramref name="asAt"/> (taken at its population date).</summary>
    public static PcnPopulationResult Calculate(IEnumerable<string> memberPracticeCodes, IEnumerable<ListSizeRecord> records, DateOnly asAt)
    {
        var populationDate = PopulationDate(asAt);
        var byPractice = records.ToLookup(r => r.PracticeCode, StringComparer.Ordinal);
        var used = memberPracticeCodes
            .Distinct(StringComparer.Ordinal)
            .Select(code => SelectForPractice(code, byPractice[code], populationDate))
            .ToList();
        var registered = used.Sum(u => u.Record?.Registered ?? 0);
        var weighted = used.Sum(u => u.Record?.Weighted ?? 0m);
        return new PcnPopulationResult(asAt, populationDate, used, registered, weighted);
    }

    private static string Format(DateOnly d) => d.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
