using System.Globalization;
using System.Text;

namespace PcnPortal.Web.Infrastructure.Files;

/// <summary>
/// Writes CSV cells safely for every export in the portal: quoted when needed, and formula-looking text (a leading =, +,
/// -, @, tab or carriage return) neutralised with a leading ' so a spreadsheet never runs it.
/// </summary>
public static class CsvCells
{
    public static string Line(IEnumerable<string?> cells) => string.Join(',', cells.Select(Cell));

    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        value = Neutralise(value);
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>Prefixes ' to text a spreadsheet would read as a formula; other text is returned as it is.</summary>
    public static string Neutralise(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    /// <summary>Pounds with two decimals, e.g. 3150.83 (numbers are written as numbers: never neutralised).</summary>
    public static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Number(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    public static StringBuilder AppendRow(this StringBuilder builder, IEnumerable<string?> cells) => builder.Append(Line(cells)).Append("\r\n");
}
