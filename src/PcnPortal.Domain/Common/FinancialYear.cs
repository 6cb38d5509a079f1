using System.Globalization;

namespace PcnPortal.Domain.Common;

/// <summary>An NHS financial year, 1 April to 31 March, written "2019/20".</summary>
public readonly record struct FinancialYear : IComparable<FinancialYear>
{
    public FinancialYear(int startYear)
    {
        if (startYear < 2000 || startYear > 2100)
        {
            throw new ArgumentOutOfRangeException(nameof(startYear), startYear, "A financial year must start between 2000 and 2100.");
        }

        StartYear = startYear;
    }

    /// <summary>The calendar year in which the financial year begins (2019 for 2019/20).</summary>
    public int StartYear { get; }

    public DateOnly FirstDay => new(StartYear, 4, 1);

    public DateOnly LastDay => new(StartYear + 1, 3, 31);

    /// <summary>1 January before the year starts: the date list sizes are taken for the DES (1 January 2019 for 2019/20).</summary>
    public DateOnly PopulationDate => new(StartYear, 1, 1);

    public static FinancialYear Containing(DateOnly date) => new(date.Month >= 4 ? date.Year : date.Year - 1);

    public bool Contains(DateOnly date) => date >= FirstDay && date <= LastDay;

    /// <summary>The twelve months of the year, April first, each as its first day.</summary>
    public IEnumerable<DateOnly> Months()
    {
        for (var i = 0; i < 12; i++)
        {
            yield return FirstDay.AddMonths(i);
        }
    }

    public FinancialYear Next() => new(StartYear + 1);

    public FinancialYear Previous() => new(StartYear - 1);

    public int CompareTo(FinancialYear other) => StartYear.CompareTo(other.StartYear);

    public override string ToString() => $"{StartYear}/{(StartYear + 1) % 100:00}";

    /// <summary>Parses "2019/20", "2019-20" or "2019".</summary>
    public static bool TryParse(string? text, out FinancialYear year)
    {
        year = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        var parts = trimmed.Split('/', '-');
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var start) || parts[0].Length != 4 || start < 2000 || start > 2100)
        {
            return false;
        }

        if (parts.Length == 2)
        {
            if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var end))
            {
                return false;
            }

            var expected = parts[1].Length == 2 ? (start + 1) % 100 : start + 1;
            if (end != expected)
            {
                return false;
            }
        }
        else if (parts.Length > 2)
        {
            return false;
        }

        year = new FinancialYear(start);
        return true;
    }

    public static FinancialYear Parse(string text) =>
        TryParse(text, out var year) ? year : throw new FormatException($"'{text}' is not a financial year; write it as 2019/20.");
}
