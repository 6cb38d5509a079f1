using System.Globalization;

namespace PcnPortal.Web.Infrastructure.Files;

/// <summary>
/// Dates as NHS Digital files write them: <c>20191001</c>, <c>01JAN2021</c>, <c>01Jan2022</c>, <c>01-Sep-20</c>,
/// <c>01-SEP-2020</c>, <c>2026-04-01</c>, <c>01/10/2019</c> (day first), <c>1 October 2019</c>, ISO date-times, and Excel
/// serial day numbers from 1950 (<c>43739</c>, 1900 date system). Two-digit years are 2000–2049 or 1950–1999. Impossible dates
/// (20190231) are rejected, as are years outside 1900–2100.
/// </summary>
public static class NhsDateParser
{
    private static readonly string[] Formats =
    [
        "yyyyMMdd",
        "ddMMMyyyy", "dMMMyyyy",
        "dd-MMM-yy", "d-MMM-yy", "dd-MMM-yyyy", "d-MMM-yyyy",
        "dd MMM yyyy", "d MMM yyyy", "dd MMMM yyyy", "d MMMM yyyy", "dd-MMMM-yyyy",
        "yyyy-MM-dd", "yyyy-M-d", "yyyy/MM/dd",
        "dd/MM/yyyy", "d/M/yyyy", "dd/MM/yy", "dd-MM-yyyy", "dd.MM.yyyy",
        "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mm:ss.fff",
        "dd/MM/yyyy HH:mm:ss", "dd/MM/yyyy HH:mm",
    ];

    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>The formats accepted, for messages.</summary>
    public const string Description = "a date such as 20191001, 01JAN2021, 01-Sep-20, 2026-04-01 or 01/10/2019";

    public static bool TryParse(string? text, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();

        // Excel serial day number (a date cell without a date style, or a number exported as text): at most 5 digits, optional ".0".
        if (TrySerial(trimmed, out date))
        {
            return true;
        }

        if (DateTime.TryParseExact(trimmed, Formats, Culture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            date = DateOnly.FromDateTime(parsed);
            return InRange(date);
        }

        return false;
    }

    /// <summary>Parses a date or throws <see cref="FormatException"/> naming the text.</summary>
    public static DateOnly Parse(string text) =>
        TryParse(text, out var date) ? date : throw new FormatException($"'{text}' is not {Description}.");

    /// <summary>Converts an Excel serial day number (1900 date system) to a date.</summary>
    public static DateOnly FromExcelSerial(double serial) => DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)));

    private static bool TrySerial(string text, out DateOnly date)
    {
        date = default;
        var integerPart = text;
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0)
        {
            integerPart = text[..dot];
            if (text.AsSpan(dot + 1).ContainsAnyExceptInRange('0', '9'))
            {
                return false;
            }
        }

        if (integerPart.Length is < 1 or > 5 || !integerPart.All(char.IsAsciiDigit))
        {
            return false;
        }

        if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, Culture, out var serial) || serial < 1)
        {
            return false;
        }

        // Small numbers are not plausible dates in these files: accept serials from 1950 (18264) onwards.
        date = FromExcelSerial(serial);
        return date.Year is >= 1950 and <= 2100;
    }

    private static bool InRange(DateOnly date) => date.Year is >= 1900 and <= 2100;
}
