using System.Globalization;

namespace PcnPortal.Web.Infrastructure.Web.Forms;

/// <summary>The day, month and year boxes of the NHS.UK date input, as typed (posted as "Input.StartDate.Day", ".Month", ".Year").</summary>
public sealed class DateParts
{
    public string? Day { get; set; }

    public string? Month { get; set; }

    public string? Year { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    /// <summary>The date, or null when the boxes do not hold a whole real date.</summary>
    public DateOnly? Date => FormDate.Parse(this, "date", required: false).Value;

    /// <summary>The first day of the month typed in the month and year boxes (the day box is ignored), or null.</summary>
    public DateOnly? FirstOfMonth => FormDate.ParseMonth(this, "month", required: false).Value;

    public static DateParts From(DateOnly? date) => date is { } d
        ? new DateParts { Day = d.Day.ToString(CultureInfo.InvariantCulture), Month = d.Month.ToString(CultureInfo.InvariantCulture), Year = d.Year.ToString(CultureInfo.InvariantCulture) }
        : new DateParts();

    public static DateParts FromMonth(DateOnly? month) => month is { } m
        ? new DateParts { Month = m.Month.ToString(CultureInfo.InvariantCulture), Year = m.Year.ToString(CultureInfo.InvariantCulture) }
        : new DateParts();
}

/// <summary>Which boxes of a date input are wrong (the page marks them red and the error summary links to the first).</summary>
[Flags]
public enum DatePart
{
    None = 0,
    Day = 1,
    Month = 2,
    Year = 4,
    All = Day | Month | Year,
}

/// <summary>A parsed date input: the date, or the NHS.UK error message and the boxes it is about.</summary>
public readonly record struct FormDateResult(DateOnly? Value, string? Error, DatePart Wrong)
{
    public bool IsValid => Error is null;
}

/// <summary>
/// The one parser of dates typed into forms (the NHS.UK three-box pattern, with its error messages) and of ISO dates in
/// query strings and files ("2024-04-01", "2024-04").
/// </summary>
public static class FormDate
{
    /// <summary>
    /// The earliest date the portal takes anywhere (forms, query strings, files, the command line). Nothing it holds is older:
    /// PCNs began in July 2019 and the ARRS baseline is 31 March 2019; older dates are slips ("1900", "0001") and are refused
    /// with a message rather than reaching date arithmetic.
    /// </summary>
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    /// <summary>The latest date the portal takes anywhere. Pages that know better (a claim month, a payment) bound it more tightly.</summary>
    public static readonly DateOnly Latest = new(2099, 12, 31);

    private static readonly string[] MonthNames = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames;
    private static readonly string[] MonthAbbreviations = CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedMonthNames;

    /// <summary>
    /// Parses day, month and year. <paramref name="what"/> names the date in messages, in lower case after "Enter":
    /// "the start date" gives "Enter the start date", "The start date must include a month", "The start date must be a real date".
    /// When not <paramref name="required"/>, three empty boxes are valid (no date).
    /// </summary>
    public static FormDateResult Parse(DateParts? parts, string what, bool required = true)
    {
        var day = parts?.Day?.Trim() ?? string.Empty;
        var month = parts?.Month?.Trim() ?? string.Empty;
        var year = parts?.Year?.Trim() ?? string.Empty;
        var missing = (day.Length == 0 ? DatePart.Day : 0) | (month.Length == 0 ? DatePart.Month : 0) | (year.Length == 0 ? DatePart.Year : 0);
        if (missing == DatePart.All)
        {
            return required ? new(null, $"Enter {what}", DatePart.All) : new(null, null, DatePart.None);
        }

        if (missing != DatePart.None)
        {
            return new(null, $"{Sentence(what)} must include {MissingWords(missing)}", missing);
        }

        return Build(day, month, year, what);
    }

    /// <summary>Parses a month and year (the day box is not shown). The value is the first day of the month.</summary>
    public static FormDateResult ParseMonth(DateParts? parts, string what, bool required = true)
    {
        var month = parts?.Month?.Trim() ?? string.Empty;
        var year = parts?.Year?.Trim() ?? string.Empty;
        if (month.Length == 0 && year.Length == 0)
        {
            return required ? new(null, $"Enter {what}", DatePart.Month | DatePart.Year) : new(null, null, DatePart.None);
        }

        if (month.Length == 0 || year.Length == 0)
        {
            var missing = month.Length == 0 ? DatePart.Month : DatePart.Year;
            return new(null, $"{Sentence(what)} must include {MissingWords(missing)}", missing);
        }

        return Build("1", month, year, what);
    }

    /// <summary>An ISO date, "2024-04-01" (query strings, CSV files, the CLI), between <see cref="Earliest"/> and <see cref="Latest"/>.</summary>
    public static bool TryParseIso(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date) && InRange(date);

    /// <summary>An ISO month, "2024-04", as its first day, between <see cref="Earliest"/> and <see cref="Latest"/>.</summary>
    public static bool TryParseIsoMonth(string? text, out DateOnly month) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out month) && InRange(month);

    /// <summary>Whether a date is one the portal takes at all (see <see cref="Earliest"/>).</summary>
    public static bool InRange(DateOnly date) => date >= Earliest && date <= Latest;

    /// <summary>The message for a date outside <see cref="Earliest"/>..<see cref="Latest"/>.</summary>
    public static string OutOfRange(string what) => $"{Sentence(what)} must be between {Earliest.Year} and {Latest.Year}";

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string IsoMonth(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static FormDateResult Build(string dayText, string monthText, string yearText, string what)
    {
        var wrong = DatePart.None;
        if (!int.TryParse(dayText, NumberStyles.None, CultureInfo.InvariantCulture, out var day) || day is < 1 or > 31)
        {
            wrong |= DatePart.Day;
        }

        if (!TryMonth(monthText, out var month))
        {
            wrong |= DatePart.Month;
        }

        if (yearText.Length != 4 || !int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1)
        {
            // "Year must include 4 numbers" when the rest is fine: the commonest slip ("24" for 2024).
            return wrong == DatePart.None && yearText.Length != 4 && yearText.All(char.IsAsciiDigit)
                ? new(null, "Year must include 4 numbers", DatePart.Year)
                : new(null, $"{Sentence(what)} must be a real date", wrong | DatePart.Year);
        }

        if (wrong != DatePart.None || day > DateTime.DaysInMonth(year, month))
        {
            return new(null, $"{Sentence(what)} must be a real date", wrong == DatePart.None ? DatePart.Day : wrong);
        }

        var date = new DateOnly(year, month, day);
        return InRange(date) ? new(date, null, DatePart.None) : new(null, OutOfRange(what), DatePart.Year);
    }

    private static bool TryMonth(string text, out int month)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out month))
        {
            return month is >= 1 and <= 12;
        }

        // Month names are accepted as well as numbers ("March", "mar").
        for (var i = 0; i < 12; i++)
        {
            if (string.Equals(text, MonthNames[i], StringComparison.OrdinalIgnoreCase) || string.Equals(text, MonthAbbreviations[i], StringComparison.OrdinalIgnoreCase))
            {
                month = i + 1;
                return true;
            }
        }

        return false;
    }

    private static string MissingWords(DatePart missing) => missing switch
    {
        DatePart.Day => "a day",
        DatePart.Month => "a month",
        DatePart.Year => "a year",
        DatePart.Day | DatePart.Month => "a day and month",
        DatePart.Day | DatePart.Year => "a day and year",
        _ => "a month and year",
    };

    private static string Sentence(string what) => what.Length == 0 ? what : char.ToUpperInvariant(what[0]) + what[1..];
}
