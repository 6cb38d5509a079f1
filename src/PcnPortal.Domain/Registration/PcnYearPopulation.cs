using System.Globalization;
using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Registration;

/// <summary>One period in the financial year during which the practice was a member of the PCN (both days inclusive).</summary>
public sealed record MembershipPeriod(DateOnly From, DateOnly To);

/// <summary>
/// A practice that was a member of the PCN on at least one day of the financial year: the days it was a member within the year
/// (<see cref="From"/> is the year's first day, or the day it joined), the list size used, and any other PCN it was in during
/// the same year (a practice that moved).
/// </summary>
public sealed record YearMember(
    string PracticeCode,
    IReadOnlyList<MembershipPeriod> Periods,
    PracticeListSizeUsed ListSize,
    IReadOnlyList<string> AlsoInPcns)
{
    public DateOnly From => Periods[0].From;

    public DateOnly To => Periods[^1].To;

    /// <summary>A member on every day of the year.</summary>
    public bool WholeYear(FinancialYear year) => Periods.Count == 1 && From == year.FirstDay && To == year.LastDay;
}

/// <summary>
/// A PCN's population for a financial year (see <see cref="PcnYearPopulation"/>). <see cref="Registered"/> and
/// <see cref="Weighted"/> sum the members that have a list size on or before <see cref="PopulationDate"/>;
/// <see cref="Warnings"/> says, in words, every figure that is not what the rule asks for (an older list size used, with
/// its date; no list size at all; no weighted figure; a practice that moved during the year). Nothing is left out silently.
/// </summary>
public sealed record PcnYearPopulationResult(
    string PcnCode,
    FinancialYear Year,
    DateOnly PopulationDate,
    IReadOnlyList<YearMember> Members,
    int Registered,
    decimal Weighted,
    IReadOnlyList<string> Warnings)
{
    /// <summary>Every member has a list size on or before the population date.</summary>
    public bool IsComplete => Members.All(m => m.ListSize.Record is not null);

    /// <summary>Every member has a weighted list size on or before the population date.</summary>
    public bool IsWeightedComplete => Members.All(m => m.ListSize.Record is { Weighted: not null });

    /// <summary>Every member's list size is for the population date itself.</summary>
    public bool AllExact => Members.All(m => m.ListSize.IsExactDate);

    public IReadOnlyList<string> MissingPractices => [.. Members.Where(m => m.ListSize.Record is null).Select(m => m.PracticeCode)];
}

/// <summary>
/// Population of a PCN for a financial year, as the Network Contract DES takes it (ARRS ARR Sum, DES funding envelope):
/// <list type="bullet">
/// <item>the members are the practices in the PCN on at least one day of the year: on its first day, or from the day they
/// joined (a PCN formed on 1 July 2019 has its 1 July members for 2019/20). Left dates are read as
/// <see cref="MembershipHandovers"/> says, so a practice that moved on a date is in one PCN on that date;</item>
/// <item>their list sizes are those as at the 1 January the DES names for the year (<see cref="FinancialYear.PopulationDate"/>:
/// 1 January 2019 for 2019/20), even when that is before the PCN or the membership existed;</item>
/// <item>where a practice has no list size for exactly that date, the latest earlier one is used and a warning names the
/// date used; a practice with none on or before it adds nothing and a warning says so (never a silent 0).</item>
/// </list>
/// A practice that moved PCN during the year is a member of each PCN it was in during the year (each result warns about it).
/// Pure: callers give the memberships (those of the PCN, and those of its practices in other PCNs to name moves) and every
/// list-size record they hold for the practices; nothing reads a clock or a database.
/// </summary>
public static class PcnYearPopulation
{
    public static PcnYearPopulationResult Calculate(
        string pcnCode,
        FinancialYear year,
        IEnumerable<PracticeMembership> memberships,
        IEnumerable<ListSizeRecord> listSizes)
    {
        var resolved = MembershipHandovers.Resolve(memberships)
            .Where(m => !m.CoversNoDay && m.Start <= year.LastDay && (m.End is null || m.End >= year.FirstDay))
            .ToList();
        var sizes = listSizes.ToLookup(r => r.PracticeCode, StringComparer.Ordinal);
        var members = new List<YearMember>();
        var warnings = new List<string>();
        foreach (var practice in resolved.Where(m => m.PcnCode == pcnCode).GroupBy(m => m.PracticeCode, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var periods = Merge(practice.Select(m => new MembershipPeriod(Max(m.Start, year.FirstDay), Min(m.End ?? year.LastDay, year.LastDay))));
            var used = PcnPopulation.SelectForPractice(practice.Key, sizes[practice.Key], year.PopulationDate);
            var others = resolved.Where(m => m.PracticeCode == practice.Key && m.PcnCode != pcnCode).OrderBy(m => m.Start).ToList();
            members.Add(new YearMember(practice.Key, periods, used, [.. others.Select(m => m.PcnCode).Distinct()]));

            if (used.Record is null)
            {
                warnings.Add($"Practice {practice.Key} has no list size on or before {Format(year.PopulationDate)}: it adds nothing to the population for {year}.");
            }
            else if (!used.IsExactDate)
            {
                warnings.Add($"Practice {practice.Key} has no list size for {Format(year.PopulationDate)}: the latest earlier one, as at {Format(used.Record.AsAt)}, is used.");
            }

            if (used.Record is { Weighted: null })
            {
                warnings.Add($"Practice {practice.Key} has no weighted list size as at {Format(used.Record.AsAt)}: it adds nothing to the weighted population.");
            }

            foreach (var other in others)
            {
                warnings.Add($"Practice {practice.Key} was also in {other.PcnCode} during {year} ({Format(Max(other.Start, year.FirstDay))} to {Format(Min(other.End ?? year.LastDay, year.LastDay))}): it counts in each PCN it was in during the year.");
            }
        }

        return new PcnYearPopulationResult(
            pcnCode,
            year,
            year.PopulationDate,
            members,
            members.Sum(m => m.ListSize.Record?.Registered ?? 0),
            members.Sum(m => m.ListSize.Record?.Weighted ?? 0m),
            warnings);
    }

    private static List<MembershipPeriod> Merge(IEnumerable<MembershipPeriod> periods)
    {
        var merged = new List<MembershipPeriod>();
        foreach (var period in periods.OrderBy(p => p.From))
        {
            if (merged.Count > 0 && period.From <= merged[^1].To.AddDays(1))
            {
                merged[^1] = merged[^1] with { To = Max(merged[^1].To, period.To) };
            }
            else
            {
                merged.Add(period);
            }
        }

        return merged;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static string Format(DateOnly d) => d.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
