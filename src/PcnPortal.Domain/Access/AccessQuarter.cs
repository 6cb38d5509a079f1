using System.Globalization;
using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Access;

/// <summary>
/// A quarter of the financial year (April to June is Q1), the period a PCN declares its access appointments for.
/// Written in URLs and files by its first month, "2022-10".
/// </summary>
public readonly record struct AccessQuarter : IComparable<AccessQuarter>
{
    public AccessQuarter(DateOnly firstDay)
    {
        if (firstDay.Day != 1 || (firstDay.Month - 1) % 3 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(firstDay), firstDay, "A quarter starts on 1 January, April, July or October.");
        }

        FirstDay = firstDay;
    }

    public DateOnly FirstDay { get; }

    public DateOnly LastDay => FirstDay.AddMonths(3).AddDays(-1);

    public FinancialYear Year => FinancialYear.Containing(FirstDay);

    /// <summary>1 for April to June, 4 for January to March.</summary>
    public int Number => ((FirstDay.Month + 8) % 12 / 3) + 1;

    public IReadOnlyList<DateOnly> Months => [FirstDay, FirstDay.AddMonths(1), FirstDay.AddMonths(2)];

    public static AccessQuarter Containing(DateOnly date) => new(new DateOnly(date.Year, ((date.Month - 1) / 3 * 3) + 1, 1));

    public static IReadOnlyList<AccessQuarter> Of(FinancialYear year) =>
        [new(year.FirstDay), new(year.FirstDay.AddMonths(3)), new(year.FirstDay.AddMonths(6)), new(year.FirstDay.AddMonths(9))];

    public AccessQuarter Next() => new(FirstDay.AddMonths(3));

    public AccessQuarter Previous() => new(FirstDay.AddMonths(-3));

    /// <summary>"2022-10".</summary>
    public string Key => FirstDay.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>"2022/23 Q3 (October to December 2022)".</summary>
    public override string ToString() =>
        $"{Year} Q{Number} ({FirstDay.ToString("MMMM", CultureInfo.InvariantCulture)} to {LastDay.ToString("MMMM yyyy", CultureInfo.InvariantCulture)})";

    public int CompareTo(AccessQuarter other) => FirstDay.CompareTo(other.FirstDay);

    /// <summary>Reads "2022-10" (the first month of a quarter).</summary>
    public static bool TryParse(string? text, out AccessQuarter quarter)
    {
        quarter = default;
        if (text is null || !DateOnly.TryParseExact(text.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            || (first.Month - 1) % 3 != 0 || first.Year < 2019 || first.Year > 2100)
        {
            return false;
        }

        quarter = new AccessQuarter(first);
        return true;
    }
}
